// Jest runs the TypeScript sources as native ES modules (NestJS 12 is ESM-only), transpiled by SWC.
// Module mocks do not work in this mode: replace collaborators through Nest's DI instead.
const swcOptions = {
  jsc: {
    target: 'es2022',
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
    keepClassNames: true,
  },
  module: { type: 'es6' },
  sourceMaps: 'inline',
};

export default {
  rootDir: '..',
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest', swcOptions] },
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  testMatch: ['<rootDir>/test/**/*.spec.ts'],
  globalSetup: '<rootDir>/test/support/global-setup.mjs',
  globalTeardown: '<rootDir>/test/support/global-teardown.mjs',
  maxWorkers: 2,
  // A worker ends its run holding about a gigabyte (large generated weeks, HiGHS); freeing it after
  // its 'exit' event took longer than Jest's default 500 ms, which then force-killed it with a
  // warning about leaked handles (there were none: docs/architecture.md, "Tests").
  workerGracefulExitTimeout: 5000,
  testTimeout: 30000,
};
