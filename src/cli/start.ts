/**
 * `cartback start`: migrate, make sure an admin API token and (in demo mode) a demo store exist,
 * listen, run the engine (unless --role api), and print where to open things.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp, type Services } from '../app.ts';
import type { Config } from '../config/index.ts';
import { DEMO_STORE_NAME } from '../demo/catalog.ts';
import { randomSecret } from '../kernel/ids.ts';
import { createApiToken, ensureApiToken, hasApiTokens, saveSetupToken } from '../store/queries/instance.ts';
import { countUsers } from '../store/queries/users.ts';
import { listStores } from '../store/queries/stores.ts';
import { seedNewDemoStore } from '../simulate/demo.ts';
import { createStore } from '../stores/create-store.ts';
import { configOrExit } from './context.ts';

async function ensureAdminToken(s: Services): Promise<string | null> {
  const db = s.database.db;
  const now = s.clock.now();
  if (s.config.adminToken) {
    await ensureApiToken(db, 'CARTBACK_ADMIN_TOKEN', now, s.config.adminToken);
    return null;
  }
  if (await hasApiTokens(db)) return null;
  const { token } = await createApiToken(db, 'first start', now);
  fs.mkdirSync(s.config.dataDir, { recursive: true });
  fs.writeFileSync(path.join(s.config.dataDir, 'admin-token'), `${token}\n`, { mode: 0o600 });
  return token;
}

/**
 * While nobody can sign in, every start makes a new one-time link that creates the first user
 * (valid 24 hours; the previous link stops working). Returns the link, or null once a user exists.
 */
async function ensureSetupLink(s: Services): Promise<string | null> {
  if ((await countUsers(s.database.db)) > 0) return null;
  const token = randomSecret(24);
  await saveSetupToken(s.database.db, token, s.clock.now() + 24 * 3_600_000);
  return `${s.config.publicUrl}/setup?token=${token}`;
}

async function ensureDemoStore(s: Services): Promise<{ id: string; writeKey: string | null; publicKey: string } | null> {
  if (!s.config.demo) return null;
  const existing = (await listStores(s.database.db)).find((st) => st.name === DEMO_STORE_NAME);
  const file = path.join(s.config.dataDir, 'demo-store.json');
  if (existing) {
    const saved = fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as { writeKey?: string }) : {};
    return { id: existing.id, writeKey: saved.writeKey ?? null, publicKey: existing.publicKey };
  }
  // opt_out: the demo's shoppers are the person trying Cartback, and its page sends no country (new stores default to opt_in_eu).
  const { store, writeKey } = await createStore(s.database.db, { name: DEMO_STORE_NAME, settings: { currency: 'USD', domain: 'localhost', supportEmail: 'help@demo.cartback.local', postalAddress: '1 Demo Street, Springfield', emailConsent: 'opt_out', captureEmail: true, restoreUrl: `${s.config.publicUrl}/demo/?cb_restore={token}` } }, s.clock.now());
  fs.mkdirSync(s.config.dataDir, { recursive: true });
  fs.writeFileSync(file, JSON.stringify({ id: store.id, writeKey, publicKey: store.publicKey }, null, 2), { mode: 0o600 });
  await seedNewDemoStore(s, store); // before the worker starts: the real engine must never see virtual due times
  return { id: store.id, writeKey, publicKey: store.publicKey };
}

export interface Launched {
  app: FastifyInstance;
  services: Services;
  address: string;
  /** a newly created admin token (first start only) */
  token: string | null;
  /** the one-time link that creates the first admin user, while there is none */
  setupLink: string | null;
  demo: { id: string; writeKey: string | null; publicKey: string } | null;
}

/** Everything `start` does but printing and signal handling; tests launch Cartback through it. */
export async function launch(config: Config): Promise<Launched> {
  const { app, services } = await buildApp(config);
  const token = await ensureAdminToken(services);
  const setupLink = config.role === 'worker' ? null : await ensureSetupLink(services);
  const demo = await ensureDemoStore(services);
  if (config.role !== 'api') await services.worker.start();
  const address = await app.listen({ port: config.port, host: config.host });
  return { app, services, address, token, setupLink, demo };
}

export async function start(opts: { role?: string }): Promise<void> {
  const loaded = configOrExit();
  const config = { ...loaded, role: (opts.role ?? loaded.role) as Config['role'] };
  const { app, services, address, token, setupLink, demo } = await launch(config);
  const base = config.publicUrl;
  const lines = [
    '',
    `Cartback is running (${config.role}) on ${services.database.caps.label}, mail: ${services.mailer.label}`,
    `  listening   ${address}`,
    `  open        ${base}/              admin app`,
    ...(setupLink ? [`  setup       ${setupLink}   (one-time link: creates the first admin user)`] : []),
    `  docs        ${base}/docs          API reference (OpenAPI)`,
    ...(config.smtp ? [] : [`  mailbox     ${base}/mailbox       mail sent in dev mode`]),
    ...(token ? [`  API token   ${token}   (shown once; saved in ${path.join(config.dataDir, 'admin-token')})`] : []),
    ...(demo ? [`  demo store  id ${demo.id}, public key ${demo.publicKey}${demo.writeKey ? `, write key ${demo.writeKey}` : ''}`] : []),
    '',
  ];
  process.stdout.write(lines.join('\n'));
  const shutdown = async () => {
    await app.close();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}
