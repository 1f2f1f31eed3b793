/**
 * A closed-loop HTTP/1.1 load generator on raw keep-alive sockets to 127.0.0.1: each of
 * `connections` sockets sends a request, waits for the whole response, and sends the next at once.
 * Responses that complete inside the measured window (after the warm-up) count; at the end no new
 * request is sent, in-flight ones are awaited (at most `drainMs`), and every socket is closed.
 * Raw sockets (bench/http1.ts) keep the generator's own CPU cost low.
 */
import net from 'node:net';
import { postHead, request, ResponseReader } from './http1.ts';

export interface LoadSpec {
  port: number;
  path: string;
  /** HTTP Basic user (the write key) */
  user: string;
  body: () => string;
  eventsPerRequest: number;
  connections: number;
  warmupMs: number;
  durationMs: number;
  drainMs?: number;
}

export interface LoadResult {
  /** events per second acknowledged with a 2xx inside the measured window */
  eventsPerSec: number;
  requests: number;
  /** non-2xx answers and socket errors, over the whole run */
  errors: number;
  firstError: string | null;
  /** every event acknowledged with a 2xx, warm-up and drain included (to check against the rows stored) */
  ackedEvents: number;
  p50Ms: number;
  p99Ms: number;
}

const percentile = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))]! : NaN);

export async function runLoad(spec: LoadSpec): Promise<LoadResult> {
  const head = postHead(spec.port, spec.path, spec.user);
  const start = performance.now();
  const windowStart = start + spec.warmupMs;
  const end = windowStart + spec.durationMs;
  const latencies: number[] = [];
  let requests = 0;
  let errors = 0;
  let ackedEvents = 0;
  let firstError: string | null = null;
  const fail = (why: string) => {
    errors++;
    firstError ??= why;
  };

  const sockets = new Set<net.Socket>();
  const connection = () =>
    new Promise<void>((resolve) => {
      const sock = net.connect(spec.port, '127.0.0.1');
      sockets.add(sock);
      sock.setNoDelay(true);
      let done = false;
      const reader = new ResponseReader();
      let sentAt = 0;
      const send = () => {
        const body = spec.body();
        sentAt = performance.now();
        sock.write(request(head, body));
      };
      const finish = () => {
        done = true;
        sock.destroy();
        resolve();
      };
      sock.on('connect', send);
      sock.on('error', (err) => fail(`socket: ${err.message}`));
      sock.on('close', () => {
        if (!done) fail('connection closed before the end of the run');
        resolve();
      });
      sock.on('data', (chunk) => {
        let responses;
        try {
          responses = reader.push(chunk);
        } catch (err) {
          fail((err as Error).message);
          return finish();
        }
        // One request in flight per socket: at most one response per chunk is ours to answer.
        for (const { status, body } of responses) {
          const t = performance.now();
          if (status >= 200 && status < 300) {
            ackedEvents += spec.eventsPerRequest;
            if (t >= windowStart && t < end) {
              requests++;
              latencies.push(t - sentAt);
            }
          } else fail(`HTTP ${status}: ${body.slice(0, 300)}`);
          if (t < end) send();
          else finish();
        }
      });
    });

  const all = Promise.all(Array.from({ length: spec.connections }, connection));
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<void>((r) => (timer = setTimeout(r, spec.warmupMs + spec.durationMs + (spec.drainMs ?? 5_000))));
  await Promise.race([all, deadline]);
  clearTimeout(timer);
  const stuck = [...sockets].filter((s) => !s.destroyed);
  if (stuck.length) fail(`${stuck.length} request(s) still in flight after the drain time`);
  for (const sock of stuck) sock.destroy();
  latencies.sort((a, b) => a - b);
  return {
    eventsPerSec: (requests * spec.eventsPerRequest) / (spec.durationMs / 1000),
    requests, errors, firstError, ackedEvents,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
  };
}
