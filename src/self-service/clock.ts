/** The current time, injected so tests can pin the calendar feed's window. */
export const SELF_SERVICE_CLOCK = Symbol('SELF_SERVICE_CLOCK');

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
