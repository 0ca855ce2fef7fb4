import * as wf from '@temporalio/workflow';
import {
  type Actor,
  actsFor,
  type AnyCaseState,
  type CaseRules,
  caseSnapshot,
  type EventAnswer,
  eventReceipt,
  type EventReceipt,
  type ExternalFacts,
  hasUndelivered,
  nextDelivery,
  nextRetryAt,
  recordDelivery,
  recordRejection,
  viewOf,
} from '../src/domain/core';
import {
  type CaseEventUpdateArgs,
  caseEventSignal,
  caseStateQuery,
  type EventMessage,
  eventUpdate,
  failureTypes,
  moveRulesetUpdate,
  type RecentUpdates,
  refusedEventSignal,
  rulesetMovePlanQuery,
} from '../src/messages';
import { applyRulesetMove, planRulesetMove, wasApplied } from '../src/domain/ruleset-move';
import { isMessage, joined, msg, render, type Text } from '../src/domain/messages';
import { deliverOnce } from './delivery';
import type { RunPatches } from './patches';
import { searchAttributePublisher } from './search-attributes';
import { caseMetrics } from './sinks';
import { currentDetails, timerSummary } from './ui-summaries';

/** Continue as new well before Temporal's limits, so a case's history stays small to replay. */
export const DEFAULT_HISTORY_LIMIT = 5_000;

/**
 * Answers to recent Updates, by Update ID, carried into the next run so a retry is never applied
 * twice. The most recent carry their whole answer (a retry gets exactly the first answer); older ones
 * their receipt only, so that what continue-as-new carries stays small.
 */
const RECENT_UPDATES_KEPT = 500;
const RECENT_ANSWERS_KEPT_WHOLE = 20;
/**
 * A whole answer (with the case snapshot, ~6 KiB) is carried across continue-as-new only while a
 * client may still be retrying the request: a day. Older ones keep the receipt, and a retry is
 * answered with the case as it now stands. Carrying 20 whole answers made every run's start event
 * ~64 KiB in the bench's simulated life, the largest part of a case's stored history.
 */
const WHOLE_ANSWER_KEPT_MS = 24 * 3600 * 1000;

