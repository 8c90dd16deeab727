export { checkRoster } from './check-roster.js';
export { VIOLATION_RULES } from './types.js';
export type { CheckResult, SoftTerms, Violation, ViolationRule } from './types.js';
