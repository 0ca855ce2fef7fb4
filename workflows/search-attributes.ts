import * as wf from '@temporalio/workflow';
import type { AnyCaseState, CaseRules } from '../src/domain/core';
import { searchAttributes } from '../src/messages/search-attributes';
import type { CasePatch, RunPatches } from './patches';

/**
 * Cases that started before the operators' figures were published upsert them from their next change
 * on; their recorded histories replay as they were.
 */
export const CASE_FIGURES_PATCH: CasePatch = 'case-figures-search-attributes';

/**
 * Cases that started before the worklist's attributes (overdue since, which deadlines, open
 * escalations) upsert them from their next change on; their recorded histories replay as they were.
 */
export const WORKLIST_PATCH: CasePatch = 'worklist-search-attributes';

/**
 * Before this, every delivered mail republished the mail figures, even while more of the same
 * batch waited (a breach's two letters: three upserts where two tell the same).
 */
export const MAIL_FIGURES_PATCH: CasePatch = 'mail-figures-when-settled';

/**
 * Upserts the supervisors' search attributes when they change (each upsert is a history event and a
 * visibility write, so only a change is published), and the operators' figures the worker's gauges
 * sum (open breaches, open escalations by level, queued mail and its oldest). A delivered mail that
 * leaves mail of the same age queued is not published by itself: the queue's count is published when
 * it grows, when its oldest mail changes, when it empties, and with any other change. So the gauge of
 * queued mail may count a case's batch as it was queued until the batch is out (seconds, or a
 * delivery round in an outage), and the age of the oldest is always right. Nothing here identifies a
 * citizen: only case facts.
 */
export function searchAttributePublisher<S extends AnyCaseState>(
  rules: CaseRules<S>,
  patches: RunPatches,
): (state: S) => void {
  let published = '';
  let publishedFigures = '';
  let lastFigures: ReturnType<typeof caseFigures> | undefined;
  let publishedWorklist = '';
  return (state) => {
    const next = rules.deadlines(state).find((deadline) => deadline.status === 'pending');
    const values = {
      phase: state.phase,
      municipality: state.municipality,
      caseworker: state.coordinatingCaseworker?.id ?? null,
      ruleset: `${state.ruleset.name}@${state.ruleset.version}`,
      outcome: rules.outcome(state),
      nextDeadline: next ? next.dueAt : null,
      nextDeadlineKind: next ? next.kind : null,
      escalated: state.escalations.some((escalation) => escalation.status === 'open'),
    };
    const fingerprint = JSON.stringify(values);
    const figures = caseFigures(rules, state);
    const figuresFingerprint = JSON.stringify(figures);
    const worklist = worklistFigures(rules, state);
    const worklistFingerprint = JSON.stringify(worklist);
    if (
      fingerprint === published &&
      figuresFingerprint === publishedFigures &&
      worklistFingerprint === publishedWorklist
    )
      return;
    const withFigures = patches.patched(CASE_FIGURES_PATCH);
    // Only where the figures are published (every case since that patch) are the worklist's.
    const withWorklist = withFigures && patches.patched(WORKLIST_PATCH);
    const changed =
      fingerprint !== published ||
      (withFigures &&
        figuresFingerprint !== publishedFigures &&
        !(onlyMailDelivered(lastFigures, figures) && patches.patched(MAIL_FIGURES_PATCH))) ||
      (withWorklist && worklistFingerprint !== publishedWorklist);
    if (!changed) return;
    published = fingerprint;
    if (withFigures) {
      publishedFigures = figuresFingerprint;
      lastFigures = figures;
    }
    if (withWorklist) publishedWorklist = worklistFingerprint;
    wf.upsertSearchAttributes([
      { key: searchAttributes.caseKind, value: rules.kind },
      { key: searchAttributes.phase, value: values.phase },
      { key: searchAttributes.municipality, value: values.municipality },
      { key: searchAttributes.caseworker, value: values.caseworker },
      { key: searchAttributes.ruleset, value: values.ruleset },
      { key: searchAttributes.outcome, value: values.outcome },
      {
        key: searchAttributes.nextDeadline,
        value: values.nextDeadline ? new Date(values.nextDeadline) : null,
      },
      { key: searchAttributes.nextDeadlineKind, value: values.nextDeadlineKind },
      { key: searchAttributes.escalated, value: values.escalated },
      ...(withFigures
        ? [
            { key: searchAttributes.breachesOpen, value: figures.breachesOpen },
            { key: searchAttributes.escalationsOpen, value: figures.escalationsOpen },
            { key: searchAttributes.mailsQueued, value: figures.mailsQueued },
            {
              key: searchAttributes.mailOldestQueued,
              value: figures.mailOldestQueued ? new Date(figures.mailOldestQueued) : null,
            },
          ]
        : []),
      ...(withWorklist
        ? [
            {
              key: searchAttributes.overdueSince,
              value: worklist.overdueSince ? new Date(worklist.overdueSince) : null,
            },
            { key: searchAttributes.overdueDeadlines, value: worklist.overdueDeadlines },
            { key: searchAttributes.openEscalations, value: worklist.openEscalations },
          ]
        : []),
    ]);
  };
}

