/** The node types the engine knows, one module each (id, behaviour); their config schemas live in src/contracts/flow.ts. */
import type { FlowNode } from '../../contracts/flow.ts';
import type { Outcome, StepInput } from '../engine/deps.ts';
import * as condition from './condition.ts';
import * as exit from './exit.ts';
import * as holdout from './holdout.ts';
import * as sendEmail from './send-email.ts';
import * as trigger from './trigger.ts';
import * as wait from './wait.ts';

type Handler = (input: StepInput<never>) => Promise<Outcome>;

export const NODE_TYPES: Record<FlowNode['type'], Handler> = {
  [trigger.type]: trigger.execute,
  [wait.type]: wait.execute,
  [sendEmail.type]: sendEmail.execute,
  [condition.type]: condition.execute,
  [holdout.type]: holdout.execute,
  [exit.type]: exit.execute,
} as Record<FlowNode['type'], Handler>;
