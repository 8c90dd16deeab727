/**
 * The staffing engine's pure core: forecast volume to required staff per (interval, queue,
 * state), the service a staffing delivers, service curves and deferred work for the optimizer.
 * See docs/staffing.md for the formulas.
 */
export * from './types.js';
export * from './validation.js';
export * from './erlang-c.js';
export * from './erlang-a.js';
export * from './queue-staffing.js';
export * from './requirements.js';
export * from './evaluation.js';
export * from './service-curve.js';
export * from './deferred-work.js';
export * from './deferred-flow.js';
export { ceilTolerant, logAddExp, logIntegralOfExp, type ConcaveExponent } from './numerics.js';
