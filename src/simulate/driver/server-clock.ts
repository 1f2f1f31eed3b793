/**
 * The simulator's view of the server's virtual clock (GET/PUT /api/clock): advance it, wait until
 * the deployment has done everything due ("settled"), and estimate the server's time between
 * requests. The estimate keeps both bounds of the offset (the server read its clock after the
 * request left and before the answer came), so "acknowledged by" can be an upper bound.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { ClockState } from '../../contracts/clock.ts';
import type { CartbackClient } from './http.ts';

export class SimulationStalled extends Error {
  constructor(readonly state: ClockState, waitedMs: number) {
    super(`the server did not settle within ${Math.round(waitedMs / 1000)} s at ${state.now}: ${state.pendingEvents} event(s) pending, ${state.leasedRuns} run(s) held, ${state.sendingMessages} message(s) sending, next due ${state.nextDueAt ?? 'none'}`);
    this.name = 'SimulationStalled';
  }
}

export class ServerClock {
  state!: ClockState;
  /** server virtual time minus local real time, bounds from the last answer */
  private low = 0;
  private high = 0;
  constructor(private readonly api: CartbackClient, private readonly settleTimeoutMs: number) {}

  private async call(method: 'GET' | 'PUT', now?: number): Promise<ClockState> {
    const sent = Date.now();
    const state = await this.api.admin<ClockState>(method, '/clock', method === 'PUT' ? { now: new Date(now!).toISOString() } : undefined);
    const received = Date.now();
    const at = Date.parse(state.now);
    this.low = at - received;
    this.high = at - sent;
    this.state = state;
    return state;
  }

  read(): Promise<ClockState> {
    return this.call('GET');
  }

  /** Moves the server's time to `t`; a `t` not ahead of the server's now changes nothing. */
  async advanceTo(t: number): Promise<ClockState> {
    return t > this.now() ? this.call('PUT', t) : this.read();
  }

  /** The server's virtual now, at the latest (a lower bound). */
  now(): number {
    return Date.now() + this.low;
  }

  /** An instant the server's clock has certainly not passed yet (an upper bound). */
  upperNow(): number {
    return Date.now() + this.high;
  }

  nextDueAt(): number | null {
    return this.state.nextDueAt === null ? null : Date.parse(this.state.nextDueAt);
  }

  /**
   * Polls until the server is settled: short waits first (a step is usually done within
   * milliseconds). With `current`, the last answer counts if it said settled and nothing was sent
   * since (a clock advance with nothing due answers settled at once: no second request).
   */
  async settle(current = false): Promise<ClockState> {
    if (current && this.state.settled) return this.state;
    const started = Date.now();
    for (let pause = 1; ; pause = Math.min(pause * 2, 25)) {
      const state = await this.read();
      if (state.settled) return state;
      if (Date.now() - started > this.settleTimeoutMs) throw new SimulationStalled(state, Date.now() - started);
      await sleep(pause);
    }
  }
}
