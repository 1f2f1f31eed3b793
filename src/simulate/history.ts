/**
 * A simulated past for a store (the demo store's month of shoppers): the population is played
 * through the REAL code in-process on a virtual clock running from `until − days` to `until`.
 * Events go through ingest; the engine is a separate Worker, scoped to this store, whose clock is
 * virtual and whose mailer discards mail (message rows are still written, status sent). The clock
 * jumps from one thing to the next (a shopper's action, a run's due time, a cart's abandonment
 * time); it never ticks. Every contact made is marked simulated, and nothing is left for the real
 * engine: active runs end as 'simulation_ended'.
 *
 * Must run while no other engine works this store (cartback start seeds before its worker starts):
 * the virtual due times lie in the real past.
 *
 * Cost: about 55 SQL statements per shopper, all through the real code; for 1,500 shoppers over 30
 * days the clock jumps about 4,000 times. Measured on a 2-core machine shared with other builds
 * (load 1-4): 1,500 shoppers on SQLite in 5.9-10.6 s, 1,000 in 4.1-6.2 s; on PostgreSQL 300 in
 * ~7.7 s, 200 in 4.7-6.6 s. See demoShoppers for what a first start seeds.
 */
import type { Services } from '../app.ts';
import type { Mailer } from '../channels/email/transport.ts';
import type { EngineDeps } from '../flows/engine/deps.ts';
import { Worker } from '../flows/engine/worker.ts';
import { Applier } from '../ingest/applier.ts';
import { newId } from '../kernel/ids.ts';
import type { Capabilities } from '../store/db.ts';
import { endSimulatedWork, nextDueInStore } from '../store/queries/simulation.ts';
import type { Store } from '../store/queries/stores.ts';
import { Agenda, VirtualClock } from './agenda.ts';
import { DEFAULT_POPULATION, population, type PopulationParams } from './population.ts';
import { mixSeed, rng } from './random.ts';
import { onMessage, startVisit, type Shopper, type SimContext } from './shopper.ts';

const DAY = 86_400_000;

/**
 * The demo store's population when none is asked for. Seeding costs ~4 ms per shopper on SQLite
 * and ~25 ms on PostgreSQL (a network round trip per statement) on a 2-core machine, and a first
 * start waits for it: 1,000 shoppers (SQLite) or 200 (PostgreSQL) keep that to a few seconds
 * (the full 1,500 of DEFAULT_POPULATION took 6-10 s there, and over 20 s under other load). The
 * same month either way.
 */
export const demoShoppers = (caps: Capabilities): number => (caps.multiProcess ? 200 : 1000);

export interface HistoryOptions extends Partial<PopulationParams> {
  /** the end of the simulated period (default: now) */
  until?: number;
}

export interface HistoryResult {
  shoppers: number;
  /** ingest requests made (a visit, an order, a retry) */
  deliveries: number;
  /** messages the engine sent (to the discarding mailer) */
  messages: number;
  opens: number;
  clicks: number;
  /** purchases after leaving the cart (prompted by a message or not); buying at once is part of the visit */
  orders: number;
  unsubscribes: number;
  /** runs still active at the end, ended as 'simulation_ended' */
  endedRuns: number;
  ms: number;
}

type SimServices = Pick<Services, 'database' | 'signer' | 'config' | 'log' | 'clock'>;

/** The engine of the simulation: the real one, on the virtual clock, mailing into the void. */
function virtualEngine(s: SimServices, store: Store, clock: VirtualClock, sent: (messageId: string, to: string) => void): Worker {
  const mailer: Mailer = {
    label: 'simulation (discarded)',
    async send(mail) {
      sent(mail.messageId, mail.to);
      return { providerId: `simulated-${mail.messageId}` };
    },
    verify: async () => undefined,
    close: () => undefined,
  };
  const deps: EngineDeps = {
    db: s.database.db, caps: s.database.caps, clock, mailer, signer: s.signer, publicUrl: s.config.publicUrl,
    // A lease of virtual time; a step that failed is retried when it ends, as in the real engine.
    owner: `simulation:${newId().slice(-8)}`, leaseMs: 10 * 60_000, log: s.log.child({ part: 'simulation' }),
  };
  return new Worker(deps, { pollMs: 0, batch: 100, concurrency: 8, storeId: store.id });
}

export async function seedDemoHistory(s: SimServices, store: Store, opts: HistoryOptions = {}): Promise<HistoryResult> {
  const startedAt = Date.now();
  const { until = s.clock.now(), ...params } = opts;
  const p = { ...DEFAULT_POPULATION, shoppers: demoShoppers(s.database.caps), ...params };
  const periodStart = until - p.days * DAY;
  const clock = new VirtualClock(periodStart);
  const applier = new Applier({ database: s.database, clock, log: s.log.child({ part: 'simulation' }) });
  const ctx: SimContext = { database: s.database, applier, store, clock, agenda: new Agenda(), periodStart, counts: { deliveries: 0, orders: 0, opens: 0, clicks: 0, unsubscribes: 0 }, dueChanged: true };
  const byEmail = new Map<string, Shopper>();
  let messages = 0;
  const worker = virtualEngine(s, store, clock, (messageId, to) => {
    messages++;
    const shopper = byEmail.get(to);
    if (shopper) onMessage(ctx, shopper, messageId);
  });

  for (const plan of population(p, periodStart)) {
    const shopper: Shopper = { plan, rng: rng(mixSeed(p.seed ^ 0x5eed, plan.index)), marked: false, sends: 0, purchased: false };
    if (plan.email) byEmail.set(plan.email, shopper);
    startVisit(ctx, shopper);
  }
  await playUntil(ctx, worker, until);
  const endedRuns = await endSimulatedWork(s.database.db, store.id, until);
  return { shoppers: p.shoppers, ...ctx.counts, messages, endedRuns, ms: Date.now() - startedAt };
}

/**
 * The event loop of virtual time: whichever comes first, the engine's next due work or a shopper's
 * next action. The engine's next due time is asked again only when it may have come nearer (after
 * a pass, or new cart activity); opens and clicks cannot change it, and a stale, earlier answer only
 * costs one empty pass.
 */
async function playUntil(ctx: SimContext, worker: Worker, until: number): Promise<void> {
  let engineAt: number | null = null;
  let stalled = 0;
  for (;;) {
    if (ctx.dueChanged) engineAt = await nextDueInStore(ctx.database.db, ctx.store.id);
    ctx.dueChanged = false;
    const next = ctx.agenda.peek();
    const engineFirst = engineAt !== null && (next === undefined || engineAt <= next.at);
    const at = engineFirst ? engineAt : next?.at;
    if (at === undefined || at === null || at > until) return;
    // Work due now that a pass cannot take (it should not happen) must not spin forever.
    stalled = engineFirst && at <= ctx.clock.now() ? stalled + 1 : 0;
    if (stalled > 1000) throw new Error(`simulation stalled at ${new Date(at).toISOString()}`);
    ctx.clock.advanceTo(at);
    if (engineFirst) {
      await worker.tick();
      ctx.dueChanged = true;
    } else await ctx.agenda.pop()!.run();
  }
}
