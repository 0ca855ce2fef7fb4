import * as wf from '@temporalio/workflow';
import type { createActivities } from '../activities';
import {
  type Actor,
  type AnyCaseState,
  type CaseRules,
  caseSnapshot,
  caseView,
  type CaseView,
  type DeliveryResult,
  type EventAnswer,
  eventReceipt,
  type EventReceipt,
  type ExternalFacts,
  hasUndelivered,
  nextDelivery,
  nextRetryAt,
  recordDelivery,
  recordRejection,
} from '../src/domain';
import {
  caseEventSignal,
  caseStateQuery,
  type EventMessage,
  eventUpdate,
  type RecentUpdates,
  refusedEventSignal,
} from '../src/messages';
import { searchAttributes } from '../src/messages/search-attributes';

/**
 * Attempts within one delivery round: Temporal tries again at most 30 seconds apart for about 13
 * minutes (2 s, 4 s, 8 s, 16 s, then every 30 s), so mail waiting out a mail server's outage of up to
 * 10 minutes goes within 30 seconds of its return. Retries inside a round cost the case's history
 * nothing; between rounds the case itself waits, longer each time (see src/domain/delivery.ts).
 */
const DELIVERY_ATTEMPTS_PER_ROUND = 30;

const { deliverNotification } = wf.proxyActivities<ReturnType<typeof createActivities>>({
  startToCloseTimeout: '1 minute',
  heartbeatTimeout: '30 seconds',
  retry: {
    initialInterval: '2 seconds',
    backoffCoefficient: 2,
    maximumInterval: '30 seconds',
    maximumAttempts: DELIVERY_ATTEMPTS_PER_ROUND,
    nonRetryableErrorTypes: ['DeliveryRejected'],
  },
});

/** Continue as new well before Temporal's limits, so a case's history stays small to replay. */
export const DEFAULT_HISTORY_LIMIT = 5_000;

/**
 * Answers to recent Updates, by Update ID, carried into the next run so a retry is never applied
 * twice. The most recent carry their whole answer (a retry gets exactly the first answer); older ones
 * their receipt only, so that what continue-as-new carries stays small.
 */
const RECENT_UPDATES_KEPT = 500;
const RECENT_ANSWERS_KEPT_WHOLE = 20;

export interface CaseShell<S extends AnyCaseState> {
  rules: CaseRules<S>;
  state: S;
  messages: Record<string, EventMessage>;
  historyLimit: number;
  recentUpdates?: RecentUpdates;
  /** Continues the case in a new run with this state (history stays bounded). */
  continueAsNew(state: S, recentUpdates: RecentUpdates): Promise<never>;
}

/**
 * The thin shell every kind of case runs in. The case rules live in src/domain; the shell only feeds
 * them events (Updates with validators, and a Signal for asynchronous integrations) and the passing
 * of time, sleeps on a durable timer until the next reminder, deadline or escalation, delivers the
 * notifications the rules queue, and continues as new when the history grows. It returns the final
 * state once the case is closed and its last notifications are delivered.
 */
