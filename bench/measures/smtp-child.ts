/**
 * One SMTP sample: the same rendered messages sent to the sink (smtp-sink.ts, another process)
 * through a pool of `pool` connections, keeping `inflight` sends open at a time (the engine steps
 * 8 runs at once), counting sends accepted inside the timed window after a warm-up.
 *
 *   ours      Cartback's smtpMailer (src/channels/email/transport.ts), as `Mailers` builds it
 *   baseline  nodemailer.createTransport({ pool: true, maxConnections: pool }) and sendMail with
 *             the same fields
 *
 * argv: side smtpUrl pool inflight warmupMs durationMs
 */
import nodemailer from 'nodemailer';
import { smtpMailer, type OutgoingMail } from '../../src/channels/email/transport.ts';
import { sendResult } from './child.ts';
import { emailFixture } from './email-fixture.ts';

export interface SmtpSample { perSec: number; sent: number; failed: number; firstError: string | null }

const [side, url, poolArg, inflightArg, warmupArg, durationArg] = process.argv.slice(2) as [string, string, string, string, string, string];
const pool = Number(poolArg);

// Distinct messages (own ids, links and signatures), rendered before the clock starts.
const f = await emailFixture();
const mails: OutgoingMail[] = [];
for (let i = 0; i < 200; i++) mails.push(await f.compose());

let send: (m: OutgoingMail) => Promise<unknown>;
let close: () => void;
if (side === 'ours') {
  const mailer = smtpMailer(url, pool, 'cartback.shop.example.com');
  send = (m) => mailer.send(m);
  close = () => mailer.close();
} else {
  const { hostname, port } = new URL(url);
  const transport = nodemailer.createTransport({ host: hostname, port: Number(port), pool: true, maxConnections: pool });
  send = (m) => transport.sendMail({ from: m.from, to: m.to, subject: m.subject, html: m.html, text: m.text, headers: m.headers, messageId: `<${m.messageId}@cartback.shop.example.com>` });
  close = () => transport.close();
}

const t0 = performance.now();
const windowStart = t0 + Number(warmupArg);
const end = windowStart + Number(durationArg);
let counted = 0;
let sent = 0;
let failed = 0;
let firstError: string | null = null;
let next = 0;

async function lane(): Promise<void> {
  while (performance.now() < end) {
    try {
      await send(mails[next++ % mails.length]!);
      sent++;
      const t = performance.now();
      if (t >= windowStart && t < end) counted++;
    } catch (err) {
      failed++;
      firstError ??= (err as Error).message;
    }
  }
}

await Promise.all(Array.from({ length: Number(inflightArg) }, lane));
close();
sendResult({ perSec: Math.round(counted / (Number(durationArg) / 1000)), sent, failed, firstError } satisfies SmtpSample);
