/**
 * Where the simulator's virtual time goes next (pure). Time moves in steps of a fixed size
 * (`stepMs`, e.g. 5 virtual minutes): a month is a few thousand steps, each taking every shopper
 * action and every server due time that fell in it. A step is never taken for nothing: the next
 * one is the step that holds the earlier of the next shopper action and the server's next due time.
 */

/** The first step boundary at or after `t`. */
export const stepUp = (t: number, stepMs: number): number => Math.ceil(t / stepMs) * stepMs;

export interface Moment {
  /** the earliest instant a shopper does something (the agenda's head), if any */
  nextAction: number | undefined;
  /** the server's next due instant (GET /api/clock), if any */
  serverDue: number | null;
  /** the server's virtual now */
  now: number;
  stepMs: number;
  /** nothing after this instant is played */
  end: number;
}

/**
 * The instant the next step ends at: the step boundary after whichever comes first, but never
 * before now (a moment already past is played at once). Null when nothing is left before `end`.
 */
export function nextStep(m: Moment): number | null {
  const candidates = [m.nextAction, m.serverDue ?? undefined].filter((t): t is number => t !== undefined);
  if (candidates.length === 0) return null;
  const first = Math.min(...candidates);
  if (first > m.end) return null;
  return Math.min(Math.max(stepUp(first, m.stepMs), m.now), Math.max(m.end, m.now));
}

/** Waits scaled to the period: the ready flow's own from 14 days up, shorter below, so most sequences finish inside it. */
export function scaledWaits(waitsMs: number[], days: number): number[] {
  const f = Math.min(1, days / 14);
  return waitsMs.map((w) => Math.max(60_000, Math.round((w * f) / 60_000) * 60_000));
}

/** ms as an ISO 8601 duration of whole minutes (PT90M), what a flow's wait accepts. */
export const minutesDuration = (ms: number): string => `PT${Math.round(ms / 60_000)}M`;
