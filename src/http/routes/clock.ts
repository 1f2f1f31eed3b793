/**
 * Admin API: the virtual clock (CARTBACK_CLOCK=virtual, for `cartback simulate` and tests). GET
 * tells a driver the time and whether the deployment has done everything due; PUT moves time
 * forward for every process of the deployment. On the system clock both answer 409
 * clock_not_virtual: real time cannot be moved, and nothing here is meant for production.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { Services } from '../../app.ts';
import { ClockAdvance, ClockState } from '../../contracts/clock.ts';
import { AppError } from '../../kernel/errors.ts';
import { engineState, isSettled } from '../../store/queries/clock.ts';
import { ADMIN_SECURITY } from '../auth.ts';

const iso = (t: number) => new Date(t).toISOString();
const responses = { 200: ClockState };

export const clockRoutes = (s: Services): FastifyPluginAsync => async (app) => {
  const virtual = () => {
    if (!s.virtualClock) throw new AppError('clock_not_virtual', 'this deployment runs on the system clock; start it with CARTBACK_CLOCK=virtual to simulate (never in production)');
    return s.virtualClock;
  };
  const state = async (): Promise<ClockState> => {
    const v = virtual();
    const now = v.clock.now();
    const e = await engineState(s.database.db, now);
    return {
      now: iso(now), virtual: true, offsetMs: v.clock.offsetMs, settled: isSettled(e, now), pendingEvents: e.pendingEvents,
      nextDueAt: e.nextDueAt === null ? null : iso(e.nextDueAt), leasedRuns: e.leasedRuns, sendingMessages: e.sendingMessages,
    };
  };

  app.get('/api/clock', { schema: { tags: ['clock'], summary: 'The virtual clock and whether everything due has been done (CARTBACK_CLOCK=virtual only)', security: ADMIN_SECURITY, response: responses } }, state);

  app.put('/api/clock', { schema: { tags: ['clock'], summary: 'Move the virtual clock forward, for every process of the deployment (CARTBACK_CLOCK=virtual only)', security: ADMIN_SECURITY, body: ClockAdvance, response: responses } }, async (req) => {
    const v = virtual();
    const t = Date.parse((req.body as { now: string }).now);
    if (Number.isNaN(t)) throw new AppError('invalid_body', 'now must be an ISO 8601 instant');
    await v.advanceTo(t);
    return state();
  });
};
