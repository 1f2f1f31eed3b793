/**
 * Virtual business time for simulations and tests (CARTBACK_CLOCK=virtual; never the default, never
 * for production): real time plus an offset that only grows. Every process of a deployment adopts
 * the offset kept in the database (src/store/virtual-clock.ts), so api and workers agree on "now"
 * to within one refresh, and a simulator can move a month forward in minutes.
 *
 * Pure: the real-time source is injected. now() never goes back (invariant 6: a due step must never
 * run early), neither when a smaller offset is offered nor when the host clock steps backwards.
 */
import type { Clock } from './clock.ts';

export class OffsetClock implements Clock {
  private offset: number;
  private last = Number.NEGATIVE_INFINITY;
  private readonly listeners = new Set<() => void>();

  constructor(offsetMs = 0, private readonly real: () => number = Date.now) {
    this.offset = Math.round(offsetMs);
  }

  now(): number {
    const t = this.real() + this.offset;
    if (t > this.last) this.last = t;
    return this.last;
  }

  get offsetMs(): number {
    return this.offset;
  }

  /** The offset that makes now() read `t`; the current one when `t` is not ahead of now. */
  offsetFor(t: number): number {
    return Math.max(this.offset, Math.round(t - this.real()));
  }

  /**
   * Takes a larger offset (from the database, or an advance made here) and tells the listeners
   * (the engine wakes: work may have come due). A smaller or equal one changes nothing.
   */
  adopt(offsetMs: number): boolean {
    if (!(offsetMs > this.offset)) return false;
    this.offset = Math.round(offsetMs);
    for (const fn of this.listeners) fn();
    return true;
  }

  /** Calls `fn` after every advance; returns the unsubscribe function. */
  onAdvance(fn: () => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }
}
