export * from './common.js';
export * from './employee.js';
export * from './jurisdiction.js';
export * from './instance.js';
export * from './roster.js';
export * from './sample-rules.js';
export * from './validate-instance.js';
