/** Per step (node) and A/B variant of each flow: messages, opens, clicks, and the orders credited to them. */
import type { Kysely } from 'kysely';
import type { DB } from '../store/schema.ts';

export interface StepRow {
  flowId: string;
  nodeId: string;
  variant: string | null;
  sent: number;
  skipped: number;
  failed: number;
  opened: number;
  clicked: number;
  openRate: number | null;
  clickRate: number | null;
  recoveredOrders: number;
  recoveredRevenue: number;
  /** this step's share of the flow's recovered revenue */
  revenueShare: number | null;
}

export async function flowStepRows(db: Kysely<DB>, storeId: string, from: number, to: number): Promise<StepRow[]> {
  const msgs = await db
    .selectFrom('messages')
    .select(['flow_id', 'node_id', 'variant', 'status', (eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.count<number>('opened_at').as('opened'), (eb) => eb.fn.count<number>('clicked_at').as('clicked')])
    .where('store_id', '=', storeId)
    .where('created_at', '>=', from)
    .where('created_at', '<', to)
    .groupBy(['flow_id', 'node_id', 'variant', 'status'])
    .execute();
  const orders = await db
    .selectFrom('orders as o')
    .innerJoin('messages as m', 'm.id', 'o.attributed_message_id')
    .select(['o.attributed_flow_id as flow_id', 'o.attributed_node_id as node_id', 'o.attributed_variant as variant', (eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.sum<number>('o.total').as('revenue')])
    .where('o.store_id', '=', storeId)
    .where('o.recovered', '=', 1)
    .where('o.refunded_at', 'is', null)
    .where('m.created_at', '>=', from)
    .where('m.created_at', '<', to)
    .groupBy(['o.attributed_flow_id', 'o.attributed_node_id', 'o.attributed_variant'])
    .execute();

  const rows = new Map<string, StepRow>();
  const row = (flowId: string, nodeId: string, variant: string | null) => {
    const key = `${flowId}|${nodeId}|${variant ?? ''}`;
    let r = rows.get(key);
    if (!r) {
      r = { flowId, nodeId, variant, sent: 0, skipped: 0, failed: 0, opened: 0, clicked: 0, openRate: null, clickRate: null, recoveredOrders: 0, recoveredRevenue: 0, revenueShare: null };
      rows.set(key, r);
    }
    return r;
  };
  for (const m of msgs) {
    const r = row(m.flow_id, m.node_id, m.variant);
    const n = Number(m.n);
    if (m.status === 'sent' || m.status === 'uncertain') r.sent += n;
    else if (m.status === 'skipped') r.skipped += n;
    else if (m.status === 'failed') r.failed += n;
    r.opened += Number(m.opened);
    r.clicked += Number(m.clicked);
  }
  for (const o of orders) {
    const r = row(o.flow_id!, o.node_id!, o.variant);
    r.recoveredOrders += Number(o.n);
    r.recoveredRevenue += Number(o.revenue ?? 0);
  }
  const flowRevenue = new Map<string, number>();
  for (const r of rows.values()) flowRevenue.set(r.flowId, (flowRevenue.get(r.flowId) ?? 0) + r.recoveredRevenue);
  for (const r of rows.values()) {
    r.openRate = r.sent ? r.opened / r.sent : null;
    r.clickRate = r.sent ? r.clicked / r.sent : null;
    const total = flowRevenue.get(r.flowId) ?? 0;
    r.revenueShare = total ? r.recoveredRevenue / total : null;
  }
  return [...rows.values()].sort((a, b) => a.flowId.localeCompare(b.flowId) || a.nodeId.localeCompare(b.nodeId));
}
