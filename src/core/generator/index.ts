export {
  generateInstance,
  DEFAULT_GENERATOR_WEEK,
  type GeneratorOptions,
} from './generate-instance.js';
export {
  INSTANCE_SIZES,
  SIZE_PROFILES,
  STATE_CATALOG,
  type InstanceSize,
  type SizeProfile,
  type StateProfile,
} from './catalog.js';
export { minimumHoursRoster } from './witness.js';
export { Random } from './prng.js';
export {
  FIXTURE_WEEK_START,
  allocationsFor,
  fixtureEmployee,
  fixtureInstance,
  shiftOn,
  supervisionFor,
} from './fixture.js';
