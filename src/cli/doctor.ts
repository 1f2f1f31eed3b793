/** `cartback doctor`: checks what a deployment depends on and says what to fix. */
import { sql } from 'kysely';
import type { DnsCheck, SenderReport } from '../contracts/deliverability.ts';
import { checkSender } from '../channels/email/dns/checks.ts';
import { DnsLookup } from '../channels/email/dns/lookup.ts';
import { senderSetup, setupKey } from '../channels/email/dns/senders.ts';
import { smtpMailer } from '../channels/email/transport.ts';
import type { Config } from '../config/index.ts';
import { instanceSecret } from '../store/queries/instance.ts';
import { listStores, type Store } from '../store/queries/stores.ts';
import { loadSettingsKey } from '../stores/keyring.ts';
import { configOrExit } from './context.ts';
import { migrate, openDatabase } from '../store/db.ts';

type Status = DnsCheck['status'];
type Check = { name: string; status: Status; detail: string; more?: string[] };
const ok = (name: string, good: boolean, detail: string): Check => ({ name, status: good ? 'ok' : 'fail', detail });
const LABEL: Record<Status, string> = { ok: 'ok  ', warn: 'warn', fail: 'FAIL' };
const SENDERS_AT_ONCE = 8;

export async function doctor(): Promise<void> {
  const config = configOrExit();
  const checks: Check[] = [ok('configuration', true, 'every CARTBACK_* variable is valid')];
  const database = openDatabase(config.database, { poolSize: 1 });
  let stores: Store[] | null = null;
  try {
    await sql`select 1`.execute(database.db);
    const applied = await migrate(database);
    checks.push(ok('database', true, `${database.caps.label} reachable${applied.length ? `, applied ${applied.join(', ')}` : ', schema up to date'}`));
    try {
      loadSettingsKey(await instanceSecret(database.db, config.secret));
      stores = await listStores(database.db);
    } catch (err) {
      // e.g. secrets sealed under another CARTBACK_SECRET: the database itself is fine
      checks.push(ok('stores', false, `cannot read the stores' settings: ${(err as Error).message}`));
    }
  } catch (err) {
    checks.push(ok('database', false, `${(err as Error).message}: check CARTBACK_DATABASE_URL and that the server runs`));
  } finally {
    await database.close().catch(() => undefined);
  }
  if (config.smtp) {
    const mailer = smtpMailer(config.smtp.url, 1, 'localhost');
    try {
      await mailer.verify();
      checks.push(ok('smtp', true, `${mailer.label} accepts connections`));
    } catch (err) {
      checks.push(ok('smtp', false, `${(err as Error).message}: check CARTBACK_SMTP_URL (host, port, credentials)`));
    } finally {
      mailer.close();
    }
  } else {
    checks.push(ok('smtp', true, 'not set: mail goes to the dev mailbox (set CARTBACK_SMTP_URL to send for real)'));
  }
  const url = new URL(config.publicUrl);
  const local = /^(localhost|127\.|\[::1\])/.test(url.hostname);
  checks.push(ok('public url', !local || config.demo, local ? `${config.publicUrl} only works on this machine; shoppers need CARTBACK_PUBLIC_URL set to an address they can reach` : `${config.publicUrl}${url.protocol === 'https:' ? '' : ' (use https in production)'}`));
  try {
    const res = await fetch(`${config.publicUrl}/healthz`, { signal: AbortSignal.timeout(3000) });
    checks.push(ok('public url reachable', res.ok, `${config.publicUrl}/healthz answered ${res.status}`));
  } catch (err) {
    checks.push(ok('public url reachable', false, `${config.publicUrl}/healthz: ${(err as Error).message} (is Cartback running there?)`));
  }
  if (stores) checks.push(...(await senderChecks(config, stores)));
  for (const c of checks) {
    process.stdout.write(`${LABEL[c.status]}  ${c.name.padEnd(22)} ${c.detail}\n`);
    for (const line of c.more ?? []) process.stdout.write(`${' '.repeat(29)}${line}\n`);
  }
  process.exitCode = checks.some((c) => c.status === 'fail') ? 1 : 0;
}

/**
 * SPF, DKIM and DMARC of every sender domain in use: each store that sends for real (its own SMTP
 * server or CARTBACK_SMTP_URL), one set of checks per distinct way of sending.
 */
async function senderChecks(config: Config, stores: Store[]): Promise<Check[]> {
  const instance = { dkim: config.dkim, smtpUrl: config.smtp?.url ?? null };
  const groups = new Map<string, { setup: ReturnType<typeof senderSetup>; stores: string[] }>();
  let devMailbox = 0;
  for (const store of stores) {
    const setup = senderSetup(store, instance);
    if (!setup.smtpHost) {
      devMailbox++;
      continue;
    }
    const key = setupKey(setup);
    const group = groups.get(key) ?? { setup, stores: [] };
    group.stores.push(store.name);
    groups.set(key, group);
  }
  const out: Check[] = [];
  if (devMailbox > 0) out.push(ok('sender dns', true, `not checked for ${devMailbox} store${devMailbox === 1 ? '' : 's'} whose mail goes to the dev mailbox`));
  const dns = new DnsLookup(config.dnsServer);
  // A few senders at a time: each asks DNS about ten questions, and an instance may have many stores.
  const pending = [...groups.values()];
  const reports: Array<{ stores: string[]; report: SenderReport }> = [];
  await Promise.all(Array.from({ length: Math.min(SENDERS_AT_ONCE, pending.length) }, async () => {
    for (let g = pending.shift(); g; g = pending.shift()) reports.push({ stores: g.stores, report: await checkSender(dns, g.setup) });
  }));
  reports.sort((a, b) => a.report.domain.localeCompare(b.report.domain) || a.report.from.localeCompare(b.report.from));
  for (const { stores: names, report } of reports) out.push(...reportLines(report, names));
  return out;
}

function reportLines(r: SenderReport, stores: string[]): Check[] {
  const how = [`From ${r.from}`, `via ${r.smtpHost}`, r.dkim ? `signed ${r.dkim.selector}._domainkey.${r.dkim.domain}` : 'unsigned'].join(', ');
  const head: Check = { name: `sender ${r.domain}`, status: r.status, detail: `${how} (${stores.join(', ')})` };
  return [head, ...r.checks.map((c) => ({
    name: `  ${c.check}`,
    status: c.status,
    detail: c.summary,
    more: [...(c.fix ? [`fix: ${c.fix}`] : []), ...(c.record ? [`publish: ${c.record.name} TXT "${c.record.value}"`] : [])],
  }))];
}
