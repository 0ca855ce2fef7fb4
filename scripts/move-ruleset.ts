import { parseArgs } from 'node:util';

/**
 * Moves the open cases of one ruleset version to another through the API (an administrator's token):
 *
 *   RF_API_TOKEN=… npm run move-ruleset -- --from law-2022@2 --to law-2026@2 --reason "Lov nr. 1750 af 29. december 2025"
 *     a dry run: per case what would change, and which cases cannot move and why
 *   … --apply --move-id law-2026-2026-07
 *     the move itself (once per move ID: running it again moves nothing twice)
 *
 * Options: --municipality 101, --kind ressourceforloeb, --per-second 20, --no-wait (print the href and
 * return). RF_API_URL: the API (default http://127.0.0.1:3000).
 */
const { values } = parseArgs({
  options: {
    from: { type: 'string' },
    to: { type: 'string' },
    reason: { type: 'string' },
    apply: { type: 'boolean', default: false },
    municipality: { type: 'string' },
    kind: { type: 'string' },
    'per-second': { type: 'string' },
    'move-id': { type: 'string' },
    'no-wait': { type: 'boolean', default: false },
  },
});

async function main(): Promise<void> {
  const api = process.env.RF_API_URL ?? 'http://127.0.0.1:3000';
  const token = process.env.RF_API_TOKEN;
  if (!token) throw new Error('RF_API_TOKEN: an administrator’s API token');
  if (!values.from || !values.to || !values.reason) throw new Error('give --from, --to and --reason');
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const started = await fetch(`${api}/api/v1/admin/ruleset-moves`, {
    method: 'POST',
    headers,
    body: JSON.stringify({
      from: values.from,
      to: values.to,
      reason: values.reason,
      apply: values.apply,
      ...(values.municipality ? { municipality: values.municipality } : {}),
      ...(values.kind ? { kind: values.kind } : {}),
      ...(values['per-second'] ? { perSecond: Number(values['per-second']) } : {}),
      ...(values['move-id'] ? { moveId: values['move-id'] } : {}),
    }),
  });
  const answer = (await started.json()) as { href?: string; detail?: string };
  if (!started.ok || !answer.href)
    throw new Error(`${started.status}: ${answer.detail ?? JSON.stringify(answer)}`);
  console.log(`${values.apply ? 'move' : 'dry run'} started: ${api}${answer.href}`);
  if (values['no-wait']) return;
  for (;;) {
    const response = await fetch(`${api}${answer.href}`, { headers });
    const report = (await response.json()) as { status?: string; seen?: number; counts?: unknown };
    if (!response.ok) throw new Error(`${response.status}: ${JSON.stringify(report)}`);
    if (report.status === 'done') {
      console.log(JSON.stringify(report, null, 2));
      return;
    }
    console.error(`… ${report.seen} case(s) so far: ${JSON.stringify(report.counts)}`);
    await new Promise((resolve) => setTimeout(resolve, 2000));
  }
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
