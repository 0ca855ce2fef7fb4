import * as wf from '@temporalio/workflow';
import type { createActivities } from '../activities';
import {
  type Actor,
  advanceClock,
  type CaseState,
  caseView,
  decide,
  eventReceipt,
  type DeliveryResult,
  hasUndelivered,
  nextDelivery,
  nextRetryAt,
  nextWakeUp,
  openCase,
  parseCaseEvent,
  pendingDeadlines,
  recordDelivery,
  recordRejection,
} from '../src/domain';
import {
  caseEventMessages,
  caseEventSignal,
  caseEventUpdate,
  caseStateQuery,
  type CaseWorkflowInput,
  refusedEventSignal,
} from '../src/messages';
import { searchAttributes } from '../src/messages/search-attributes';

/** Attempts within one delivery round; between rounds the case itself waits (see src/domain/delivery.ts). */
const DELIVERY_ATTEMPTS_PER_ROUND = 3;

const { deliverNotification } = wf.proxyActivities<ReturnType<typeof createActivities>>({
  startToCloseTimeout: '1 minute',
  retry: {
    initialInterval: '2 seconds',
    backoffCoefficient: 2,
    maximumInterval: '30 seconds',
    maximumAttempts: DELIVERY_ATTEMPTS_PER_ROUND,
    nonRetryableErrorTypes: ['DeliveryRejected'],
  },
});

/** Continue as new well before Temporal's limits, so a case's history stays small to replay. */
const DEFAULT_HISTORY_LIMIT = 5_000;

/**
 * One ressourceforløb, from referral until it is concluded. The case rules live in src/domain; this
 * function only feeds them events and the passing of time, waits on durable timers for the next
 * deadline, and runs the activities the rules ask for (notifications, escalations).
 */
export async function ressourceforloeb(input: CaseWorkflowInput): Promise<CaseState> {
  let state = initialState(input);
  const historyLimit = input.historyLimit ?? DEFAULT_HISTORY_LIMIT;
  let revision = 0;
  let delivering = false;
  let pausingDeliveries = false;
  const publishSearchAttributes = searchAttributePublisher();

  const commit = (next: CaseState) => {
    if (next === state) return;
    state = next;
    revision += 1;
  };
  /** The clock first, so an event that arrives after a deadline cannot meet it in time. */
  const evaluate = (type: string, data: unknown, actor: Actor) => {
    const current = advanceClock(state, Date.now());
    const parsed = parseCaseEvent(type, data);
    if (!parsed.ok) return { current, decision: parsed };
    return { current, decision: decide(current, parsed.event, actor, Date.now()) };
  };

  wf.setHandler(caseStateQuery, () => caseView(state));

  for (const message of Object.values(caseEventMessages)) {
    wf.setHandler(
      caseEventUpdate(message.type),
      ({ actor, data }) => {
        const { current, decision } = evaluate(message.type, data, actor);
        commit(current);
        if (!decision.ok) throw wf.ApplicationFailure.nonRetryable(decision.reason, 'EventRefused');
        commit(decision.state);
        // decide() records the event itself first, right after the timeline it was given.
        return eventReceipt(state, current.timeline.length + 1);
      },
      {
        validator: ({ actor, data }) => {
          const { decision } = evaluate(message.type, data, actor);
          if (!decision.ok) throw new Error(decision.reason);
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
  const deliveries = (async () => {
    for (;;) {
      await wf.condition(() => !pausingDeliveries && nextDelivery(state, Date.now()) !== undefined);
      const notification = nextDelivery(state, Date.now())!;
      delivering = true;
      let result: DeliveryResult;
      try {
        const { attempt } = await deliverNotification(notification, state.municipality);
        result = { status: 'sent', attempts: attempt };
      } catch (error) {
        const cause = error instanceof wf.ActivityFailure ? error.cause : error;
        const rejected = cause instanceof wf.ApplicationFailure && cause.type === 'DeliveryRejected';
        const message = cause instanceof Error ? cause.message : String(cause);
        result = rejected
          ? { status: 'rejected', attempts: 1, error: message }
          : { status: 'unavailable', attempts: DELIVERY_ATTEMPTS_PER_ROUND, error: message };
      } finally {
        delivering = false;
      }
      commit(recordDelivery(state, notification.id, result, Date.now()));
    }
  })();
  void deliveries;

  for (;;) {
    commit(advanceClock(state, Date.now()));
    publishSearchAttributes(state);
    if (state.phase === 'concluded') break;

    const wakeAt = earliest(nextWakeUp(state), nextRetryAt(state));
    const seen = revision;
    const changed = () => revision !== seen;
    if (wakeAt === undefined) await wf.condition(changed);
    else await wf.condition(changed, Math.max(wakeAt - Date.now(), 1));

    if (shouldContinueAsNew(historyLimit)) {
      pausingDeliveries = true;
      await wf.condition(() => !delivering && wf.allHandlersFinished());
      await wf.continueAsNew<typeof ressourceforloeb>({ state, historyLimit });
    }
  }

  // Concluded: the last notifications still go out before the case's workflow ends.
  while (hasUndelivered(state)) {
    const retryAt = nextRetryAt(state);
    const seen = revision;
    const changed = () => revision !== seen;
    if (retryAt === undefined) await wf.condition(changed);
    else await wf.condition(changed, Math.max(retryAt - Date.now(), 1));
  }
  await wf.condition(wf.allHandlersFinished);
  publishSearchAttributes(state);
  return state;
}

function initialState(input: CaseWorkflowInput): CaseState {
  if (input.state) return input.state;
  if (!input.open)
    throw wf.ApplicationFailure.nonRetryable('a case needs either open or state', 'InvalidInput');
  return openCase(input.open.case, input.open.rules, Date.now(), input.open.openedBy);
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
function searchAttributePublisher(): (state: CaseState) => void {
  let published = '';
  return (state) => {
    const next = pendingDeadlines(state)[0];
    const values = {
      phase: state.phase,
      municipality: state.municipality,
      caseworker: state.coordinatingCaseworker?.id ?? null,
      ruleset: `${state.ruleset.name}@${state.ruleset.version}`,
      outcome: state.outcome?.outcome ?? null,
      nextDeadline: next ? next.dueAt : null,
      nextDeadlineKind: next ? next.kind : null,
      escalated: state.escalations.some((escalation) => escalation.status === 'open'),
    };
    const fingerprint = JSON.stringify(values);
    if (fingerprint === published) return;
    published = fingerprint;
    wf.upsertSearchAttributes([
      { key: searchAttributes.caseKind, value: 'ressourceforloeb' },
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
