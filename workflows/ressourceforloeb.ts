import * as wf from '@temporalio/workflow';
import type { createActivities } from '../activities';
import {
  advanceClock,
  type CaseState,
  decide,
  type Effect,
  nextWakeUp,
  openCase,
  recordRejection,
} from '../src/domain/case';
import { type Actor, type CaseEventType, parseCaseEvent } from '../src/domain/events';
import {
  caseEventMessages,
  caseEventSignal,
  caseEventUpdate,
  caseStateQuery,
  type CaseWorkflowInput,
} from '../src/messages';
import { searchAttributes } from '../src/messages/search-attributes';

const { escalateDeadlineBreach } = wf.proxyActivities<ReturnType<typeof createActivities>>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '10 minutes' },
});

/**
 * One ressourceforløb, from the moment it is opened until it is concluded. The case rules live in
 * src/domain; this function only feeds them events and the passing of time, waits on durable timers
 * for the next deadline, and runs the activities the rules ask for.
 */
export async function ressourceforloeb(input: CaseWorkflowInput): Promise<CaseState> {
  let state = initialState(input);
  let revision = 0;

  const evaluate = (type: CaseEventType | string, data: unknown, actor: Actor) => {
    const parsed = parseCaseEvent(type, data);
    if (!parsed.ok) return parsed;
    return decide(state, parsed.event, actor, Date.now());
  };
  const commit = (next: CaseState) => {
    state = next;
    revision += 1;
  };

  wf.setHandler(caseStateQuery, () => state);

  for (const message of Object.values(caseEventMessages)) {
    wf.setHandler(
      caseEventUpdate(message.type),
      ({ actor, data }) => {
        const decision = evaluate(message.type, data, actor);
        if (!decision.ok) throw wf.ApplicationFailure.nonRetryable(decision.reason, 'EventRefused');
        commit(decision.state);
        return state;
      },
      {
        validator: ({ actor, data }) => {
          const decision = evaluate(message.type, data, actor);
          if (!decision.ok) throw new Error(decision.reason);
        },
      },
    );
  }

  wf.setHandler(caseEventSignal, ({ type, actor, data }) => {
    const decision = evaluate(type, data, actor);
    commit(decision.ok ? decision.state : recordRejection(state, type, actor, Date.now(), decision.reason));
  });

  while (state.phase !== 'concluded') {
    const advanced = advanceClock(state, Date.now());
    if (advanced.state !== state) commit(advanced.state);
    publishSearchAttributes(state);
    for (const effect of advanced.effects) await perform(effect);

    const wakeAt = nextWakeUp(state);
    const seen = revision;
    const changed = () => revision !== seen;
    if (wakeAt === undefined) await wf.condition(changed);
    else await wf.condition(changed, Math.max(wakeAt - Date.now(), 1));
  }
  await wf.condition(wf.allHandlersFinished);
  return state;
}

function initialState(input: CaseWorkflowInput): CaseState {
  if (input.state) return input.state;
  if (!input.open)
    throw wf.ApplicationFailure.nonRetryable('a case needs either open or state', 'InvalidInput');
  return openCase(input.open.case, input.open.rules, Date.now(), input.open.openedBy);
}

async function perform(effect: Effect): Promise<void> {
  switch (effect.type) {
    case 'escalate':
      await escalateDeadlineBreach(effect);
      return;
  }
}

let published = '';

/** Upserts the supervisors' search attributes when they change (each upsert is a history event). */
function publishSearchAttributes(state: CaseState): void {
  const wakeAt = nextWakeUp(state);
  const values = {
    phase: state.phase,
    municipality: state.municipality,
    escalated: state.escalated,
    nextDeadline: wakeAt === undefined ? null : new Date(wakeAt),
  };
  const fingerprint = JSON.stringify(values);
  if (fingerprint === published) return;
  published = fingerprint;
  wf.upsertSearchAttributes([
    { key: searchAttributes.phase, value: values.phase },
    { key: searchAttributes.municipality, value: values.municipality },
    { key: searchAttributes.escalated, value: values.escalated },
    { key: searchAttributes.nextDeadline, value: values.nextDeadline },
  ]);
}
