export * from './dates.js';
export * from './zones.js';
export * from './grid.js';
export * from './shift-times.js';
export * from './availability.js';
export * from './candidates.js';
