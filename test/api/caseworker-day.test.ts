import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startDevServer, type DevServerHarness } from '../helpers/dev-server';
import { people } from '../helpers/tokens';

/** The README's smoke script runs as written against a real API: the README stays true. */
let h: DevServerHarness;
beforeAll(async () => {
  h = await startDevServer();
});
afterAll(async () => {
  await h?.teardown();
});

test("scripts/caseworker-day.sh: a caseworker's day with curl, every step answered", async () => {
  const { stdout } = await promisify(execFile)(
    'bash',
    [join(__dirname, '..', '..', 'scripts', 'caseworker-day.sh')],
    {
      env: {
        ...process.env,
        API: h.api,
        TOKEN: people.caseworker.token,
        SUPERVISOR_TOKEN: people.supervisor.token,
        CASE: 'KBH-SMOKE-1',
      },
    },
  );
  expect(stdout).toContain('"caseId":"KBH-SMOKE-1"');
  expect(stdout).toContain('"title":"Hændelsen er afvist"');
  expect(stdout).toContain('"phase":"in-course"');
  const state = await h.cases.stateOf('KBH-SMOKE-1', 'ressourceforloeb');
  expect(state.offers[0]).toMatchObject({ id: 'praktik-1', status: 'started' });
  expect(
    state.timeline.filter((entry) => entry.type === 'offerStarted' && entry.outcome === 'accepted'),
  ).toHaveLength(1);
});
