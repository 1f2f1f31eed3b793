/**
 * holdout: a share of entrants gets nothing. Their runs end at once, marked as holdout, and the
 * report compares their purchases with everyone else's to show the flow's real lift.
 */
import type { NodeOf } from '../../contracts/flow.ts';
import { stableRandom, type Outcome, type StepInput } from '../engine/deps.ts';

export const type = 'holdout';
export async function execute({ node, run }: StepInput<NodeOf<'holdout'>>): Promise<Outcome> {
  if (stableRandom(run.id, `holdout:${node.id}`) * 100 < node.percent) return { kind: 'end', reason: 'holdout', holdout: true };
  return { kind: 'next', node: node.next };
}
