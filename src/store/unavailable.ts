/**
 * Whether an error means "the database cannot take this now" (retry later) rather than "this
 * request or event is wrong". HTTP answers such errors with 503 unavailable (src/http/errors.ts);
 * the applier leaves the events pending instead of setting them aside.
 *
 * By code: SQLite's result codes (disk full, locked, I/O, read-only, cannot open), socket errors,
 * PostgreSQL's SQLSTATE classes 08 (connection exception) and 53 (insufficient resources: disk
 * full, out of memory, too many connections), 57P01-03 (admin shutdown, crash shutdown, cannot
 * connect now) and 25006 (read-only transaction: a standby, or default_transaction_read_only).
 * By message: what pg says of a connection that died under a client.
 */
const CODE = /^(SQLITE_(FULL|BUSY|IOERR|READONLY|CANTOPEN)|ECONNREFUSED|ECONNRESET|EPIPE|ETIMEDOUT|08[0-9A-Z]{3}$|53[0-9A-Z]{3}$|57P0[123]$|25006$)/;
const MESSAGE = /SQLITE_(FULL|BUSY|IOERR|READONLY|CANTOPEN)|ECONNREFUSED|ECONNRESET|Connection terminated|not queryable|timeout exceeded when trying to connect/;

export function isUnavailable(err: unknown): boolean {
  const e = (err ?? {}) as { code?: unknown; message?: unknown };
  return CODE.test(String(e.code ?? '')) || MESSAGE.test(String(e.message ?? ''));
}
