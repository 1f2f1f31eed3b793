/** `cartback doctor`: checks what a deployment depends on and says what to fix. */
import { sql } from 'kysely';
import { smtpMailer } from '../channels/email/transport.ts';
import { configOrExit } from './context.ts';
import { migrate, openDatabase } from '../store/db.ts';

type Check = { name: string; ok: boolean; detail: string };

export async function doctor(): Promise<void> {
  const config = configOrExit();
  const checks: Check[] = [{ name: 'configuration', ok: true, detail: 'every CARTBACK_* variable is valid' }];
  const database = openDatabase(config.database, { poolSize: 1 });
  try {
    await sql`select 1`.execute(database.db);
    const applied = await migrate(database);
    checks.push({ name: 'database', ok: true, detail: `${database.caps.label} reachable${applied.length ? `, applied ${applied.join(', ')}` : ', schema up to date'}` });
  } catch (err) {
    checks.push({ name: 'database', ok: false, detail: `${(err as Error).message}: check CARTBACK_DATABASE_URL and that the server runs` });
  } finally {
    await database.close().catch(() => undefined);
  }
  if (config.smtp) {
    const mailer = smtpMailer(config.smtp.url, 1, 'localhost');
    try {
      await mailer.verify();
      checks.push({ name: 'smtp', ok: true, detail: `${mailer.label} accepts connections` });
    } catch (err) {
      checks.push({ name: 'smtp', ok: false, detail: `${(err as Error).message}: check CARTBACK_SMTP_URL (host, port, credentials)` });
    } finally {
      mailer.close();
    }
  } else {
    checks.push({ name: 'smtp', ok: true, detail: 'not set: mail goes to the dev mailbox (set CARTBACK_SMTP_URL to send for real)' });
  }
  const url = new URL(config.publicUrl);
  const local = /^(localhost|127\.|\[::1\])/.test(url.hostname);
  checks.push({
    name: 'public url',
    ok: !local || config.demo,
    detail: local ? `${config.publicUrl} only works on this machine; shoppers need CARTBACK_PUBLIC_URL set to an address they can reach` : `${config.publicUrl}${url.protocol === 'https:' ? '' : ' (use https in production)'}`,
  });
  try {
    const res = await fetch(`${config.publicUrl}/healthz`, { signal: AbortSignal.timeout(3000) });
    checks.push({ name: 'public url reachable', ok: res.ok, detail: `${config.publicUrl}/healthz answered ${res.status}` });
  } catch (err) {
    checks.push({ name: 'public url reachable', ok: false, detail: `${config.publicUrl}/healthz: ${(err as Error).message} (is Cartback running there?)` });
  }
  for (const c of checks) process.stdout.write(`${c.ok ? 'ok  ' : 'FAIL'}  ${c.name.padEnd(22)} ${c.detail}\n`);
  process.exitCode = checks.every((c) => c.ok) ? 0 : 1;
}
