export * from './rule-sets.js';
export * from './credentials.js';
export * from './eligibility.js';
export * from './supervision.js';
export * from './supervision-assignment.js';
export { maxFlow, type FlowEdge } from './max-flow.js';
