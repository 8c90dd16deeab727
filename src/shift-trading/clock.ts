import type { Clock } from '../self-service/clock.js';

/** The current time for trades (expiry, "has the shift started"), injected so tests can pin it. */
export const TRADING_CLOCK = Symbol('TRADING_CLOCK');
export type { Clock };
