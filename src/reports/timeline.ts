/**
 * One contact's story in time order: events, flow runs, messages (each with why it was sent or
 * skipped), postponements, opens and clicks, and orders.
 */
import type { Kysely } from 'kysely';
import type { FlowDefinition } from '../contracts/flow.ts';
import { definitionOf } from '../flows/definition/cache.ts';
import { AppError } from '../kernel/errors.ts';
import { runNotesOf } from '../store/queries/run-notes.ts';
import type { DB } from '../store/schema.ts';
import { explainMessage } from './explain.ts';

export interface TimelineEntry { at: string; kind: string; summary: string; data: Record<string, unknown> }

export async function contactTimeline(db: Kysely<DB>, storeId: string, contactId: string) {
  const contact = await db.selectFrom('contacts').selectAll().where('store_id', '=', storeId).where('id', '=', contactId).executeTakeFirst();
  if (!contact) throw new AppError('not_found', `no contact ${contactId} in this store`);
  const [events, messages, orders, carts, runs, notes, flows] = await Promise.all([
    db.selectFrom('events').select(['id', 'type', 'event', 'occurred_at', 'message_id', 'payload']).where('store_id', '=', storeId).where('contact_id', '=', contactId).orderBy('occurred_at').limit(500).execute(),
    db.selectFrom('messages').selectAll().where('store_id', '=', storeId).where('contact_id', '=', contactId).orderBy('created_at').execute(),
    db.selectFrom('orders').selectAll().where('store_id', '=', storeId).where('contact_id', '=', contactId).execute(),
    db.selectFrom('carts').selectAll().where('store_id', '=', storeId).where('contact_id', '=', contactId).execute(),
    db.selectFrom('runs').selectAll().where('store_id', '=', storeId).where('contact_id', '=', contactId).execute(),
    runNotesOf(db, storeId, contactId),
    db.selectFrom('flows').select(['id', 'name']).where('store_id', '=', storeId).execute(),
  ]);
  const links = messages.length ? await db.selectFrom('link_events').selectAll().where('message_id', 'in', messages.map((m) => m.id)).execute() : [];
  const flowName = (id: string | null) => flows.find((f) => f.id === id)?.name ?? 'a deleted flow';
  const defs = new Map<string, FlowDefinition | undefined>();
  for (const r of runs) defs.set(r.id, await definitionOf(db, r.flow_id, r.flow_version).catch(() => undefined)); // a deleted flow has no definition
  const runOf = (id: string) => runs.find((r) => r.id === id);

  const entries: Array<Omit<TimelineEntry, 'at'> & { t: number }> = [
    ...events.map((e) => {
      const payload = JSON.parse(e.payload) as { properties?: object; traits?: object };
      return { t: e.occurred_at, kind: 'event', summary: e.event ?? e.type, data: { id: e.id, messageId: e.message_id, properties: payload.properties ?? null, traits: payload.traits ?? null } };
    }),
    ...runs.map((r) => ({
      t: r.started_at, kind: 'run',
      summary: `entered flow "${flowName(r.flow_id)}" at version ${r.flow_version}${r.holdout ? ' (holdout: gets nothing)' : ''}${r.ended_at ? `; ended: ${r.exit_reason}` : ''}`,
      data: { ...r, flowName: flowName(r.flow_id) },
    })),
    ...messages.map((m) => ({
      t: m.created_at, kind: `message_${m.status}`,
      summary: m.status === 'skipped' ? `step ${m.node_id} of "${flowName(m.flow_id)}" skipped: ${m.reason}` : `"${m.subject ?? ''}" (${m.status})`,
      data: { ...m, flowName: flowName(m.flow_id), why: explainMessage(m, runOf(m.run_id), defs.get(m.run_id), flowName(m.flow_id), notes, contact) },
    })),
    ...notes.map((n) => ({ t: n.at, kind: 'postponed', summary: `step ${n.node_id} postponed (${n.kind}) until ${n.until ? new Date(n.until).toISOString() : '?'}`, data: { ...n, flowName: flowName(runOf(n.run_id)?.flow_id ?? null) } })),
    ...links.map((l) => ({ t: l.at, kind: l.kind, summary: l.url ?? l.kind, data: { ...l } })),
    ...orders.map((o) => ({ t: o.placed_at, kind: 'order', summary: o.recovered ? `order ${o.external_id}, credited to step ${o.attributed_node_id} of "${flowName(o.attributed_flow_id)}"` : `order ${o.external_id}`, data: { ...o } })),
  ];
  entries.sort((a, b) => a.t - b.t);
  return {
    contact: { ...contact, traits: JSON.parse(contact.traits) as object },
    carts: carts.map(({ deltas: _d, ...c }) => ({ ...c, items: JSON.parse(c.items) as object[] })),
    timeline: entries.map(({ t, ...e }) => ({ ...e, at: new Date(t).toISOString() })),
  };
}
