/** The virtual clock's admin API (CARTBACK_CLOCK=virtual): what GET and PUT /api/clock answer. */
import { Type, type Static } from 'typebox';

export const ClockState = Type.Object({
  now: Type.String({ format: 'date-time', description: 'the deployment\'s business time (virtual)' }),
  virtual: Type.Boolean({ description: 'always true: the API answers 409 clock_not_virtual on the system clock' }),
  offsetMs: Type.Integer({ description: 'virtual minus real time; it only grows' }),
  settled: Type.Boolean({ description: 'nothing acknowledged waits to be applied, nothing is due by now, no run is held and no message is being handed over: a driver may take its next step' }),
  pendingEvents: Type.Integer({ description: 'events acknowledged and not yet applied (the outbox)' }),
  nextDueAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()], { description: "the earliest due time of an active run or of a cart's abandonment" }),
  leasedRuns: Type.Integer({ description: 'active runs a worker holds right now' }),
  sendingMessages: Type.Integer({ description: "messages in status 'sending' on runs still in progress" }),
});
export type ClockState = Static<typeof ClockState>;

export const ClockAdvance = Type.Object(
  { now: Type.String({ format: 'date-time', description: 'move business time forward to this instant; an instant not ahead of now changes nothing (time never goes back)' }) },
  { additionalProperties: false },
);
