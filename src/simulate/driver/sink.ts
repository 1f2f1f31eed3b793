/**
 * The simulator's own SMTP server: the store's `smtpUrl` points here, so mail from every process
 * of the deployment reaches the simulator. A message is answered 250 only after it is parsed and
 * queued, so once the server reports nothing in flight, every mail it sent is in the queue.
 * Parsing skips the HTML-to-text conversions (0.8 instead of 1.3 ms a mail).
 */
import { simpleParser, type AddressObject, type SimpleParserOptions } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import type { RawMail } from './mail.ts';

export interface MailSink {
  url: string;
  received: number;
  /** the mail received since the last call, in arrival order */
  take(): RawMail[];
  close(): Promise<void>;
}

const PARSE: SimpleParserOptions = { skipHtmlToText: true, skipTextToHtml: true, skipTextLinks: true, skipImageLinks: true };

function firstAddress(to: AddressObject | AddressObject[] | undefined): string {
  const list = Array.isArray(to) ? to : to ? [to] : [];
  return list[0]?.value[0]?.address ?? '';
}

/** Listens on `host`, on a free port. */
export async function startMailSink(host = '127.0.0.1'): Promise<MailSink> {
  let queue: RawMail[] = [];
  const sink = { received: 0 } as MailSink;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    size: 2 * 1024 * 1024,
    // The server's pooled connections stay open; closing should not wait 30 s for them to leave.
    closeTimeout: 200,
    onData(stream, _session, callback) {
      simpleParser(stream, PARSE)
        .then((m) => {
          const line = m.headerLines.find((h) => h.key === 'list-unsubscribe')?.line ?? null;
          queue.push({ to: firstAddress(m.to), messageId: m.messageId ?? null, html: typeof m.html === 'string' ? m.html : '', text: m.text ?? '', listUnsubscribe: line });
          sink.received++;
          callback();
        })
        .catch((err: Error) => callback(err));
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, () => resolve());
  });
  const { port } = server.server.address() as { port: number };
  sink.url = `smtp://${host.includes(':') ? `[${host}]` : host}:${port}`;
  sink.take = () => {
    const out = queue;
    queue = [];
    return out;
  };
  sink.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return sink;
}
