/**
 * Scalar conventions shared by the planning model. Everything is a plain string or number so an
 * instance survives `structuredClone` and `postMessage` to a worker thread unchanged.
 */

/** A calendar date `YYYY-MM-DD`. Whose calendar it is (an employee's, the week's) is stated where it is used. */
export type LocalDate = string;

/** A wall-clock time `HH:mm` from `00:00` to `24:00` (`24:00` only as the end of a window). */
export type LocalTime = string;

/** An instant: milliseconds since the Unix epoch (UTC). */
export type Instant = number;

/** An IANA time-zone name, e.g. `America/Chicago`. */
export type TimeZoneName = string;

/** A US state or territory as its USPS code, e.g. `NC`. */
export type StateCode = string;

/** ISO day of the week: Monday = 1 … Sunday = 7. */
export type IsoDayOfWeek = 1 | 2 | 3 | 4 | 5 | 6 | 7;
