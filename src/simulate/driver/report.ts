/**
 * The simulation's report: the figures (from the server's dashboard for the period, beside what the
 * simulator itself did), the lift over the holdout, and the invariants check, each from the
 * database (GET …/integrity) and from the simulator's bookkeeping. `ok` is false, and the command
 * exits non-zero, when any invariant fails.
 */
import type { IntegrityReport } from '../../contracts/integrity.ts';
import type { Ledger } from './ledger.ts';
import type { SimCounts } from './step.ts';

export interface Dashboard {
  currency: string;
  kpis: { abandonedCarts: number; reachableCarts: number; messagesSent: number; opened: number; clicked: number; recoveredOrders: number; recoveredRevenue: number; recoveryRate: number | null };
  funnel: { abandoned: number; contacted: number; opened: number; clicked: number; recovered: number };
  lift: null | { treated: { entered: number; converted: number; rate: number }; holdout: { entered: number; converted: number; rate: number }; absolute: number; ci95: { low: number; high: number } | null; significant: boolean };
}

export interface Invariant { id: string; ok: boolean; description: string; database: number | null; simulator: number | null; examples: unknown[] }

export interface ReportInput {
  url: string;
  store: { id: string; created: boolean; waits: string[] | null };
  population: Record<string, unknown>;
  period: { from: number; to: number };
  play: { steps: number; wallMs: number; unplayed: number; phases: Record<string, number>; requests: Record<string, number> };
  shoppers: number;
  counts: SimCounts;
  ledger: Ledger;
  dashboard: Dashboard;
  integrity: IntegrityReport;
}

function invariants(i: ReportInput): Invariant[] {
  const db = i.integrity.checks;
  const v = i.ledger.violations;
  const both = (id: string, description: string, dbCheck: { ok: boolean; count: number; examples?: unknown[] } | null, sim: { count: number; examples: unknown[] } | null): Invariant => ({
    id, description, ok: (dbCheck?.ok ?? true) && (sim?.count ?? 0) === 0, database: dbCheck?.count ?? null, simulator: sim?.count ?? null,
    examples: [...(dbCheck?.examples ?? []), ...(sim?.examples ?? [])].slice(0, 10),
  });
  const ev = i.integrity.events;
  return [
    both('noMessageAfterPurchase', 'no message sent after the shopper\'s order was acknowledged', db.sentAfterPurchase, v.mailAfterOrder),
    both('oneMessagePerRunAndStep', 'at most one message per (run, step): one row each, and no mail delivered twice', db.duplicateSends, v.mailTwice),
    both('noMessageAfterUnsubscribe', 'no message sent after the shopper unsubscribed (or was suppressed)', db.sentAfterOptOut, v.mailAfterUnsubscribe),
    {
      id: 'nothingLost', description: 'every acknowledged event is stored and applied (none pending, none set aside)',
      ok: db.eventsLost.ok && ev.pending === 0 && ev.failed === 0, database: db.eventsLost.count + ev.pending + ev.failed, simulator: null,
      examples: [{ acknowledged: i.ledger.acknowledged, stored: ev.stored, pending: ev.pending, failed: ev.failed }],
    },
  ];
}

export function buildReport(i: ReportInput) {
  const k = i.dashboard.kpis;
  const list = invariants(i);
  return {
    ok: list.every((x) => x.ok),
    url: i.url,
    store: i.store,
    population: i.population,
    period: { from: new Date(i.period.from).toISOString(), to: new Date(i.period.to).toISOString() },
    wall: { ms: i.play.wallMs, steps: i.play.steps, phasesMs: i.play.phases, requests: i.play.requests },
    figures: {
      carts: i.shoppers, abandoned: k.abandonedCarts, reachable: k.reachableCarts, messages: k.messagesSent, opened: k.opened, clicked: k.clicked,
      recoveredOrders: k.recoveredOrders, recoveredRevenue: k.recoveredRevenue / 100, currency: i.dashboard.currency, recoveryRate: k.recoveryRate,
    },
    lift: i.dashboard.lift,
    simulator: {
      shoppersArrived: i.counts.arrived, eventsAcknowledged: i.ledger.acknowledged, eventsSent: i.counts.eventsSent, retriedDeliveries: i.counts.retries,
      lateDeliveries: i.counts.lateDeliveries, mailsReceived: i.ledger.mails, opens: i.counts.opens, clicks: i.counts.clicks, restores: i.counts.restores,
      unsubscribes: i.counts.unsubscribes, orders: i.counts.orders, ordersWithCode: i.counts.ordersWithCode, linkErrors: i.counts.linkErrors,
      mailsPerShopper: i.ledger.mailsPerShopper(), actionsNotPlayed: i.play.unplayed,
    },
    integrity: { messagesSent: i.integrity.messagesSent, events: i.integrity.events, notes: i.integrity.notes },
    invariants: list,
  };
}

export type Report = ReturnType<typeof buildReport>;

const n = (x: number) => x.toLocaleString('en-US');
const pct = (x: number | null | undefined) => (x === null || x === undefined ? '–' : `${(x * 100).toFixed(1)}%`);

/** The report for a person, a line or two per part. */
export function formatReport(r: Report): string {
  const f = r.figures;
  const s = r.simulator;
  const lift = r.lift
    ? `${r.lift.absolute >= 0 ? '+' : ''}${(r.lift.absolute * 100).toFixed(1)} points (treated ${pct(r.lift.treated.rate)} of ${n(r.lift.treated.entered)}, holdout ${pct(r.lift.holdout.rate)} of ${n(r.lift.holdout.entered)}${r.lift.ci95 ? `; 95% interval ${(r.lift.ci95.low * 100).toFixed(1)} to ${(r.lift.ci95.high * 100).toFixed(1)}` : ''})`
    : 'not measurable (no holdout group yet)';
  return [
    `simulated ${r.period.from} → ${r.period.to} in ${(r.wall.ms / 1000).toFixed(1)} s (${n(r.wall.steps)} steps)`,
    `  carts ${n(f.carts)} · abandoned ${n(f.abandoned)} (reachable ${n(f.reachable)}) · messages ${n(f.messages)} · opened ${n(f.opened)} · clicked ${n(f.clicked)}`,
    `  recovered ${n(f.recoveredOrders)} orders, ${f.currency} ${f.recoveredRevenue.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} (recovery rate ${pct(f.recoveryRate)})`,
    `  lift over holdout: ${lift}`,
    `  simulator: ${n(s.eventsAcknowledged)} events acknowledged (${n(s.retriedDeliveries)} deliveries sent twice, ${n(s.lateDeliveries)} late), ${n(s.mailsReceived)} mails, ${n(s.opens)} opens, ${n(s.clicks + s.restores)} clicks, ${n(s.orders)} orders after leaving (${n(s.ordersWithCode)} with a code), ${n(s.unsubscribes)} unsubscribes`,
    'invariants:',
    ...r.invariants.map((i) => `  ${i.ok ? 'pass' : 'FAIL'}  ${i.id}: ${i.description}${i.ok ? '' : ` (database ${i.database ?? '–'}, simulator ${i.simulator ?? '–'})`}`),
    r.ok ? 'all invariants hold' : 'INVARIANTS FAILED',
  ].join('\n');
}
