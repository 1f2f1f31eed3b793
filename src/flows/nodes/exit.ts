/** exit: the run is finished. */
import type { NodeOf } from '../../contracts/flow.ts';
import type { Outcome, StepInput } from '../engine/deps.ts';

export const type = 'exit';
export async function execute(_: StepInput<NodeOf<'exit'>>): Promise<Outcome> {
  return { kind: 'end', reason: 'completed' };
}
