/**
 * What came back, per flow and per step/variant, for a period. Two views, kept apart on purpose:
 * - recovered: orders credited to a message (last click, else last open, within the window);
 * - converted: any purchase within the window after a run began, for treated and holdout runs
 *   alike. Only this one compares like with like, so the lift over the holdout is computed on it.
 */
import type { Kysely } from 'kysely';
import { parseDuration } from '../kernel/duration.ts';
import type { Store } from '../store/queries/stores.ts';
import type { DB } from '../store/schema.ts';
import { flowStepRows, type StepRow } from './step-stats.ts';

export interface GroupStats {
  entered: number;
  converted: number;
  conversionRate: number | null;
  /** order value of the conversions (first order per run), minor units */
  revenue: number;
  revenuePerEntrant: number | null;
}
export interface FlowStats {
  flowId: string;
  name: string;
  entered: number;
  treated: GroupStats;
  holdout: GroupStats;
  /**
   * treated minus holdout conversion rate (as a fraction), the same relative to the holdout, and the
   * revenue the flow added: (treated − holdout revenue per entrant) × treated entrants.
   */
  lift: { absolute: number; relative: number | null; incrementalRevenue: number | null } | null;
  messagesSent: number;
  opened: number;
  clicked: number;
  recoveredOrders: number;
  recoveredRevenue: number;
  recoveryRate: number | null;
  steps: StepRow[];
}
export interface Stats {
  storeId: string;
  from: string;
  to: string;
  currency: string;
  abandonedCarts: number;
  reachableCarts: number;
  flows: FlowStats[];
  totals: { entered: number; messagesSent: number; recoveredOrders: number; recoveredRevenue: number; recoveryRate: number | null };
}

const rate = (n: number, d: number) => (d > 0 ? n / d : null);
const emptyGroup = (): GroupStats => ({ entered: 0, converted: 0, conversionRate: null, revenue: 0, revenuePerEntrant: null });
const emptyGroups = () => ({ treated: emptyGroup(), holdout: emptyGroup() });

async function conversions(db: Kysely<DB>, storeId: string, from: number, to: number, windowMs: number) {
  const runs = await db
    .selectFrom('runs')
    .select(['id', 'flow_id', 'holdout', 'contact_id', 'cart_id', 'started_at'])
    .where('store_id', '=', storeId)
    .where('started_at', '>=', from)
    .where('started_at', '<', to)
    .execute();
  const orders = await db.selectFrom('orders').select(['contact_id', 'cart_id', 'placed_at', 'total']).where('store_id', '=', storeId).where('placed_at', '>=', from).where('placed_at', '<', to + windowMs).execute();
  type Placed = { at: number; total: number };
  const byContact = new Map<string, Placed[]>();
  const byCart = new Map<string, Placed[]>();
  for (const o of orders) {
    const p = { at: o.placed_at, total: o.total };
    if (o.contact_id) byContact.set(o.contact_id, [...(byContact.get(o.contact_id) ?? []), p]);
    if (o.cart_id) byCart.set(o.cart_id, [...(byCart.get(o.cart_id) ?? []), p]);
  }
  const groups = new Map<string, { treated: GroupStats; holdout: GroupStats }>();
  for (const r of runs) {
    const g = groups.get(r.flow_id) ?? emptyGroups();
    const side = r.holdout ? g.holdout : g.treated;
    side.entered++;
    const placed = [...(byContact.get(r.contact_id) ?? []), ...(r.cart_id ? (byCart.get(r.cart_id) ?? []) : [])];
    const first = placed.filter((p) => p.at >= r.started_at && p.at <= r.started_at + windowMs).sort((a, b) => a.at - b.at)[0];
    if (first) {
      side.converted++;
      side.revenue += first.total;
    }
    groups.set(r.flow_id, g);
  }
  for (const g of groups.values()) {
    for (const side of [g.treated, g.holdout]) {
      side.conversionRate = rate(side.converted, side.entered);
      side.revenuePerEntrant = rate(side.revenue, side.entered);
    }
  }
  return groups;
}

export async function storeStats(db: Kysely<DB>, store: Store, from: number, to: number): Promise<Stats> {
  const windowMs = parseDuration(store.settings.attributionWindow);
  const carts = await db
    .selectFrom('carts')
    .select((eb) => [eb.fn.countAll<number>().as('abandoned'), eb.fn.count<number>('enrolled_at').as('reachable')])
    .where('store_id', '=', store.id)
    .where('abandoned_at', '>=', from)
    .where('abandoned_at', '<', to)
    .executeTakeFirst();
  const flows = await db.selectFrom('flows').select(['id', 'name']).where('store_id', '=', store.id).orderBy('created_at').execute();
  const conv = await conversions(db, store.id, from, to, windowMs);
  const steps = await flowStepRows(db, store.id, from, to);

  const out: FlowStats[] = flows.map((f) => {
    const g = conv.get(f.id) ?? emptyGroups();
    const mine = steps.filter((s) => s.flowId === f.id);
    const sum = (k: 'sent' | 'opened' | 'clicked' | 'recoveredOrders' | 'recoveredRevenue') => mine.reduce((a, s) => a + s[k], 0);
    const t = g.treated.conversionRate;
    const h = g.holdout.conversionRate;
    return {
      flowId: f.id, name: f.name, entered: g.treated.entered + g.holdout.entered, treated: g.treated, holdout: g.holdout,
      lift:
        t !== null && h !== null
          ? { absolute: t - h, relative: h > 0 ? (t - h) / h : null, incrementalRevenue: Math.round(((g.treated.revenuePerEntrant ?? 0) - (g.holdout.revenuePerEntrant ?? 0)) * g.treated.entered) }
          : null,
      messagesSent: sum('sent'), opened: sum('opened'), clicked: sum('clicked'), recoveredOrders: sum('recoveredOrders'), recoveredRevenue: sum('recoveredRevenue'),
      recoveryRate: rate(sum('recoveredOrders'), g.treated.entered), steps: mine,
    };
  });
  const total = (k: 'entered' | 'messagesSent' | 'recoveredOrders' | 'recoveredRevenue') => out.reduce((a, f) => a + f[k], 0);
  const treatedEntered = out.reduce((a, f) => a + f.treated.entered, 0);
  return {
    storeId: store.id, from: new Date(from).toISOString(), to: new Date(to).toISOString(), currency: store.settings.currency,
    abandonedCarts: Number(carts?.abandoned ?? 0), reachableCarts: Number(carts?.reachable ?? 0), flows: out,
    totals: { entered: total('entered'), messagesSent: total('messagesSent'), recoveredOrders: total('recoveredOrders'), recoveredRevenue: total('recoveredRevenue'), recoveryRate: rate(total('recoveredOrders'), treatedEntered) },
  };
}
