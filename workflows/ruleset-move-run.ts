import * as wf from '@temporalio/workflow';
import type { createRulesetMoveActivities } from '../activities/ruleset-moves';
import { emptyReport, type RulesetMoveReport, withOutcome } from '../src/domain/ruleset-move';
import { rulesetMoveProgressQuery, type RulesetMoveRunInput } from '../src/messages';

const { casesToMove, moveCaseRuleset } = wf.proxyActivities<ReturnType<typeof createRulesetMoveActivities>>({
  // One case's plan or move answers in seconds; a worker that died mid-call is retried soon.
  startToCloseTimeout: '10 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '30 seconds', maximumAttempts: 20 },
});

/** Continue as new well before Temporal's limits: the report and the cursor carry the run on. */
const HISTORY_LIMIT = 4_000;

/**
 * Moves (or, in a dry run, plans) every open case pinned to one ruleset version to another, a page of
 * cases at a time from visibility: `concurrency` cases at a time, at most `perSecond` a second. Each
 * case is moved through its own workflow's Update, once per move ID, so the run can be resumed at any
 * point — a worker killed mid-page retries the page's cases, and those already moved say so. The
 * progress is a query (`rulesetMoveProgress`); the report, the run's result.
 */
export async function rulesetMoveRun(input: RulesetMoveRunInput): Promise<RulesetMoveReport> {
  let report =
    input.report ??
    emptyReport(
      input.moveId,
      input.apply,
      input.from,
      `${input.to.name}@${input.to.version}`,
      new Date(Date.now()).toISOString(),
    );
  wf.setHandler(rulesetMoveProgressQuery, () => report);
  let cursor = input.cursor ?? null;
  const minimumMsPerCase = 1000 / Math.max(input.perSecond, 0.001);
  // Visibility pages by a key (start time, run), not an offset: a moved case leaving the query does
  // not shift the pages after it. One pass; a case met again (eventual consistency) says it was moved.
  for (;;) {
    const page = await casesToMove({
      from: input.from,
      ...(input.municipality ? { municipality: input.municipality } : {}),
      ...(input.kind ? { kind: input.kind } : {}),
      pageSize: input.pageSize,
      cursor,
    });
    for (let index = 0; index < page.caseIds.length; index += input.concurrency) {
      const batch = page.caseIds.slice(index, index + input.concurrency);
      const started = Date.now();
      const outcomes = await Promise.all(
        batch.map((caseId) =>
          moveCaseRuleset({
            caseId,
            moveId: input.moveId,
            to: input.to,
            reason: input.reason,
            actor: input.actor,
            apply: input.apply,
          }),
        ),
      );
      for (const outcome of outcomes) report = withOutcome(report, outcome);
      const wait = batch.length * minimumMsPerCase - (Date.now() - started);
      if (wait >= 1) await wf.sleep(wait);
    }
    cursor = page.nextPageToken;
    if (!cursor) break;
    const limit = input.historyLimit ?? HISTORY_LIMIT;
    if (wf.workflowInfo().historyLength > limit || wf.workflowInfo().continueAsNewSuggested)
      await wf.continueAsNew<typeof rulesetMoveRun>({ ...input, cursor, report });
  }
  report = { ...report, status: 'done', finishedAt: new Date(Date.now()).toISOString() };
  return report;
}
