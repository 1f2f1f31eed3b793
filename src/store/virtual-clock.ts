/**
 * Keeps this process's virtual clock in step with the offset in the database (CARTBACK_CLOCK=
 * virtual). An advance made through any process (PUT /api/clock on an api process) reaches the
 * others within one refresh; the clock then tells its listeners, and the engine wakes at once
 * instead of at its next poll. A refresh is one primary-key read; it runs only in virtual mode.
 */
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { OffsetClock } from '../kernel/virtual-clock.ts';
import { advanceClockOffset, readClockOffset } from './queries/clock.ts';
import type { DB } from './schema.ts';

/** How often a process looks for an advance made elsewhere (ms of real time). */
export const CLOCK_REFRESH_MS = 25;

export interface VirtualClockSync {
  clock: OffsetClock;
  /** reads the shared offset now (the engine may call it before a pass) */
  refresh(): Promise<void>;
  /** advances the shared clock to `t` (never back) and adopts it here; returns the new now */
  advanceTo(t: number): Promise<number>;
  stop(): void;
}

export async function syncVirtualClock(db: Kysely<DB>, log: Logger, refreshMs = CLOCK_REFRESH_MS): Promise<VirtualClockSync> {
  const clock = new OffsetClock(await readClockOffset(db));
  let failing = false;
  const refresh = async () => {
    clock.adopt(await readClockOffset(db));
  };
  const timer = setInterval(() => {
    refresh().then(
      () => (failing = false),
      (err) => {
        if (!failing) log.warn({ err }, 'virtual clock: reading the shared offset failed; keeping the last one');
        failing = true;
      },
    );
  }, refreshMs);
  timer.unref();
  return {
    clock,
    refresh,
    async advanceTo(t) {
      clock.adopt(await advanceClockOffset(db, clock.offsetFor(t)));
      return clock.now();
    },
    stop: () => clearInterval(timer),
  };
}
