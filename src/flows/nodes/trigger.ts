/** trigger: where every run enters. Nothing to do but go on. */
import type { NodeOf } from '../../contracts/flow.ts';
import type { Outcome, StepInput } from '../engine/deps.ts';

export const type = 'trigger';
export async function execute({ node }: StepInput<NodeOf<'trigger'>>): Promise<Outcome> {
  return { kind: 'next', node: node.next };
}
