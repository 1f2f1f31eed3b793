/**
 * The engine loop: apply accepted events, watch for abandoned carts, claim due runs, step them. It
 * polls every pollMs and is also woken early when a due time nearer than the next poll is known, or
 * when ingest accepted events (wake()), so a due step runs late by well under a second and never
 * early. Business time lives in rows; the timer only wakes.
 */
import { detectAbandonment } from '../../carts/abandonment.ts';
import { claimDueRuns, nextDueAt, releaseAllLeases } from '../../store/queries/runs.ts';
import type { EngineDeps } from './deps.ts';
import { advanceRuns } from './runner.ts';
import type { Applier } from '../../ingest/applier.ts';
import { sweepExpiredEvents } from '../../privacy/retention.ts';
import type { Wakeup } from '../../store/wakeup.ts';

export interface WorkerOptions {
  pollMs: number;
  batch: number;
  concurrency: number;
  /** only this store's carts and runs (a simulation's own worker, on its virtual clock) */
  storeId?: string;
  /**
   * PostgreSQL: how processes wake each other (src/store/wakeup.ts). A started worker listens; a
   * process whose worker is not started (--role api) notifies the others when it accepted events.
   */
  wakeup?: Wakeup;
}

export class Worker {
  private timer: NodeJS.Timeout | null = null;
  private running = false;
  private woken = false;
  private stopped = true;
  /** set by stop(): a pass under way finishes its batch, not the whole backlog */
  private stopping = false;
  private idle: Promise<void> = Promise.resolve();
  ticks = 0;

  constructor(private readonly deps: EngineDeps, private readonly opts: WorkerOptions, private readonly applier?: Applier) {}

  async start(): Promise<void> {
    if (!this.deps.caps.multiProcess) await releaseAllLeases(this.deps.db);
    this.stopped = false;
    this.stopping = false;
    this.opts.wakeup?.listen(() => this.wake());
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.stopping = true;
    if (this.timer) clearTimeout(this.timer);
    await this.opts.wakeup?.close();
    await this.idle;
  }

  /** Runs one full pass now; returns how many runs were stepped. Tests and `simulate` call it. */
  async tick(): Promise<number> {
    const { deps } = this;
    const { storeId } = this.opts;
    // Events first: a cart's last activity, an order or an opt-out that arrived must count before
    // the cart is called abandoned or a message is claimed.
    await this.applier?.drain({ storeId });
    await detectAbandonment(deps.db, deps.caps, deps.clock.now(), 200, storeId);
    let stepped = 0;
    for (;;) {
      const runs = await claimDueRuns(deps.db, deps.caps, { owner: deps.owner, now: deps.clock.now(), leaseMs: deps.leaseMs, limit: this.opts.batch, storeId });
      await advanceRuns(deps, runs, this.opts.concurrency);
      stepped += runs.length;
      if (runs.length < this.opts.batch || this.stopping) break; // what is left is due for whoever runs next
    }
    if (!storeId) await sweepExpiredEvents(deps); // raw events past each store's retention, bounded; a simulation's engine leaves it alone
    this.ticks++;
    return stepped;
  }

  /** Run a pass soon (ingest accepted events); a no-op when already due. Not started here: wake the workers elsewhere. */
  wake(): void {
    if (this.stopped && !this.stopping) return void this.opts.wakeup?.notify();
    if (this.stopped || this.woken) return;
    this.woken = true;
    if (this.running) return; // the pass under way schedules the next one at once
    if (this.timer) clearTimeout(this.timer);
    this.schedule(0);
  }

  private schedule(delay: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.idle = this.loop();
    }, delay);
  }

  private async loop(): Promise<void> {
    if (this.running) return;
    this.running = true;
    let delay = this.opts.pollMs;
    this.woken = false;
    try {
      const passStarted = this.deps.clock.now();
      await this.tick();
      const due = await nextDueAt(this.deps.db, passStarted);
      if (due !== null) delay = Math.max(0, Math.min(delay, due - this.deps.clock.now()));
    } catch (err) {
      this.deps.log.error({ err }, 'engine pass failed');
    } finally {
      this.running = false;
      this.schedule(this.woken ? 0 : delay);
    }
  }
}
