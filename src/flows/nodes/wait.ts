/** wait: parks the run as a row with a due time (never a timer); the next node runs when due. */
import type { NodeOf } from '../../contracts/flow.ts';
import { parseDuration } from '../../kernel/duration.ts';
import type { Outcome, StepInput } from '../engine/deps.ts';

export const type = 'wait';
export async function execute({ node, deps }: StepInput<NodeOf<'wait'>>): Promise<Outcome> {
  return { kind: 'wait', until: deps.clock.now() + parseDuration(node.duration), node: node.next };
}
