/** @type {import('jest').Config} */
module.exports = {
  rootDir: '.',
  roots: ['<rootDir>/test'],
  testEnvironment: 'node',
  testRegex: '\\.(spec|e2e-spec)\\.ts$',
  moduleFileExtensions: ['ts', 'js', 'json'],
  transform: {
    // Type-checking happens once in `npm run typecheck`; jest only transpiles, which keeps the suite fast.
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json', diagnostics: { ignoreCodes: [151002] } }],
  },
  setupFiles: ['reflect-metadata'],
  // Every emulator response in every test is validated against PortOne's response schemas (test/conformance).
  setupFilesAfterEnv: ['<rootDir>/test/conformance/setup.ts'],
  globalSetup: '<rootDir>/test/conformance/global-setup.ts',
  globalTeardown: '<rootDir>/test/conformance/global-teardown.ts',
  collectCoverageFrom: ['lib/**/*.ts'],
  testTimeout: 30000,
};
