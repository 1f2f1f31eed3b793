/**
 * One SMTP sample of both sides: the same rendered messages sent to the sink (smtp-sink.ts, another
 * process) through a pool of `pool` connections, `inflight` sends open at a time (the engine steps
 * 8 runs at once).
 *
 *   ours      Cartback's smtpMailer (src/channels/email/transport.ts), as `Mailers` builds it
 *   baseline  nodemailer.createTransport({ pool: true, maxConnections: pool }) and sendMail with
 *             the same fields
 *
 * Both sides are near-identical code, so the ratio is close to 1 and this busy shared machine's
 * noise would decide it. So both run in this one process, in short alternating slices (ABBA…),
 * each slice stopping new sends at its end and waiting for its own to finish before the other side
 * starts: drift over time hits both sides alike. Each side gets a warm-up first.
 *
 * argv: smtpUrl pool inflight warmupMs durationMs (per side)
 */
import nodemailer from 'nodemailer';
import { smtpMailer, type OutgoingMail } from '../../src/channels/email/transport.ts';
import { sendResult } from './child.ts';
import { emailFixture } from './email-fixture.ts';
import type { Side } from './harness.ts';

export interface SmtpSideResult { perSec: number; sent: number; failed: number; firstError: string | null }
/** `accepted`: every message the sink accepted from this process, warm-up included */
export type SmtpSample = Record<Side, SmtpSideResult> & { accepted: number };

const SLICE_MS = 500;
const [url, poolArg, inflightArg, warmupArg, durationArg] = process.argv.slice(2) as [string, string, string, string, string];
const pool = Number(poolArg);
const host = 'cartback.shop.example.com';

// Distinct messages (own ids, links and signatures), rendered before any clock starts.
const f = await emailFixture();
const mails: OutgoingMail[] = [];
for (let i = 0; i < 200; i++) mails.push(await f.compose());

const ours = smtpMailer(url, pool, host);
const { hostname, port } = new URL(url);
const raw = nodemailer.createTransport({ host: hostname, port: Number(port), pool: true, maxConnections: pool });
const senders: Record<Side, (m: OutgoingMail) => Promise<unknown>> = {
  ours: (m) => ours.send(m),
  baseline: (m) => raw.sendMail({ from: m.from, to: m.to, subject: m.subject, html: m.html, text: m.text, headers: m.headers, messageId: `<${m.messageId}@${host}>` }),
};

const totals: Record<Side, SmtpSideResult & { ms: number }> = {
  ours: { perSec: 0, sent: 0, failed: 0, firstError: null, ms: 0 },
  baseline: { perSec: 0, sent: 0, failed: 0, firstError: null, ms: 0 },
};
let next = 0;
let accepted = 0;

/** `inflight` lanes send for `ms`, then finish what they started; returns sends completed and time taken. */
async function slice(side: Side, ms: number): Promise<{ sent: number; ms: number }> {
  const t0 = performance.now();
  const end = t0 + ms;
  let sent = 0;
  const t = totals[side];
  const lane = async () => {
    while (performance.now() < end) {
      try {
        await senders[side](mails[next++ % mails.length]!);
        sent++;
        accepted++;
      } catch (err) {
        t.failed++;
        t.firstError ??= (err as Error).message;
      }
    }
  };
  await Promise.all(Array.from({ length: Number(inflightArg) }, lane));
  return { sent, ms: performance.now() - t0 };
}

await slice('ours', Number(warmupArg));
await slice('baseline', Number(warmupArg));
const slices = Math.max(1, Math.round(Number(durationArg) / SLICE_MS));
for (let i = 0; i < slices; i++) {
  // ABBA: each side goes first as often as second.
  for (const side of i % 2 ? (['baseline', 'ours'] as const) : (['ours', 'baseline'] as const)) {
    const r = await slice(side, SLICE_MS);
    totals[side].sent += r.sent;
    totals[side].ms += r.ms;
  }
}
ours.close();
raw.close();
const result = (side: Side): SmtpSideResult => {
  const { ms, ...t } = totals[side];
  return { ...t, perSec: Math.round(t.sent / (ms / 1000)) };
};
sendResult({ ours: result('ours'), baseline: result('baseline'), accepted } satisfies SmtpSample);
