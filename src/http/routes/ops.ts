/** Operations: liveness, readiness (database reachable), Prometheus metrics with live queue gauges. */
import type { FastifyPluginAsync } from 'fastify';
import { sql } from 'kysely';
import type { Services } from '../../app.ts';
import { backlog } from '../../store/queries/events.ts';

const READY_TIMEOUT_MS = 2000;

export const opsRoutes = (s: Services): FastifyPluginAsync => async (app) => {
  app.get('/healthz', { schema: { hide: true } }, async () => ({ ok: true }));

  // Ready: the database answers a query within READY_TIMEOUT_MS. A server that is down refuses
  // at once; one that does not answer at all (a network cut, a stopped host) would hold the
  // probe as long as TCP does, and a load balancer needs an answer, not a hung check.
  app.get('/readyz', { schema: { hide: true } }, async (_req, reply) => {
    let timer: NodeJS.Timeout | undefined;
    const probe = sql`select 1`.execute(s.database.db).then(() => true, () => false);
    const late = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), READY_TIMEOUT_MS)));
    const ok = await Promise.race([probe, late]);
    clearTimeout(timer);
    if (ok) return { ok: true, database: s.database.caps.label, mail: s.mailer.label };
    return reply.status(503).send({ ok: false, database: 'unreachable' });
  });

  app.get('/metrics', { schema: { hide: true } }, async (_req, reply) => {
    const db = s.database.db;
    const runs = await db.selectFrom('runs').select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.min('due_at').as('oldest')]).where('state', '=', 'active').executeTakeFirst();
    const msgs = await db.selectFrom('messages').select(['status', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('status').execute();
    const outbox = await backlog(db);
    const now = s.clock.now();
    const lines = [
      '# HELP cartback_runs_active Runs waiting for or at a step.',
      '# TYPE cartback_runs_active gauge',
      `cartback_runs_active ${Number(runs?.n ?? 0)}`,
      '# HELP cartback_runs_overdue_seconds How late the most overdue run is (0 when none is due).',
      '# TYPE cartback_runs_overdue_seconds gauge',
      `cartback_runs_overdue_seconds ${runs?.oldest ? Math.max(0, (now - Number(runs.oldest)) / 1000) : 0}`,
      '# HELP cartback_events_pending Events acknowledged and not yet applied (the outbox).',
      '# TYPE cartback_events_pending gauge',
      `cartback_events_pending ${outbox.pending}`,
      '# HELP cartback_events_pending_oldest_seconds How long the oldest pending event has waited (0 when none): the applier lag.',
      '# TYPE cartback_events_pending_oldest_seconds gauge',
      `cartback_events_pending_oldest_seconds ${outbox.oldestAt === null ? 0 : Math.max(0, (now - outbox.oldestAt) / 1000)}`,
      '# HELP cartback_messages Messages by status.',
      '# TYPE cartback_messages gauge',
      ...msgs.map((m) => `cartback_messages{status="${m.status}"} ${Number(m.n)}`),
    ];
    return reply.type('text/plain; version=0.0.4').send(`${await s.metrics.registry.metrics()}\n${lines.join('\n')}\n`);
  });
};
