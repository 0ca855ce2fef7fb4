// Runs before `npm start` and `npm test` (as prestart/pretest), with nothing but Node: on a fresh
// clone, or after package-lock.json changed, it installs the npm packages first, so one command is
// enough on a new machine.
const { execFileSync } = require('node:child_process');
const { statSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const mtime = (path) => {
  try {
    return statSync(join(root, path)).mtimeMs;
  } catch {
    return undefined;
  }
};

const installed = mtime('node_modules/.package-lock.json');
const wanted = mtime('package-lock.json');
if (installed === undefined || (wanted !== undefined && wanted > installed)) {
  console.log('Installing npm packages …');
  execFileSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['install', '--no-audit', '--no-fund'], {
    cwd: root,
    stdio: 'inherit',
  });
}
