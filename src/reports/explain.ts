/**
 * Why a message was sent or skipped, step by step, as the admin app shows it under each message of
 * a contact's timeline: the flow and version the run entered, the waits before the step (from that
 * version's definition), any postponement (quiet hours, the shopper back on the site), and the
 * checks made in the send transaction, with the one that stopped it (and, for a suppressed or
 * unsubscribed address, whether it bounced or its owner complained). Each reason is a code with
 * parameters, so the app can say it in the reader's language.
 */
import type { FlowDefinition, FlowNode } from '../contracts/flow.ts';
import type { Selectable } from 'kysely';
import type { ContactTable, MessageTable, RunNoteTable, RunTable } from '../store/schema.ts';

export type Reason =
  | { code: 'entered_flow'; flowId: string; flowName: string; version: number; at: string; holdout: boolean }
  | { code: 'waited'; node: string; duration: string }
  | { code: 'postponed'; cause: 'quiet_hours' | 'returned_to_store'; at: string; until: string | null }
  | { code: 'checks_passed'; checks: string[] }
  | { code: 'stopped'; check: string; cause?: 'hard_bounce' | 'complaint' }
  | { code: 'delivery'; status: string; detail: string | null };

// In the order send_email checks them (src/flows/nodes/send-email.ts); a skip names the failing one.
const CHECKS = ['not_purchased', 'cart_not_empty', 'not_unsubscribed', 'not_suppressed', 'consent', 'postal_address', 'quiet_hours', 'frequency_cap', 'footer_shown'];
const FAILED_CHECK: Record<string, string> = {
  purchased: 'not_purchased', cart_emptied: 'cart_not_empty', unsubscribed: 'not_unsubscribed', suppressed: 'not_suppressed',
  no_consent: 'consent', no_email: 'consent', no_contact: 'consent', no_postal_address: 'postal_address', frequency_cap: 'frequency_cap',
  template_incomplete: 'footer_shown',
};

/** The waits that lead straight into `nodeId` (walking back through single predecessors until a send). */
function waitsBefore(def: FlowDefinition, nodeId: string): Array<{ node: string; duration: string }> {
  const into = (id: string) => def.nodes.filter((n) => ('next' in n && n.next === id) || (n.type === 'condition' && (n.yes === id || n.no === id)));
  const out: Array<{ node: string; duration: string }> = [];
  let at = nodeId;
  for (let guard = 0; guard < def.nodes.length; guard++) {
    const prev: FlowNode[] = into(at);
    if (prev.length !== 1 || prev[0]!.type === 'send_email') break;
    const p = prev[0]!;
    if (p.type === 'wait') out.unshift({ node: p.id, duration: p.duration });
    at = p.id;
  }
  return out;
}

/**
 * Why the address was blocked, when the sending service said so: a hard bounce (at send time, or
 * reported by the bounce webhook) or a complaint, recorded on the contact before this message.
 */
function blockCause(m: Selectable<MessageTable>, contact: Pick<ContactTable, 'suppressed_at' | 'suppressed_reason'> | undefined): 'hard_bounce' | 'complaint' | undefined {
  if (!contact || contact.suppressed_at === null || contact.suppressed_at > m.created_at) return undefined;
  if (contact.suppressed_reason === 'complaint' && (m.reason === 'unsubscribed' || m.reason === 'suppressed')) return 'complaint';
  if (contact.suppressed_reason === 'hard_bounce' && m.reason === 'suppressed') return 'hard_bounce';
  return undefined;
}

export function explainMessage(m: Selectable<MessageTable>, run: Selectable<RunTable> | undefined, def: FlowDefinition | undefined, flowName: string, notes: RunNoteTable[], contact?: Pick<ContactTable, 'suppressed_at' | 'suppressed_reason'>): Reason[] {
  const iso = (t: number) => new Date(t).toISOString();
  const why: Reason[] = [];
  if (run) why.push({ code: 'entered_flow', flowId: run.flow_id, flowName, version: run.flow_version, at: iso(run.started_at), holdout: run.holdout === 1 });
  if (def) for (const w of waitsBefore(def, m.node_id)) why.push({ code: 'waited', ...w });
  for (const n of notes.filter((x) => x.run_id === m.run_id && x.node_id === m.node_id)) why.push({ code: 'postponed', cause: n.kind, at: iso(n.at), until: n.until === null ? null : iso(n.until) });
  if (m.status === 'skipped') {
    const failed = FAILED_CHECK[m.reason ?? ''];
    const passed = failed ? CHECKS.slice(0, CHECKS.indexOf(failed)) : [];
    if (passed.length) why.push({ code: 'checks_passed', checks: passed });
    const cause = blockCause(m, contact);
    why.push({ code: 'stopped', check: m.reason ?? 'unknown', ...(cause ? { cause } : {}) });
  } else {
    why.push({ code: 'checks_passed', checks: CHECKS });
    why.push({ code: 'delivery', status: m.status, detail: m.reason });
  }
  return why;
}
