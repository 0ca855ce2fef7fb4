import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findPromtool } from '../../scripts/lib/deploy-tools';

/**
 * The alert rules (deploy/prometheus) and the dashboard (deploy/grafana), checked without a
 * Prometheus or Grafana: promtool (built by `npm run tools:install`) checks the rules and runs their
 * unit tests, and checks every dashboard query as PromQL; the dashboard's shape is checked here.
 */
const root = join(__dirname, '..', '..');
const rulesFile = join(root, 'deploy', 'prometheus', 'alerts.yml');
const rulesTests = join(root, 'deploy', 'prometheus', 'alerts.test.yml');
const dashboardFile = join(root, 'deploy', 'grafana', 'ressourceforloeb.json');
const promtool = findPromtool();
if (!promtool) throw new Error('promtool not found: run `npm run tools:install`');

/** The business metrics the worker exports: the rules and the dashboard are written against these. */
const BUSINESS_METRICS = [
  'rf_deadlines_breached_open',
  'rf_escalations_open',
  'rf_mails_queued',
  'rf_mails_failed_total',
  'rf_mail_oldest_undelivered_seconds',
  'rf_events_refused_total',
];
/** What else the product exports: the SDK's worker metrics and the API's. */
const OTHER_METRICS = [
  'temporal_workflow_task_execution_latency_bucket',
  'temporal_sticky_cache_size',
  'temporal_activity_execution_failed',
  'http_requests_total',
  'http_request_duration_seconds_bucket',
];

function run(...args: string[]) {
  const result = spawnSync(promtool!, args, { encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

/** Metric names a PromQL expression reads (identifiers followed by a selector, range or the end). */
function metricsIn(expr: string): string[] {
  const words = expr.match(/\b[a-z_][a-z0-9_]*\b(?=\s*(\{|\[|\)|$|\s*[-+*/<>]|\s+offset))/g) ?? [];
  return words.filter((word) => /^(rf|temporal|http)_/.test(word));
}

interface Panel {
  id: number;
  type: string;
  title: string;
  gridPos: { h: number; w: number; x: number; y: number };
  datasource?: { type: string; uid: string };
  targets?: Array<{ refId: string; expr: string }>;
}
const dashboard = JSON.parse(readFileSync(dashboardFile, 'utf8')) as {
  uid: string;
  title: string;
  schemaVersion: number;
  panels: Panel[];
  templating: { list: Array<{ name: string; type: string; query: string }> };
};
const queries = dashboard.panels.flatMap((panel) => panel.targets ?? []);
const scratch = mkdtempSync(join(tmpdir(), 'rf-monitoring-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

test('promtool accepts the alert rules', () => {
  const result = run('check', 'rules', rulesFile);
  expect(result.output).toMatch(/SUCCESS: \d+ rules found/);
  expect(result.status).toBe(0);
});

test("the rules' unit tests pass: each alert fires when it should and not before", () => {
  const result = run('test', 'rules', rulesTests);
  expect(result.output).toContain('SUCCESS');
  expect(result.status).toBe(0);
});

test('a wrong expectation makes the unit tests fail (so the check above can fail)', () => {
  const dir = mkdtempSync(join(scratch, 'alerts-'));
  writeFileSync(join(dir, 'alerts.yml'), readFileSync(rulesFile));
  writeFileSync(
    join(dir, 'alerts.test.yml'),
    readFileSync(rulesTests, 'utf8')
      .replace(
        '- eval_time: 60m\n        alertname: RfMailUndeliveredLong',
        '- eval_time: 30m\n        alertname: RfMailUndeliveredCritical',
      )
      .replace(
        "summary: 'A notification has waited 1h 10m 0s for delivery'",
        "summary: 'A notification has waited 1h 9m 0s for delivery'",
      ),
  );
  expect(run('test', 'rules', join(dir, 'alerts.test.yml')).status).not.toBe(0);
});

test('every business metric has an alert or a panel, and nothing reads a metric the product does not export', () => {
  const rules = readFileSync(rulesFile, 'utf8');
  const ruleExprs = [...rules.matchAll(/^\s+expr: (.+)$/gm)].map((match) => match[1]!);
  const used = new Set([...ruleExprs, ...queries.map((query) => query.expr)].flatMap(metricsIn));
  expect([...used].filter((name) => ![...BUSINESS_METRICS, ...OTHER_METRICS].includes(name))).toEqual([]);
  const onDashboard = new Set(queries.flatMap((query) => metricsIn(query.expr)));
  expect(BUSINESS_METRICS.filter((name) => !onDashboard.has(name))).toEqual([]);
  const alerted = new Set(ruleExprs.flatMap(metricsIn));
  expect(BUSINESS_METRICS.filter((name) => !alerted.has(name))).toEqual([]);
});

test('every dashboard query is valid PromQL (promtool checks it as a recording rule)', () => {
  const dir = mkdtempSync(join(scratch, 'dashboard-'));
  const file = join(dir, 'dashboard-queries.yml');
  const rules = queries.map(
    (query, index) => `      - record: dashboard:query_${index}\n        expr: ${JSON.stringify(query.expr)}`,
  );
  writeFileSync(file, `groups:\n  - name: dashboard\n    rules:\n${rules.join('\n')}\n`);
  const result = run('check', 'rules', file);
  expect(result.output).toContain(`SUCCESS: ${queries.length} rules found`);
  expect(result.status).toBe(0);
});

test('the dashboard is a Grafana dashboard: a uid, unique panel ids, every panel queries the chosen Prometheus, no overlaps', () => {
  expect(dashboard.uid).toBe('ressourceforloeb');
  expect(dashboard.schemaVersion).toBeGreaterThanOrEqual(36);
  expect(dashboard.templating.list).toContainEqual(
    expect.objectContaining({ name: 'datasource', type: 'datasource', query: 'prometheus' }),
  );
  const ids = dashboard.panels.map((panel) => panel.id);
  expect(new Set(ids).size).toBe(ids.length);
  const cells = new Set<string>();
  for (const panel of dashboard.panels) {
    const { x, y, w, h } = panel.gridPos;
    expect({ title: panel.title, fits: x >= 0 && w > 0 && x + w <= 24 && h > 0 }).toEqual({
      title: panel.title,
      fits: true,
    });
    for (let row = y; row < y + h; row += 1) {
      for (let column = x; column < x + w; column += 1) {
        const cell = `${row}:${column}`;
        expect({ title: panel.title, overlaps: cells.has(cell) }).toEqual({
          title: panel.title,
          overlaps: false,
        });
        cells.add(cell);
      }
    }
    if (panel.type === 'row') continue;
    expect({ title: panel.title, datasource: panel.datasource }).toEqual({
      title: panel.title,
      datasource: { type: 'prometheus', uid: '${datasource}' },
    });
    expect({ title: panel.title, queries: (panel.targets ?? []).length > 0 }).toEqual({
      title: panel.title,
      queries: true,
    });
  }
});
