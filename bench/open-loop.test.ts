/**
 * The open-loop generator against a local server whose behaviour we control. Not part of `npm test`
 * (it times things); run it with:  node --import tsx --test bench/open-loop.test.ts
 */
import assert from 'node:assert/strict';
import http from 'node:http';
import { test } from 'node:test';
import { runOpenLoop, type OpenLoopSpec } from './open-loop.ts';
import { workload } from './workload.ts';

/** A keep-alive server answering 200 after `delayFor(n)` ms for the n-th request; records messageIds. */
async function server(delayFor: (n: number) => number | null) {
  const ids: string[] = [];
  let n = 0;
  const s = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      ids.push((JSON.parse(body) as { messageId: string }).messageId);
      const delay = delayFor(n++);
      if (delay === null) return; // never answers
      setTimeout(() => res.end('{"success":true}'), delay);
    });
  });
  s.keepAliveTimeout = 60_000;
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  return { port: (s.address() as { port: number }).port, ids, close: () => new Promise<void>((r) => { s.closeAllConnections(); s.close(() => r()); }) };
}

const spec = (port: number, o: Partial<OpenLoopSpec>): OpenLoopSpec => ({ port, path: '/v1/track', user: 'k', body: workload(4).track, rate: 200, connections: 4, warmupMs: 200, durationMs: 1000, drainMs: 500, ...o });

test('at a load the server keeps up with, every request is answered, on time, once, with a unique messageId', async () => {
  const s = await server(() => 0);
  try {
    const r = await runOpenLoop(spec(s.port, { rate: 1000 }));
    assert.equal(r.scheduled, 1000);
    assert.equal(r.missed, 0);
    assert.equal(r.errors, 0);
    assert.equal(r.acked, 1200); // warm-up included
    assert.equal(new Set(s.ids).size, s.ids.length);
    // Timing is only loosely asserted: this machine is shared, and the server is in this process.
    assert.ok(r.p50Ms < 50, `p50 ${r.p50Ms} ms`);
  } finally {
    await s.close();
  }
});

test('a stall is charged to every request scheduled behind it, not only to the one that stalled (no coordinated omission)', async () => {
  // One connection, 200/s; the 100th request (inside the measured window) takes 500 ms. About 100
  // requests are due while it is held; each waits in the queue and counts from when it was due.
  const s = await server((n) => (n === 100 ? 500 : 0));
  try {
    const r = await runOpenLoop(spec(s.port, { connections: 1, durationMs: 2000 }));
    assert.equal(r.missed, 0);
    assert.ok(r.maxMs >= 480, `max ${r.maxMs} ms`);
    // A closed-loop generator would see one slow request of 400: its p99 would stay near 0.
    assert.ok(r.p99Ms >= 400, `p99 ${r.p99Ms} ms`);
    assert.ok(r.p50Ms < 250, `p50 ${r.p50Ms} ms`);
    assert.ok(r.maxQueue >= 80, `queue ${r.maxQueue}`);
  } finally {
    await s.close();
  }
});

test('a server that stops answering makes misses, and the run still ends by itself after the drain time', async () => {
  // 240 requests: 0–39 warm-up, 40–239 measured; the server answers only the first 120.
  const s = await server((n) => (n < 120 ? 0 : null));
  try {
    const t0 = performance.now();
    const r = await runOpenLoop(spec(s.port, {}));
    const took = performance.now() - t0;
    assert.ok(took < 200 + 1000 + 500 + 300, `took ${took} ms`);
    assert.equal(r.acked, 120);
    assert.equal(r.scheduled, 200);
    assert.equal(r.missed, 120);
    assert.equal(r.errors, 0); // closing our own sockets at the end is not the server's fault
    // a missed request counts with what it had waited when the run stopped: at least the drain time
    assert.ok(r.maxMs >= 500, `max ${r.maxMs} ms`);
  } finally {
    await s.close();
  }
});
