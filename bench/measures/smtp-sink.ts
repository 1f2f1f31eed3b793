/**
 * The SMTP sink, in its own process so it does not share the sender's core: smtp-server accepting
 * every message and discarding it (no parsing), no TLS, no auth. Says { port } once it listens;
 * answers 'count' with { count } (messages accepted so far); exits on 'stop'.
 */
import { SMTPServer } from 'smtp-server';

let count = 0;
const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS', 'AUTH'],
  logger: false,
  // No reverse DNS of 127.0.0.1 (up to 1.5 s per connection). smtp-server's own 100 ms wait before
  // its greeting stays: both sides pay it once per pooled connection (nodemailer reconnects every
  // 100 messages), as they would with a real server.
  disableReverseLookup: true,
  onData(stream, _session, callback) {
    stream.on('end', () => {
      count++;
      callback();
    });
    stream.resume();
  },
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
process.send!({ port: (server.server.address() as { port: number }).port });
process.on('message', (m) => {
  if (m === 'count') process.send!({ count });
  if (m === 'stop') server.close(() => process.exit(0));
});
