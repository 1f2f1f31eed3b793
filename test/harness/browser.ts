/**
 * A real browser for tests: Debian's Chromium driven by playwright-core (nothing is downloaded).
 * Without /usr/bin/chromium the browser tests are skipped with the reason, except in CI (CI=true),
 * where that is a failure.
 */
import fs from 'node:fs';
import http from 'node:http';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = process.env.CARTBACK_TEST_CHROMIUM ?? '/usr/bin/chromium';
export const browserSkip: string | false = fs.existsSync(CHROMIUM) ? false : `no Chromium at ${CHROMIUM} (apt-get install chromium, or set CARTBACK_TEST_CHROMIUM)`;
if (browserSkip && process.env.CI === 'true') throw new Error(`CI requires a browser: ${browserSkip}`);

export const PERSON_AGENT = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36';

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    // A person's browser says Chrome, not HeadlessChrome (which Cartback takes for a mail scanner).
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', `--user-agent=${PERSON_AGENT}`],
  });
}

/** A storefront on its own origin (another port), serving the given HTML at every path. */
export async function storefront(html: (path: string) => string): Promise<{ origin: string; close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(html(req.url ?? '/'));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  return { origin, close: () => new Promise<void>((r) => server.close(() => r())) };
}