export async function runCase<S extends AnyCaseState>(shell: CaseShell<S>): Promise<S> {
  const { rules, messages } = shell;
  let state = shell.state;
  let revision = 0;
  let delivering = false;
  let pausingDeliveries = false;
  const publishSearchAttributes = searchAttributePublisher(rules);

  // Temporal answers a repeated Update ID itself within a run; across runs the case remembers.
  const recentUpdates = new Map<string, EventAnswer | EventReceipt>(shell.recentUpdates ?? []);
  const remember = (updateId: string | undefined, answer: EventAnswer) => {
    if (!updateId) return;
    recentUpdates.set(updateId, answer);
    if (recentUpdates.size > RECENT_UPDATES_KEPT) recentUpdates.delete(recentUpdates.keys().next().value!);
  };
  const alreadyAnswered = () => recentUpdates.get(wf.currentUpdateInfo()?.id ?? '');

  const commit = (next: S) => {
    if (next === state) return;
    state = next;
    revision += 1;
  };
  /** The clock first, so an event that arrives after a deadline cannot meet it in time. */
  const evaluate = (type: string, data: unknown, actor: Actor, external?: ExternalFacts) => {
    const current = rules.advanceClock(state, Date.now());
    const foreign = actorOfOtherMunicipality(actor, current);
    if (foreign) return { current, decision: { ok: false as const, reason: foreign, forbidden: true } };
    const parsed = rules.parse(type, data);
    if (!parsed.ok) return { current, decision: parsed };
    return { current, decision: rules.decide(current, parsed.event, actor, Date.now(), external) };
  };

  wf.setHandler(caseStateQuery, () => caseView(state) as unknown as CaseView);

  for (const message of Object.values(messages)) {
    wf.setHandler(
      eventUpdate(message),
      ({ actor, data, request, external }) => {
        // A stored answer goes only to someone who may act on the case (the key is theirs anyway).
        const foreign = actorOfOtherMunicipality(actor, state);
        if (foreign) throw refusal({ reason: foreign, forbidden: true });
        const answered = alreadyAnswered();
        if (answered) return answered;
        const { current, decision } = evaluate(message.type, data, actor, external);
        commit(current);
        if (!decision.ok) throw refusal(decision);
        commit(decision.state);
        const answer: EventAnswer = {
          // The rules record the event itself first, right after the timeline they were given.
          event: eventReceipt(state, current.timeline.length + 1),
          case: caseSnapshot(state),
          ...(request ? { request } : {}),
          ...(decision.warnings ? { warnings: decision.warnings } : {}),
        };
        remember(wf.currentUpdateInfo()?.id, answer);
        return answer;
      },
      {
        validator: ({ actor, data, external }) => {
          const foreign = actorOfOtherMunicipality(actor, state);
          if (foreign) throw refusal({ reason: foreign, forbidden: true });
          if (alreadyAnswered()) return;
          const { decision } = evaluate(message.type, data, actor, external);
          if (!decision.ok) throw refusal(decision);
        },
      },
    );
  }

  wf.setHandler(caseEventSignal, ({ type, actor, data }) => {
    const { current, decision } = evaluate(type, data, actor);
    commit(current);
    commit(decision.ok ? decision.state : recordRejection(state, type, actor, Date.now(), decision.reason));
  });

  wf.setHandler(refusedEventSignal, ({ type, actor, reason }) => {
    commit(recordRejection(state, type, actor, Date.now(), reason));
  });

  /** Delivers queued notifications one at a time, alongside the main loop. */
  void (async () => {
    for (;;) {
      await wf.condition(() => !pausingDeliveries && nextDelivery(state, Date.now()) !== undefined);
      const notification = nextDelivery(state, Date.now())!;
      delivering = true;
      let result: DeliveryResult;
      try {
        const sentTo = notification.delivery.sentTo;
        const { attempt, withoutAddress } = await deliverNotification(
          notification,
          state.municipality,
          ...(sentTo ? [{ sent: sentTo }] : []),
        );
        result = { status: 'sent', attempts: attempt, ...(withoutAddress ? { withoutAddress } : {}) };
      } catch (error) {
        const cause = error instanceof wf.ActivityFailure ? error.cause : error;
        const rejected = cause instanceof wf.ApplicationFailure && cause.type === 'DeliveryRejected';
        const message = cause instanceof Error ? cause.message : String(cause);
        const progress =
          cause instanceof wf.ApplicationFailure ? (cause.details?.[0] as { sent?: unknown }) : undefined;
        const sent = Array.isArray(progress?.sent)
          ? progress.sent.filter((index) => Number.isInteger(index))
          : [];
        result = rejected
          ? { status: 'rejected', attempts: 1, error: message }
          : {
              status: 'unavailable',
              attempts: DELIVERY_ATTEMPTS_PER_ROUND,
              error: message,
              sentTo: sent as number[],
            };
      } finally {
        delivering = false;
      }
      commit(recordDelivery(state, notification.id, result, Date.now()));
    }
  })();

  for (;;) {
    commit(rules.advanceClock(state, Date.now()));
    publishSearchAttributes(state);
    if (rules.isClosed(state)) break;

    const seen = revision;
    await sleepUntil(earliest(rules.nextWakeUp(state), nextRetryAt(state)), () => revision !== seen);

    if (shouldContinueAsNew(shell.historyLimit)) {
      pausingDeliveries = true;
      await wf.condition(() => !delivering && wf.allHandlersFinished());
      await shell.continueAsNew(state, carried(recentUpdates));
    }
  }

  // Closed: the last notifications still go out before the case's workflow ends.
  while (hasUndelivered(state)) {
    const seen = revision;
    await sleepUntil(nextRetryAt(state), () => revision !== seen);
  }
  await wf.condition(wf.allHandlersFinished);
  publishSearchAttributes(state);
  return state;
}

/** A case belongs to one municipality: a person acting for another is refused (admins act for all). */
function actorOfOtherMunicipality(actor: Actor, state: AnyCaseState): string | undefined {
  if (
    actor.municipality === undefined ||
    actor.municipality === '*' ||
    actor.municipality === state.municipality
  ) {
    return undefined;
  }
  return `case ${state.caseId} belongs to another municipality`;
}

/** What the next run keeps of the recent answers: all their receipts, the latest whole. */
function carried(recent: Map<string, EventAnswer | EventReceipt>): RecentUpdates {
  const entries = [...recent];
  return entries.map(([id, answer], index) => {
    if (index >= entries.length - RECENT_ANSWERS_KEPT_WHOLE || !('event' in answer)) return [id, answer];
    const { case: _case, ...withoutCase } = answer;
    return [id, withoutCase];
  });
}

function refusal(decision: { reason: string; forbidden?: boolean; refusal?: string }): wf.ApplicationFailure {
  const type = decision.forbidden
    ? 'Forbidden'
    : decision.refusal === 'caseload-limit'
      ? 'CaseloadLimitReached'
      : 'EventRefused';
  return wf.ApplicationFailure.nonRetryable(decision.reason, type);
}

/** A durable timer until `wakeAt` (if any), cut short when `changed` becomes true. */
async function sleepUntil(wakeAt: number | undefined, changed: () => boolean): Promise<void> {
  if (wakeAt === undefined) await wf.condition(changed);
  else await wf.condition(changed, Math.max(wakeAt - Date.now(), 1));
}

function shouldContinueAsNew(historyLimit: number): boolean {
  const info = wf.workflowInfo();
  return info.continueAsNewSuggested || info.historyLength > historyLimit;
}

function earliest(...times: Array<number | undefined>): number | undefined {
  const defined = times.filter((time): time is number => time !== undefined);
  return defined.length > 0 ? Math.min(...defined) : undefined;
}

/** Upserts the supervisors' search attributes when they change (each upsert is a history event). */
function searchAttributePublisher<S extends AnyCaseState>(rules: CaseRules<S>): (state: S) => void {
  let published = '';
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
    if (fingerprint === published) return;
    published = fingerprint;
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
    ]);
  };
}
