import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { requireSchemathesis } from '../../scripts/lib/contract-tools';
import { startDevServer, type DevServerHarness } from '../helpers/dev-server';
import { httpClient } from '../helpers/http';
import { type Person, people } from '../helpers/tokens';

/**
 * The OpenAPI document is the contract. Schemathesis generates requests from it (examples, the edges
 * of every constraint, random data, and sequences of calls) against the running API and checks each
 * answer: never a server error, only documented statuses and content types, and every response exactly
 * as its schema says. Bounded in time per role; any failure fails the test with schemathesis' report.
 */
let h: DevServerHarness;
const api = httpClient(() => h.api);
const SECONDS_PER_ROLE = 25;
const CHECKS = [
  'not_a_server_error',
  'status_code_conformance',
  'content_type_conformance',
  'response_headers_conformance',
  'response_schema_conformance',
  'negative_data_rejection',
];

beforeAll(async () => {
  h = await startDevServer();
  // The document's example case ID names a real case, so the examples reach past 404.
  const citizen = { cpr: '010190-1234', name: 'Jens Jensen' };
  await api.post('/api/v1/cases', { caseId: 'KBH-2026-0001', municipality: '101', citizen });
  await api.post('/api/v1/cases/KBH-2026-0001/coordinating-caseworker', {
    caseworkerId: 'sara.caseworker',
    name: 'Sara',
  });
  await api.post('/api/v1/cases/KBH-2026-0001/team-recommendations', {
    recommends: 'ressourceforloeb',
    unanimous: true,
    citizenAttendedWholeMeeting: true,
  });
  await api.post('/api/v1/cases/KBH-2026-0001/decisions', {
    decision: 'grant-course',
    reasoning: 'as recommended',
  });
});
afterAll(async () => {
  await h?.teardown();
});

test.each(['caseworker', 'supervisor'] as Person[])(
  'as a %s: no server error, no undocumented status, every response as documented',
  async (person) => {
    const reports = mkdtempSync(join(tmpdir(), 'rf-contract-'));
    const run = await promisify(execFile)(
      requireSchemathesis(),
      [
        'run',
        `${h.api}/openapi.json`,
        '--header',
        `Authorization: Bearer ${people[person].token}`,
        '--checks',
        CHECKS.join(','),
        '--max-examples',
        '5',
        '--max-time',
        String(SECONDS_PER_ROLE),
        // One worker: CPython 3.11's ast.parse is not safe across hypothesis' threads.
        '--workers',
        '1',
        '--seed',
        '20261130',
        '--no-color',
        '--report',
        'junit',
        '--report-junit-path',
        join(reports, 'junit.xml'),
      ],
      // Its cache of found failures goes to the run's own folder, not the project.
      { cwd: reports, encoding: 'utf8', maxBuffer: 50_000_000, timeout: (SECONDS_PER_ROLE + 60) * 1000 },
    ).catch((error: { code?: number; stdout?: string; stderr?: string }) => error);
    const output = `${run.stdout ?? ''}${run.stderr ?? ''}`;
    const summary = output.slice(output.lastIndexOf('SUMMARY'));
    const junit = readFileSync(join(reports, 'junit.xml'), 'utf8');
    const failures = (junit.match(/<failure/g) ?? []).length + (junit.match(/<error/g) ?? []).length;
    if (failures > 0 || ('code' in run && run.code)) {
      throw new Error(`schemathesis found ${failures} problem(s):\n${output.slice(-20_000)}`);
    }
    expect(summary).toMatch(/generated, \d+ passed/);
  },
  (SECONDS_PER_ROLE + 90) * 1000,
);
