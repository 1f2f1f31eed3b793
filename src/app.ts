/**
 * The composition root: opens the database, wires every part, and returns the Fastify app and the
 * engine worker. buildApp() never listens; `cartback start` (src/cli/start.ts) does, and tests call
 * app.inject() or listen on port 0.
 */
import os from 'node:os';
import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import pino, { type Logger } from 'pino';
import { Mailers } from './channels/email/mailers.ts';
import { devMailbox, smtpMailer, type Mailer } from './channels/email/transport.ts';
import type { Config } from './config/index.ts';
import type { EngineDeps } from './flows/engine/deps.ts';
import { Worker } from './flows/engine/worker.ts';
import { Applier } from './ingest/applier.ts';
import { systemClock, type Clock } from './kernel/clock.ts';
import { newId } from './kernel/ids.ts';
import { LinkSigner } from './links/tokens.ts';
import { requireAdmin } from './http/auth.ts';
import { checkScope } from './http/scope.ts';
import { apiHeaders } from './http/security-headers.ts';
import { registerErrorHandling } from './http/errors.ts';
import { Metrics } from './http/metrics.ts';
import { demoRoutes } from './http/routes/demo.ts';
import { demoDataRoutes } from './http/routes/demo-data.ts';
import { flowRoutes } from './http/routes/flows.ts';
import { ingestRoutes } from './http/routes/ingest.ts';
import { linkRoutes } from './http/routes/links.ts';
import { mailboxRoutes } from './http/routes/mailbox.ts';
import { opsRoutes } from './http/routes/ops.ts';
import { peopleRoutes } from './http/routes/people.ts';
import { privacyRoutes } from './http/routes/privacy.ts';
import { reportRoutes } from './http/routes/reports.ts';
import { sessionRoutes } from './http/routes/session.ts';
import { storeRoutes } from './http/routes/stores.ts';
import { userRoutes } from './http/routes/users.ts';
import { templateRoutes } from './http/routes/templates.ts';
import { webhookRoutes } from './http/routes/webhooks.ts';
import { bounceRoutes } from './http/routes/bounces.ts';
import { browserRoutes } from './http/routes/browser.ts';
import { clockRoutes } from './http/routes/clock.ts';
import { integrityRoutes } from './http/routes/integrity.ts';
import { webRoutes } from './http/routes/web.ts';
import { migrate, openDatabase, type Database } from './store/db.ts';
import { instanceSecret } from './store/queries/instance.ts';
import { sealPlainSecrets } from './store/queries/stores.ts';
import { loadSettingsKey } from './stores/keyring.ts';
import { syncVirtualClock, type VirtualClockSync } from './store/virtual-clock.ts';
import { pgWakeup } from './store/wakeup.ts';

export interface Services {
  config: Config;
  database: Database;
  clock: Clock;
  /** set with CARTBACK_CLOCK=virtual: `clock` is then this virtual clock, shared through the database */
  virtualClock: VirtualClockSync | null;
  /** the instance's mailer (CARTBACK_SMTP_URL, else the dev mailbox) */
  mailer: Mailer;
  /** the mailer of each store: its own SMTP server, else `mailer` */
  mailers: Mailers;
  signer: LinkSigner;
  log: Logger;
  metrics: Metrics;
  /** applies accepted events (the outbox); the worker runs it each pass, `wait=applied` in the request */
  applier: Applier;
  worker: Worker;
}

export interface BuildOptions {
  clock?: Clock;
  mailer?: Mailer;
  logger?: Logger;
}

