// Packages published as ES modules only (OpenID Connect: openid-client and what it and oidc-provider
// use). Node 20.19+ loads them with require() natively, which the compiled code relies on; Jest's own
// module loader does not (before Node 24.9), so Jest compiles them to CommonJS as it does the tests.
const esmOnly = ['openid-client', 'oauth4webapi', 'jose', 'oidc-provider'];

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // Fault tests (kill -9 of a worker, a server restart) need the local cluster: jest.cluster.config.js.
  testPathIgnorePatterns: ['/node_modules/', '/test/cluster/'],
  transform: {
    '^.+\\.ts$': 'ts-jest',
    [`/node_modules/(${esmOnly.join('|')})/.+\\.js$`]: ['ts-jest', { tsconfig: { allowJs: true } }],
  },
  transformIgnorePatterns: [`/node_modules/(?!(${esmOnly.join('|')})/)`],
  // The workflow code is bundled once per run and shared by every test that runs a worker.
  globalSetup: '<rootDir>/test/global-setup.ts',
  // Temporal servers and workers are heavy on two cores: test files run one after another.
  maxWorkers: 1,
  testTimeout: 60_000,
};
