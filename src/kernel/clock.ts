/** Business time. All instants are UTC epoch milliseconds; nothing stores local time. */
export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };
