/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': 'ts-jest' },
  // The workflow code is bundled once per run and shared by every test that runs a worker.
  globalSetup: '<rootDir>/test/global-setup.ts',
  // Temporal servers and workers are heavy on two cores: test files run one after another.
  maxWorkers: 1,
  testTimeout: 60_000,
};
