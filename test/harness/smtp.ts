/** A real SMTP server in the test process (smtp-server), keeping every message it accepts, parsed. */
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface SmtpSink {
  url: string;
  messages: ParsedMail[];
  /** while true, DATA is received but never answered (a provider that hangs mid-send) */
  hang: boolean;
  /** recipients refused at RCPT TO with this reply (a mailbox that does not exist: 550) */
  refuse: Map<string, { code: number; message: string }>;
  /** recipients whose next DATA gets this reply instead of being accepted, as many times as listed (451: try later) */
  deferData: Map<string, Array<{ code: number; message: string }>>;
  received: number;
  /** the message exactly as it came over SMTP (a DKIM signature is checked on these bytes) */
  raw(mail: ParsedMail): Buffer;
  waitFor(count: number, timeoutMs?: number): Promise<ParsedMail[]>;
  close(): Promise<void>;
}

export async function startSmtp(): Promise<SmtpSink> {
  const sink = {
    messages: [] as ParsedMail[],
    hang: false,
    received: 0,
    refuse: new Map(),
    deferData: new Map(),
  } as SmtpSink;
  const raws = new WeakMap<ParsedMail, Buffer>();
  sink.raw = (mail) => raws.get(mail) ?? Buffer.alloc(0);
  const reply = (r: { code: number; message: string }) => Object.assign(new Error(r.message), { responseCode: r.code });
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      const r = sink.refuse.get(address.address);
      callback(r ? reply(r) : undefined);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      new Promise<Buffer>((resolve, reject) => stream.once('end', () => resolve(Buffer.concat(chunks))).once('error', reject))
        .then(async (bytes) => {
          const mail = await simpleParser(bytes);
          raws.set(mail, bytes);
          const to = session.envelope.rcptTo[0]?.address ?? '';
          const deferred = sink.deferData.get(to)?.shift();
          if (deferred) return callback(reply(deferred));
          sink.received++;
          if (sink.hang) return; // never answer: the client waits, as with a stalled provider
          sink.messages.push(mail);
          callback();
        })
        .catch((err: Error) => callback(err));
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as { port: number }).port;
  sink.url = `smtp://127.0.0.1:${port}`;
  sink.waitFor = async (count, timeoutMs = 15_000) => {
    const until = Date.now() + timeoutMs;
    while (sink.messages.length < count) {
      if (Date.now() > until) throw new Error(`expected ${count} email(s), got ${sink.messages.length} within ${timeoutMs} ms: ${sink.messages.map((m) => m.subject).join(' | ')}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    return sink.messages;
  };
  sink.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return sink;
}
