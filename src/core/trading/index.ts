export * from './trade-roster.js';
export * from './trade-verdict.js';
