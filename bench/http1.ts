/**
 * The little HTTP/1.1 the load generators need on raw keep-alive sockets: a POST head prepared once
 * per run, and a reader that splits complete responses (Content-Length framed, as Fastify sends
 * them) off a socket's stream. Raw sockets keep the generator's own CPU cost low, which matters on a
 * 2-core machine where it shares the CPU with the server under test.
 */

/** `POST path` with Basic auth for `user`; append the body with {@link request}. */
export function postHead(port: number, path: string, user: string): string {
  const auth = Buffer.from(`${user}:`).toString('base64');
  return `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nAuthorization: Basic ${auth}\r\nContent-Type: application/json\r\nContent-Length: `;
}

export const request = (head: string, body: string): string => `${head}${Buffer.byteLength(body)}\r\n\r\n${body}`;

export interface Http1Response { status: number; body: string }

export class ResponseReader {
  private pending = '';

  /** Adds a chunk; returns the responses it completed, in order. Throws on a response it cannot frame. */
  push(chunk: Buffer): Http1Response[] {
    this.pending += chunk.toString('latin1');
    const out: Http1Response[] = [];
    for (;;) {
      const headEnd = this.pending.indexOf('\r\n\r\n');
      if (headEnd < 0) return out;
      const len = /\r\ncontent-length: *(\d+)/i.exec(this.pending.slice(0, headEnd));
      if (!len) throw new Error('response without content-length');
      const total = headEnd + 4 + Number(len[1]);
      if (this.pending.length < total) return out;
      out.push({ status: Number(this.pending.slice(9, 12)), body: this.pending.slice(headEnd + 4, total) });
      this.pending = this.pending.slice(total);
    }
  }
}