export async function buildApp(config: Config, opts: BuildOptions = {}): Promise<{ app: FastifyInstance; services: Services }> {
  const log = opts.logger ?? pino({ level: config.logLevel });
  const database = openDatabase(config.database, { role: config.role, onConnectionError: (err) => log.warn({ err }, 'a database connection was closed; a new one is opened when needed') });
  await migrate(database);
  const virtualClock = !opts.clock && config.clock === 'virtual' ? await syncVirtualClock(database.db, log.child({ part: 'clock' })) : null;
  const clock = opts.clock ?? virtualClock?.clock ?? systemClock;
  const host = new URL(config.publicUrl).hostname;
  const mailer = opts.mailer ?? (config.smtp ? smtpMailer(config.smtp.url, config.smtp.pool, host, config.smtpTimeoutMs) : devMailbox(database.db, host, () => clock.now()));
  const mailers = new Mailers(mailer, { pool: config.smtp?.pool ?? 5, host, dkim: config.dkim, timeoutMs: config.smtpTimeoutMs });
  const secret = await instanceSecret(database.db, config.secret);
  const signer = new LinkSigner(secret);
  loadSettingsKey(secret);
  await sealPlainSecrets(database.db);
  const metrics = new Metrics();
  const deps: EngineDeps = {
    db: database.db, caps: database.caps, clock, mailer, mailerFor: (store) => mailers.for(store), signer, publicUrl: config.publicUrl,
    owner: `${os.hostname()}:${process.pid}:${newId().slice(-8)}`, leaseMs: config.leaseMs, log: log.child({ part: 'engine' }),
  };
  const applier = new Applier({ database, clock, log: log.child({ part: 'applier' }), onApplied: (n) => metrics.applied.inc(n) });
  // PostgreSQL: api processes wake the workers with NOTIFY when they accepted events (src/store/wakeup.ts).
  const wakeup = config.database.kind === 'postgres' ? pgWakeup(database.db, config.database.url, `cartback-${config.role}-${process.pid}`, log.child({ part: 'wakeup' })) : undefined;
  const worker = new Worker(deps, { pollMs: config.pollMs, batch: 100, concurrency: 8, wakeup }, applier);
  // An advance of virtual time may make work due at once: the engine looks now, not at its next poll.
  virtualClock?.clock.onAdvance(() => worker.wake());
  const services: Services = { config, database, clock, virtualClock, mailer, mailers, signer, log, metrics, applier, worker };

  // Per-request access logs are off: at ingest rates they would cost more than the work itself;
  // /metrics has the request histogram instead.
  const app = Fastify({ loggerInstance: log as FastifyBaseLogger, bodyLimit: 512 * 1024, logController: new LogController({ disableRequestLogging: true }),
    trustProxy: true,
    // A misspelt field is an error the caller should see, not something to drop silently.
    ajv: { customOptions: { removeAdditional: false } },
  });
  registerErrorHandling(app);
  await app.register(cookie);
  await app.register(swagger, {
    openapi: {
      info: { title: 'Cartback API', version: '1', description: 'Ingest (Segment-compatible), tracking links and the admin API.' },
      components: { securitySchemes: { writeKey: { type: 'http', scheme: 'basic' }, apiToken: { type: 'http', scheme: 'bearer' }, session: { type: 'apiKey', in: 'cookie', name: 'cb_session' } } },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });
  app.addHook('onResponse', async (req, reply) => metrics.observeRequest(req, reply));
  // One gate for the whole admin API, at the root so that no route plugin can forget it (a hook
  // added inside a plugin only covers that plugin's own routes).
  app.addHook('onRequest', async (req, reply) => {
    if (!req.url.startsWith('/api/')) return;
    apiHeaders(reply);
    await requireAdmin(database.db, req, clock.now());
  });
  // After routing, the route's :storeId is known: a caller scoped to some stores sees only those.
  // (Before validation, so a refused caller learns nothing from how their body would be judged.)
  app.addHook('preValidation', async (req) => {
    if (req.url.startsWith('/api/')) checkScope(req);
  });

  await app.register(opsRoutes(services));
  await app.register(ingestRoutes(services));
  await app.register(linkRoutes(services));
  await app.register(sessionRoutes(services));
  await app.register(userRoutes(services));
  await app.register(storeRoutes(services));
  await app.register(flowRoutes(services));
  await app.register(reportRoutes(services));
  await app.register(peopleRoutes(services));
  await app.register(privacyRoutes(services));
  await app.register(mailboxRoutes(services));
  await app.register(templateRoutes(services));
  await app.register(webhookRoutes(services));
  await app.register(bounceRoutes(services));
  await app.register(browserRoutes(services));
  await app.register(demoRoutes(services));
  await app.register(demoDataRoutes(services));
  await app.register(clockRoutes(services));
  await app.register(integrityRoutes(services));
  await app.register(webRoutes(services));

  app.addHook('onClose', async () => {
    virtualClock?.stop();
    await worker.stop();
    mailers.close();
    await database.close();
  });
  return { app, services };
}
