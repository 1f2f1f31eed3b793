/**
 * One running Cartback per test suite: a fresh database of the dialect, optionally a real SMTP
 * server, the server launched in-process, and an API client. Register it inside a describe(); the
 * fields are filled in before the first test and everything is closed after the last.
 */
import { after, before } from 'node:test';
import type { ParsedMail } from 'mailparser';
import type { Launched } from '../../src/cli/start.ts';
import { client } from './api.ts';
import type { Dialect } from './dialects.ts';
import { launchIn, testEnv, type TestEnv } from './server.ts';
import type { Api } from './shop.ts';
import { startSmtp, type SmtpSink } from './smtp.ts';

export interface Suite {
  env: TestEnv;
  running: Launched;
  api: Api;
  /** present when the suite was made with smtp: true */
  smtp: SmtpSink;
  /** the messages the SMTP server accepted for one address */
  to(email: string): ParsedMail[];
}

export function cartbackSuite(dialect: Dialect, opts: { smtp?: boolean; env?: Record<string, string> } = {}): Suite {
  const suite = {
    to: (email: string) => suite.smtp.messages.filter((m) => (m.to as { text: string }).text === email),
  } as Suite;
  before(async () => {
    if (opts.smtp) suite.smtp = await startSmtp();
    suite.env = await testEnv(dialect, { ...(opts.smtp ? { CARTBACK_SMTP_URL: suite.smtp.url } : {}), ...opts.env });
    suite.running = await launchIn(suite.env);
    suite.api = client(suite.env.base);
  });
  after(async () => {
    await suite.running?.app.close();
    await suite.smtp?.close();
    await suite.env?.cleanup();
  });
  return suite;
}