export interface CaseShell<S extends AnyCaseState> {
  rules: CaseRules<S>;
  state: S;
  messages: Record<string, EventMessage>;
  historyLimit: number;
  recentUpdates?: RecentUpdates;
  /** Which changes this run takes (`runPatches()`, the run's first command). */
  patches: RunPatches;
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
  const { rules, messages, patches } = shell;
  let state = shell.state;
  let revision = 0;
  let delivering = false;
  let pausingDeliveries = false;
  const publishSearchAttributes = searchAttributePublisher(rules, patches);

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
    if (!actsFor(actor, current.municipality)) {
      return { current, decision: { ok: false as const, reason: forbidden(current).message } };
    }
    const parsed = rules.parse(type, data);
    if (!parsed.ok) return { current, decision: parsed };
    return { current, decision: rules.decide(current, parsed.event, actor, Date.now(), external) };
  };

  wf.setHandler(caseStateQuery, () => viewOf(state));

  // Moving the case to another ruleset version (issue 16). Registering handlers adds nothing to the
  // history; the move itself is behind patched('ruleset-move'), so histories from before it replay.
  wf.setHandler(rulesetMovePlanQuery, (to) => planRulesetMove(rules, state, to, Date.now()));
  wf.setHandler(
    moveRulesetUpdate,
    ({ actor, moveId, to, reason }) => {
      if (!patches.patched('ruleset-move')) throw moveRefused(msg('move.not-this-release'));
      commit(rules.advanceClock(state, Date.now()));
      const result = applyRulesetMove(rules, state, { moveId, to, reason }, actor, Date.now());
      if (!result.ok) throw moveRefused(result.plan.reasons);
      commit(result.state);
      return { moved: true, repeated: result.repeated, plan: result.plan };
    },
    {
      validator: ({ actor, moveId, to, reason }) => {
        if (actor.role !== 'admin') throw moveRefused(msg('move.admin-only'));
        if (!moveId || !reason?.trim() || !to?.name || !to.version)
          throw moveRefused(msg('move.needs-id-version-reason'));
        if (wasApplied(state, moveId)) return;
        const plan = planRulesetMove(rules, rules.advanceClock(state, Date.now()), to, Date.now());
        if (!plan.canMove) throw moveRefused(plan.reasons);
      },
    },
  );

  for (const message of Object.values(messages)) {
    wf.setHandler(
      eventUpdate(message),
      ({ actor, data, request, external }) => {
        // A stored answer goes only to someone who may act on the case (the key is theirs anyway).
        if (!actsFor(actor, state.municipality)) throw forbidden(state);
        const answered = alreadyAnswered();
        if (answered) return answered;
        const { current, decision } = evaluate(message.type, data, actor, external);
        commit(current);
        if (!decision.ok) throw refusal(decision);
        commit(decision.state);
        const answer: EventAnswer = {
          // The rules record the event itself first, right after the timeline they were given.
          event: eventReceipt(rules, state, current.timeline.length + 1),
          case: caseSnapshot(rules, state),
          ...(request ? { request } : {}),
          ...(decision.warnings ? { warnings: decision.warnings } : {}),
        };
        remember(wf.currentUpdateInfo()?.id, answer);
        return answer;
      },
      {
        validator: ({ actor, data, external }) => {
          if (!actsFor(actor, state.municipality)) throw forbidden(state);
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
    if (!decision.ok) caseMetrics.eventRefused();
    commit(decision.ok ? decision.state : recordRejection(state, type, actor, Date.now(), decision.reason));
  });

  wf.setHandler(refusedEventSignal, ({ type, actor, reason }) => {
    caseMetrics.eventRefused();
    commit(recordRejection(state, type, actor, Date.now(), reason));
  });

  // An event of another kind of case (a fleksjob event sent to a ressourceforløb): the case says so
  // itself — but nothing, not even its kind, to someone of another municipality. Registered last:
  // Updates that arrived before the run started wait for their own handlers, not this one.
  wf.setDefaultUpdateHandler((_name, ...args) => {
    const actor = (args[0] as Partial<CaseEventUpdateArgs> | undefined)?.actor;
    if (!actor || !actsFor(actor, state.municipality)) throw forbidden(state);
    throw wf.ApplicationFailure.nonRetryable(
      `case ${state.caseId} is a ${rules.kind}: it does not take this event`,
      failureTypes.wrongKindOfCase,
      { kind: rules.kind },
    );
  });

  /** Delivers queued notifications one at a time, alongside the main loop. */
  void (async () => {
    for (;;) {
      await wf.condition(() => !pausingDeliveries && nextDelivery(state, Date.now()) !== undefined);
      const notification = nextDelivery(state, Date.now())!;
      delivering = true;
      const result = await deliverOnce(notification, state.municipality).finally(() => {
        delivering = false;
      });
      commit(recordDelivery(state, notification.id, result, Date.now()));
    }
  })();

  // Runs from before `standing-timer` re-armed their timer after every change, and replay so.
  const timer = patches.patched('standing-timer') ? new StandingTimer() : undefined;
  for (;;) {
    commit(rules.advanceClock(state, Date.now()));
    publishSearchAttributes(state);
    wf.setCurrentDetails(currentDetails(rules, state));
    if (rules.isClosed(state)) break;

    const seen = revision;
    const retryAt = nextRetryAt(state);
    const wakeAt = earliest(rules.nextWakeUp(state), retryAt);
    const summary = wakeAt === undefined ? undefined : timerSummary(rules, state, wakeAt, retryAt);
    if (timer) await timer.sleepUntil(wakeAt, () => revision !== seen, summary);
    else await sleepUntil(wakeAt, () => revision !== seen, summary);

    if (shouldContinueAsNew(shell.historyLimit)) {
      pausingDeliveries = true;
      await wf.condition(() => !delivering && wf.allHandlersFinished());
      await shell.continueAsNew(
        state,
        patches.patched('whole-answers-for-a-day')
          ? carried(recentUpdates, (seq) => state.timeline[seq - 1]?.at, Date.now())
          : carried(recentUpdates),
      );
    }
  }

  timer?.cancel();
  // Closed: the last notifications still go out before the case's workflow ends.
  while (hasUndelivered(state)) {
    const seen = revision;
    await sleepUntil(nextRetryAt(state), () => revision !== seen, 'nyt forsøg på at sende brev');
  }
  await wf.condition(wf.allHandlersFinished);
  publishSearchAttributes(state);
  wf.setCurrentDetails(currentDetails(rules, state));
  return state;
}

/** A case belongs to one municipality: a person acting for another is refused (admins act for all). */
function forbidden(state: AnyCaseState): wf.ApplicationFailure {
  return wf.ApplicationFailure.nonRetryable(
    `case ${state.caseId} belongs to another municipality`,
    failureTypes.forbidden,
  );
}

/** What the next run keeps of the recent answers: all their receipts, the latest whole. */
function carried(
  recent: Map<string, EventAnswer | EventReceipt>,
  answeredAt?: (seq: number) => string | undefined,
  now?: number,
): RecentUpdates {
  const entries = [...recent];
  const fresh = (answer: EventAnswer) => {
    if (!answeredAt || now === undefined) return true;
    const at = answeredAt(answer.event.seq);
    return at !== undefined && Date.parse(at) >= now - WHOLE_ANSWER_KEPT_MS;
  };
  return entries.map(([id, answer], index) => {
    if (!('event' in answer)) return [id, answer];
    if (index >= entries.length - RECENT_ANSWERS_KEPT_WHOLE && fresh(answer)) return [id, answer];
    const { case: _case, ...withoutCase } = answer;
    return [id, withoutCase];
  });
}

/** A refused move: its reasons in English as the failure's message, the messages themselves in its details. */
function moveRefused(reasons: Text | Text[]): wf.ApplicationFailure {
  const all = Array.isArray(reasons) ? reasons : [reasons];
  const message =
    all.length === 1
      ? all[0]!
      : joined(all.map((reason) => (isMessage(reason) ? reason : msg('text.as-is', { text: reason }))));
  return wf.ApplicationFailure.nonRetryable(render(message, 'en'), failureTypes.eventRefused, message);
}

/**
 * A refusal crosses to the caller as its text in English (the failure's message, for logs and tools)
 * and as the message itself (the failure's details), which the API renders in the caller's language.
 */
function refusal(decision: { reason: Text; refusal?: string }): wf.ApplicationFailure {
  const type =
    decision.refusal === 'caseload-limit' ? failureTypes.caseloadLimitReached : failureTypes.eventRefused;
  return wf.ApplicationFailure.nonRetryable(render(decision.reason, 'en'), type, decision.reason);
}

/**
 * The case's durable timer, kept while the time it is set for stays the same. An event that leaves
 * the next reminder, deadline or retry where it was (most do: a relative registered, a note, a letter
 * delivered) then adds no TimerCanceled and TimerStarted to the history, which `sleepUntil` (a new
 * timer for every wait) did: two of the seven events an accepted event wrote.
 */
class StandingTimer {
  private current: { at: number; scope: wf.CancellationScope; fired: boolean } | undefined;

  /** Until `wakeAt` (if any) or until `changed` becomes true; `summary` names a new timer in the UI. */
  async sleepUntil(wakeAt: number | undefined, changed: () => boolean, summary?: string): Promise<void> {
    if (this.current && (this.current.fired || this.current.at !== wakeAt)) this.cancel();
    if (wakeAt !== undefined && !this.current) {
      const scope = new wf.CancellationScope();
      const current = { at: wakeAt, scope, fired: false };
      scope
        .run(() => wf.sleep(Math.max(wakeAt - Date.now(), 1), summary ? { summary } : {}))
        .then(
          () => (current.fired = true),
          () => undefined, // cancelled: the time changed
        );
      this.current = current;
    }
    const current = this.current;
    await wf.condition(() => changed() || current?.fired === true);
  }

  cancel(): void {
    if (this.current && !this.current.fired) this.current.scope.cancel();
    this.current = undefined;
  }
}

/** A durable timer until `wakeAt` (if any), cut short when `changed` becomes true; `summary` names it in the UI. */
async function sleepUntil(
  wakeAt: number | undefined,
  changed: () => boolean,
  summary?: string,
): Promise<void> {
  if (wakeAt === undefined) await wf.condition(changed);
  else await wf.condition(changed, Math.max(wakeAt - Date.now(), 1), summary ? { summary } : {});
}

function shouldContinueAsNew(historyLimit: number): boolean {
  const info = wf.workflowInfo();
  return info.continueAsNewSuggested || info.historyLength > historyLimit;
}

function earliest(...times: Array<number | undefined>): number | undefined {
  const defined = times.filter((time): time is number => time !== undefined);
  return defined.length > 0 ? Math.min(...defined) : undefined;
}
