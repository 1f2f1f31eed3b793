/**
 * A mail server that misbehaves on demand, over real TCP: a front on a port of its own that Cartback
 * is pointed at, passing connections through to the SMTP sink behind it (test/harness/smtp.ts) or
 * failing them the ways mail servers fail:
 * - `refuse`: nothing listens (ECONNREFUSED), as when the server is down;
 * - `busy`: answers `421 4.3.2` at once and hangs up, as an overloaded server does;
 * - `stall`: accepts the connection and never says a word (holds the greeting);
 * - `pass`: a healthy server.
 * Stalling after DATA is the sink's own `hang`. In `pass` it is a plain TCP relay, so it fronts
 * PostgreSQL as well (a database host that refuses or does not answer).
 */
import net from 'node:net';

export type FrontMode = 'pass' | 'refuse' | 'busy' | 'stall';

export interface SmtpFront {
  url: string;
  /** connections the front accepted in any mode (refused ones never reach it) */
  connections: number;
  setMode(mode: FrontMode): Promise<void>;
  close(): Promise<void>;
}

export async function smtpFront(sinkUrl: string, mode: FrontMode = 'pass'): Promise<SmtpFront> {
  const backend = new URL(sinkUrl);
  const sockets = new Set<net.Socket>();
  let current: FrontMode = mode;
  const front = { connections: 0 } as SmtpFront;
  const server = net.createServer((socket) => {
    front.connections++;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    if (current === 'busy') return void socket.end('421 4.3.2 Service not available, try again later\r\n');
    if (current === 'stall') return; // holds the connection, says nothing
    const upstream = net.connect(Number(backend.port), backend.hostname);
    upstream.on('error', () => socket.destroy());
    socket.on('close', () => upstream.destroy());
    upstream.on('close', () => socket.destroy());
    socket.pipe(upstream).pipe(socket);
  });
  const listen = (port: number) => new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const stopListening = () => new Promise<void>((resolve) => (server.listening ? server.close(() => resolve()) : resolve()));
  const dropAll = () => {
    for (const s of sockets) s.destroy();
  };
  await listen(0);
  const port = (server.address() as net.AddressInfo).port;
  front.url = `smtp://127.0.0.1:${port}`;
  // A change of mode cuts the connections open (a stalled one would otherwise hang on forever).
  front.setMode = async (next) => {
    current = next;
    if (next === 'refuse') {
      await Promise.all([stopListening(), Promise.resolve(dropAll())]);
    } else {
      dropAll();
      if (!server.listening) await listen(port);
    }
  };
  front.close = async () => {
    dropAll();
    await stopListening();
  };
  if (mode === 'refuse') await front.setMode('refuse');
  return front;
}
