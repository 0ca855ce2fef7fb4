/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // Fault tests (kill -9 of a worker, a server restart) need the local cluster: jest.cluster.config.js.
  testPathIgnorePatterns: ['/node_modules/', '/test/cluster/'],
  transform: { '^.+\\.ts$': 'ts-jest' },
  // The workflow code is bundled once per run and shared by every test that runs a worker.
  globalSetup: '<rootDir>/test/global-setup.ts',
  // Temporal servers and workers are heavy on two cores: test files run one after another.
  maxWorkers: 1,
  testTimeout: 60_000,
};
