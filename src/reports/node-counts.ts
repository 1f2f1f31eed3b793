/**
 * Live counts for the flow builder: per node, the runs waiting there now, and for a period the
 * messages sent or skipped there, their opens and clicks, and the orders credited to them. Node ids
 * carry over between versions, so the counts add up across versions.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../store/schema.ts';
import type { Flow } from '../store/queries/flows.ts';

export interface NodeCount { waiting: number; sent: number; skipped: number; failed: number; opened: number; clicked: number; recoveredOrders: number; recoveredRevenue: number }

const zero = (): NodeCount => ({ waiting: 0, sent: 0, skipped: 0, failed: 0, opened: 0, clicked: 0, recoveredOrders: 0, recoveredRevenue: 0 });

export async function nodeCounts(db: Kysely<DB>, flow: Flow, from: number, to: number) {
  const [waiting, messages, orders, runs] = await Promise.all([
    db.selectFrom('runs').select(['node_id', (eb) => eb.fn.countAll<number>().as('n')]).where('flow_id', '=', flow.id).where('state', '=', 'active').groupBy('node_id').execute(),
    db.selectFrom('messages')
      .select(['node_id', 'status', (eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.count<number>('opened_at').as('opened'), (eb) => eb.fn.count<number>('clicked_at').as('clicked')])
      .where('flow_id', '=', flow.id).where('created_at', '>=', from).where('created_at', '<', to)
      .groupBy(['node_id', 'status']).execute(),
    db.selectFrom('orders')
      .select(['attributed_node_id as node_id', (eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.sum<number>('total').as('revenue')])
      .where('attributed_flow_id', '=', flow.id).where('recovered', '=', 1).where('refunded_at', 'is', null).where('placed_at', '>=', from).where('placed_at', '<', to)
      .groupBy('attributed_node_id').execute(),
    db.selectFrom('runs').select(['state', 'exit_reason', (eb) => eb.fn.countAll<number>().as('n')])
      .where('flow_id', '=', flow.id).where('started_at', '>=', from).where('started_at', '<', to)
      .groupBy(['state', 'exit_reason']).execute(),
  ]);
  const nodes: Record<string, NodeCount> = {};
  const at = (id: string | null) => (nodes[id ?? '?'] ??= zero());
  for (const w of waiting) at(w.node_id).waiting += Number(w.n);
  for (const m of messages) {
    const c = at(m.node_id);
    if (m.status === 'skipped') c.skipped += Number(m.n);
    else if (m.status === 'failed') c.failed += Number(m.n);
    else c.sent += Number(m.n);
    c.opened += Number(m.opened);
    c.clicked += Number(m.clicked);
  }
  for (const o of orders) {
    at(o.node_id).recoveredOrders += Number(o.n);
    at(o.node_id).recoveredRevenue += Number(o.revenue ?? 0);
  }
  const exits: Record<string, number> = {};
  let entered = 0;
  for (const r of runs) {
    entered += Number(r.n);
    const key = r.state === 'active' ? 'active' : (r.exit_reason ?? r.state);
    exits[key] = (exits[key] ?? 0) + Number(r.n);
  }
  return { flowId: flow.id, from: new Date(from).toISOString(), to: new Date(to).toISOString(), entered, outcomes: exits, nodes };
}