/**
 * What the worklist shows of a case without reading it: its breached deadlines (a breached deadline
 * stays until it is met — the view keeps it `breached` — or the case closes) and its open escalations
 * with level, cause and since when. A closed case has none: nothing is left to act on.
 */
export function worklistFigures<S extends AnyCaseState>(
  rules: CaseRules<S>,
  state: S,
): { overdueSince: string | null; overdueDeadlines: string[]; openEscalations: string[] } {
  if (rules.isClosed(state)) return { overdueSince: null, overdueDeadlines: [], openEscalations: [] };
  const breached = rules.deadlines(state).filter((deadline) => deadline.status === 'breached');
  const overdueSince = breached.reduce<string | null>(
    (first, deadline) => (first === null || deadline.dueAt < first ? deadline.dueAt : first),
    null,
  );
  return {
    overdueSince,
    overdueDeadlines: [...new Set(breached.map((deadline) => deadline.kind))],
    openEscalations: state.escalations
      .filter((escalation) => escalation.status === 'open')
      .map((escalation) =>
        [
          escalation.id,
          escalation.level + 1,
          escalation.levelRole,
          escalation.deadlineId.split(':')[0],
          escalation.raisedAt,
        ].join('|'),
      ),
  };
}

/**
 * The figures differ from those published only in fewer mails queued, some still queued and the
 * oldest of them as old as before: mail of one batch went out while the rest of it waits.
 */
function onlyMailDelivered(
  before: ReturnType<typeof caseFigures> | undefined,
  now: ReturnType<typeof caseFigures>,
): boolean {
  return (
    before !== undefined &&
    now.mailsQueued > 0 &&
    now.mailsQueued < before.mailsQueued &&
    now.mailOldestQueued === before.mailOldestQueued &&
    now.breachesOpen === before.breachesOpen &&
    now.escalationsOpen.join() === before.escalationsOpen.join()
  );
}

/** What the worker's gauges count: breaches and escalations of an open case, its undelivered mail. */
function caseFigures<S extends AnyCaseState>(rules: CaseRules<S>, state: S) {
  const open = !rules.isClosed(state);
  const levels = new Map<string, number>();
  if (open) {
    for (const escalation of state.escalations) {
      if (escalation.status !== 'open') continue;
      levels.set(escalation.levelRole, (levels.get(escalation.levelRole) ?? 0) + 1);
    }
  }
  const undelivered = state.notifications.filter(
    (notification) =>
      notification.delivery.status === 'pending' || notification.delivery.status === 'retrying',
  );
  const oldest = undelivered.reduce<string | null>(
    (first, notification) =>
      first === null || notification.createdAt < first ? notification.createdAt : first,
    null,
  );
  return {
    breachesOpen: open
      ? rules.deadlines(state).filter((deadline) => deadline.status === 'breached').length
      : 0,
    escalationsOpen: [...levels].map(([level, count]) => `${level}=${count}`),
    mailsQueued: undelivered.length,
    mailOldestQueued: oldest,
  };
}
