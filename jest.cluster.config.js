// The cluster run: the test files that need a real Temporal server, again, on a local cluster
// (PostgreSQL, the Temporal server with SQL visibility), and the fault tests that only the cluster
// can run (test/cluster/). `npm test` runs it after the whole suite on the dev server.
const { readdirSync, readFileSync } = require('node:fs');
const { join, relative } = require('node:path');
const base = require('./jest.config');

/** Every test file that starts a server through the helpers, found by what it calls, so none is forgotten. */
function serverTests(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return serverTests(path);
    if (!entry.name.endsWith('.test.ts')) return [];
    const inClusterFolder = relative(join(__dirname, 'test'), path).startsWith('cluster');
    const code = readFileSync(path, 'utf8');
    return inClusterFolder || /\b(startDevServer|startTemporal)\(/.test(code) ? [path] : [];
  });
}

process.env.RF_TEST_SERVER = 'cluster';

/** @type {import('jest').Config} */
module.exports = {
  ...base,
  testMatch: serverTests(join(__dirname, 'test')),
  testPathIgnorePatterns: ['/node_modules/'],
  globalSetup: '<rootDir>/test/cluster-global-setup.ts',
  globalTeardown: '<rootDir>/test/cluster-global-teardown.ts',
};
