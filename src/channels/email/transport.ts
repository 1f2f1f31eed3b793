/**
 * Where email goes: an SMTP server through a pooled nodemailer transport, or the dev mailbox, a
 * table that keeps every message (HTML, text, headers) so a developer can read it without SMTP.
 */
import type { Kysely } from 'kysely';
import nodemailer from 'nodemailer';
import { newId } from '../../kernel/ids.ts';
import type { DB } from '../../store/schema.ts';
import { dkimOption, type DkimKey } from './dkim.ts';

export interface OutgoingMail {
  storeId: string;
  messageId: string;
  from: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  headers: Record<string, string>;
  /** set by the store's mailer (mailers.ts) when its mail is DKIM-signed */
  dkim?: DkimKey;
}

export interface Mailer {
  readonly label: string;
  /** Resolves with the provider's message id once the message is accepted. */
  send(mail: OutgoingMail): Promise<{ providerId: string }>;
  verify(): Promise<void>;
  close(): void;
}

/** What nodemailer is given for a message, whichever way it goes (also what the spam-score test scores). */
export function envelope(mail: OutgoingMail, host: string) {
  return {
    from: mail.from,
    to: mail.to,
    subject: mail.subject,
    html: mail.html,
    text: mail.text,
    headers: mail.headers,
    messageId: `<${mail.messageId}@${host}>`,
    ...(mail.dkim ? { dkim: dkimOption(mail.dkim) } : {}),
  };
}

/**
 * Set on an error of SMTP `send`: whether any of the message had been read towards the server
 * (the envelope was accepted and DATA under way). nodemailer reports a socket timeout or a dropped
 * connection with command `CONN` wherever it happened, so only this tells "never handed over, try
 * again" from "the server may have it, never again" (src/channels/email/delivery-outcome.ts).
 */
export interface SendError extends Error { messageStarted?: boolean }

/** A nodemailer plugin that keeps the stream the transport reads the message from (after DKIM and every other stage). */
type Watched = { data: { cartbackStream?: { stream?: NodeJS.ReadableStream } }; message: { createReadStream(...a: unknown[]): NodeJS.ReadableStream } };
function watchMessageStream(mail: Watched, done: (err?: Error | null) => void): void {
  const holder = mail.data.cartbackStream;
  if (holder) {
    const create = mail.message.createReadStream.bind(mail.message);
    mail.message.createReadStream = (...a: unknown[]) => (holder.stream = create(...a));
  }
  done();
}

export function smtpMailer(url: string, pool: number, host: string, timeoutMs = 20_000): Mailer {
  // Bounded waits: a stalled server must not hold a send (and its run's lease) for minutes.
  const transport = nodemailer.createTransport({ url, pool: true, maxConnections: pool, connectionTimeout: timeoutMs / 2, greetingTimeout: timeoutMs / 2, socketTimeout: timeoutMs } as unknown as string);
  transport.use('stream', watchMessageStream as unknown as Parameters<typeof transport.use>[1]);
  return {
    label: `smtp ${new URL(url).host}`,
    async send(mail) {
      const watched: { stream?: NodeJS.ReadableStream } = {};
      try {
        const info = await transport.sendMail({ ...envelope(mail, host), cartbackStream: watched } as Parameters<typeof transport.sendMail>[0]);
        return { providerId: info.messageId };
      } catch (err) {
        // readableDidRead: a byte of the message went towards the server (nodemailer's own test before it re-sends on another connection)
        if (err instanceof Error) (err as SendError).messageStarted = (watched.stream as { readableDidRead?: boolean } | undefined)?.readableDidRead === true;
        throw err;
      }
    },
    async verify() {
      await transport.verify();
    },
    close: () => transport.close(),
  };
}

export function devMailbox(db: Kysely<DB>, host: string, now: () => number): Mailer {
  const builder = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    label: 'dev mailbox',
    async send(mail) {
      const info = await builder.sendMail(envelope(mail, host));
      const raw = (info.message as Buffer).toString('utf8');
      const head = raw.slice(0, raw.indexOf('\n\n'));
      const headers = Object.fromEntries(
        // header names in lower case, as Node reports them
        head.replace(/\n[ \t]+/g, ' ').split('\n').map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]),
      );
      await db
        .insertInto('mailbox')
        .values({ store_id: mail.storeId, id: newId(), message_id: mail.messageId, to_address: mail.to, from_address: mail.from, subject: mail.subject, html: mail.html, text: mail.text, headers: JSON.stringify(headers), created_at: now() })
        .execute();
      return { providerId: info.messageId };
    },
    async verify() {},
    close() {},
  };
}
