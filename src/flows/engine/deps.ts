import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Mailer } from '../../channels/email/transport.ts';
import type { FlowDefinition, FlowNode } from '../../contracts/flow.ts';
import type { Clock } from '../../kernel/clock.ts';
import type { LinkSigner } from '../../links/tokens.ts';
import type { Capabilities } from '../../store/db.ts';
import type { Run } from '../../store/queries/runs.ts';
import type { Store } from '../../store/queries/stores.ts';
import type { DB } from '../../store/schema.ts';

/** What the engine needs from the outside world; built once in the composition root. */
export interface EngineDeps {
  db: Kysely<DB>;
  caps: Capabilities;
  clock: Clock;
  mailer: Mailer;
  /** the mailer of one store (its own SMTP server); without it every store uses `mailer` */
  mailerFor?: (store: Store) => Mailer;
  signer: LinkSigner;
  publicUrl: string;
  /** This worker's identity in leases. */
  owner: string;
  leaseMs: number;
  log: Logger;
}

export interface StepInput<N extends FlowNode = FlowNode> {
  deps: EngineDeps;
  run: Run;
  def: FlowDefinition;
  node: N;
  store: Store;
}

/**
 * What a node decided. `next` continues at once; `wait` parks the run until a due time; `end`
 * finishes it; `applied` means the node already wrote the run's new state in its own transaction.
 */
export type Outcome =
  | { kind: 'next'; node: string | null | undefined }
  | { kind: 'wait'; until: number; node: string | null | undefined }
  | { kind: 'end'; reason: string; holdout?: boolean }
  | { kind: 'applied' };

/** A stable pseudo-random number in [0, 1) per run and salt, so a replayed step decides the same. */
export function stableRandom(runId: string, salt: string): number {
  let h = 2166136261;
  for (const ch of `${runId}:${salt}`) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
  return (h >>> 0) / 2 ** 32;
}
