/**
 * An open-loop HTTP/1.1 load generator: request k is due at start + k/rate, whatever the server
 * does. Due requests join one FIFO queue; an idle keep-alive connection takes the head. A request
 * that waits for a free connection keeps its scheduled time, so its latency is counted from when it
 * was due (no coordinated omission: a stalled server shows up as latency of everything behind it).
 *
 * The schedule runs warmupMs + durationMs; requests due in the last durationMs are measured. Then
 * nothing new is due; the queue and in-flight requests get at most drainMs, and every socket closes.
 * A request due in the window but not answered with a 2xx by then is *missed*; it still enters the
 * percentiles with the time it had waited at the end (a lower bound), so misses cannot flatter p99.
 */
import net from 'node:net';
import { postHead, request, ResponseReader } from './http1.ts';

export interface OpenLoopSpec {
  port: number;
  path: string;
  /** HTTP Basic user (the write key) */
  user: string;
  body: () => string;
  /** requests per second */
  rate: number;
  connections: number;
  warmupMs: number;
  durationMs: number;
  drainMs: number;
}

export interface OpenLoopResult {
  /** requests due in the measured window */
  scheduled: number;
  /** of those, answered with a 2xx */
  answered: number;
  /** of those, not answered with a 2xx before the end (errors included) */
  missed: number;
  /** non-2xx answers and socket errors over the whole run */
  errors: number;
  firstError: string | null;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** most requests waiting for a free connection at once */
  maxQueue: number;
  /** p99 of (sent − due) for requests that found a connection idle: the generator's own timer lag */
  sendLagP99Ms: number;
  /** every 2xx over the whole run, to compare with the rows the server stored */
  acked: number;
  /** 2xx answers per second from the start to the last answer: what the server kept up with */
  answeredPerSec: number;
}

const percentile = (sorted: Float64Array, p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))]! : NaN);

export async function runOpenLoop(spec: OpenLoopSpec): Promise<OpenLoopResult> {
  const head = postHead(spec.port, spec.path, spec.user);
  const interval = 1000 / spec.rate;
  const total = Math.floor((spec.rate * (spec.warmupMs + spec.durationMs)) / 1000);
  const firstMeasured = Math.ceil((spec.rate * spec.warmupMs) / 1000);
  const latency = new Float64Array(total).fill(NaN);
  const sendLag: number[] = [];
  let errors = 0;
  let acked = 0;
  let lastAnswerAt = 0;
  let firstError: string | null = null;
  const fail = (why: string) => {
    errors++;
    firstError ??= why;
  };

  // Connect everything before the clock starts, so connection set-up is not part of any latency.
  const sockets = await Promise.all(Array.from({ length: spec.connections }, () => new Promise<net.Socket>((resolve, reject) => {
    const s = net.connect(spec.port, '127.0.0.1', () => resolve(s));
    s.setNoDelay(true);
    s.once('error', reject);
  })));

  const t0 = performance.now() + 5;
  const due = (k: number) => t0 + k * interval;
  const queue: number[] = [];
  let qHead = 0;
  let nextDue = 0;
  let maxQueue = 0;
  const idle: Conn[] = [];
  let allDone: () => void = () => {};
  const finished = new Promise<void>((r) => (allDone = r));
  let outstanding = total;
  let stopping = false;

  interface Conn { sock: net.Socket; reader: ResponseReader; k: number }
  const send = (c: Conn, k: number) => {
    c.k = k;
    c.sock.write(request(head, spec.body()));
  };
  const takeNext = (c: Conn) => {
    if (qHead < queue.length) send(c, queue[qHead++]!);
    else idle.push(c);
  };
  const settle = () => {
    if (--outstanding === 0) allDone();
  };

  for (const sock of sockets) {
    const c: Conn = { sock, reader: new ResponseReader(), k: -1 };
    sock.on('error', (err) => fail(`socket: ${err.message}`));
    sock.on('close', () => {
      if (c.k >= 0 && !stopping) fail('connection closed by the server with a request in flight');
    });
    sock.on('data', (chunk) => {
      let responses;
      try {
        responses = c.reader.push(chunk);
      } catch (err) {
        fail((err as Error).message);
        sock.destroy();
        return;
      }
      for (const { status, body } of responses) {
        const k = c.k;
        c.k = -1;
        if (status >= 200 && status < 300) {
          lastAnswerAt = performance.now();
          latency[k] = lastAnswerAt - due(k);
          acked++;
        } else fail(`HTTP ${status}: ${body.slice(0, 300)}`);
        settle();
        takeNext(c);
      }
    });
    idle.push(c);
  }

  // The clock: every millisecond or so, everything now due joins the queue and idle connections take it.
  let timer: NodeJS.Timeout | undefined;
  const tick = () => {
    const now = performance.now();
    while (nextDue < total && due(nextDue) <= now) queue.push(nextDue++);
    maxQueue = Math.max(maxQueue, queue.length - qHead);
    while (idle.length && qHead < queue.length) {
      const k = queue[qHead++]!;
      sendLag.push(now - due(k));
      send(idle.pop()!, k);
    }
    if (nextDue < total) timer = setTimeout(tick, Math.max(0, Math.min(1, due(nextDue) - performance.now())));
  };
  timer = setTimeout(tick, Math.max(0, t0 - performance.now()));

  const scheduleEnd = due(total);
  await Promise.race([finished, new Promise<void>((r) => setTimeout(r, scheduleEnd - performance.now() + spec.drainMs))]);
  clearTimeout(timer);
  const stoppedAt = performance.now();
  stopping = true;
  for (const s of sockets) s.destroy();

  let missed = 0;
  const measured = new Float64Array(total - firstMeasured);
  for (let k = firstMeasured; k < total; k++) {
    const l = latency[k]!;
    if (Number.isNaN(l)) missed++;
    measured[k - firstMeasured] = Number.isNaN(l) ? stoppedAt - due(k) : l;
  }
  measured.sort();
  const lag = Float64Array.from(sendLag).sort();
  return {
    scheduled: measured.length, answered: measured.length - missed, missed, errors, firstError,
    p50Ms: percentile(measured, 50), p99Ms: percentile(measured, 99), maxMs: measured.length ? measured[measured.length - 1]! : NaN,
    maxQueue, sendLagP99Ms: percentile(lag, 99), acked, answeredPerSec: acked ? Math.round(acked / ((lastAnswerAt - t0) / 1000)) : 0,
  };
}
