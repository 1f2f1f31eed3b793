/** condition: branches on what the shopper did (bought, opened, clicked), consent, or cart value. */
import type { NodeOf } from '../../contracts/flow.ts';
import { emailBlockReason } from '../../contacts/reachability.ts';
import { toMinor } from '../../kernel/money.ts';
import { getCart } from '../../store/queries/carts.ts';
import { getContact } from '../../store/queries/contacts.ts';
import { hasPurchased } from '../../store/queries/orders.ts';
import type { Outcome, StepInput } from '../engine/deps.ts';

export const type = 'condition';

async function holds({ node, run, deps, store }: StepInput<NodeOf<'condition'>>): Promise<boolean> {
  const { db } = deps;
  const c = node.check;
  switch (c.kind) {
    case 'purchased':
      return hasPurchased(db, store.id, { contactId: run.contact_id, cartId: run.cart_id, cartStartedAt: run.cart_started_at, runStartedAt: run.started_at });
    case 'opened':
    case 'clicked': {
      let q = db.selectFrom('messages').select('id').where('run_id', '=', run.id).where(c.kind === 'opened' ? 'opened_at' : 'clicked_at', 'is not', null);
      if (c.node) q = q.where('node_id', '=', c.node);
      return (await q.limit(1).executeTakeFirst()) !== undefined;
    }
    case 'has_consent':
      return emailBlockReason(await getContact(db, run.contact_id), store.settings) === null;
    case 'cart_value': {
      const cart = run.cart_id ? await getCart(db, run.cart_id) : undefined;
      const value = cart?.value ?? 0;
      const amount = toMinor(c.amount, cart?.currency ?? store.settings.currency);
      return c.op === 'gte' ? value >= amount : value < amount;
    }
  }
}

export async function execute(input: StepInput<NodeOf<'condition'>>): Promise<Outcome> {
  return { kind: 'next', node: (await holds(input)) ? input.node.yes : input.node.no };
}
