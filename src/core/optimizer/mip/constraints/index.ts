/**
 * The hard-rule constraint families, one function each. Notation: x[e,s] ∈ {0,1} employee e works
 * candidate shift s; paid(s) its paid hours; day(s) its employee-local date; y[e,t,q,S] ∈ {0,1}
 * technician e works queue q for state S in interval t; z[p,t,S] ∈ [0,1] pharmacist p's share of
 * supervision for S in t. docs/optimizer.md states each family with the same names.
 */
export {
  availabilityAndTimeOff,
  maxConsecutiveDays,
  maxDailyHours,
  minMaxWeeklyHours,
  minRestBetweenShifts,
  oneShiftPerDay,
  pinnedShifts,
} from './labour.js';
export { allocationWithinShift, licenceAndRemoteEligibility } from './allocation.js';
export {
  PRESENCE_DIRECT_MAX_EMPLOYEES,
  supervisionRatio,
  supervisionShareCapacity,
  supervisorPresence,
} from './supervision.js';
