import { type Draft, produce } from 'immer';
import type { CaseBase } from './case-base';
import { record } from './case-draft';
import type { Actor, CommonEventData, CommonEventType } from './events';
import { type Instant, toInstant } from './time';

/**
 * How events change a case, for every kind of case: a rule refuses an event with a reason a
 * caseworker understands, or applies it. A refused event changes nothing; an accepted one is recorded
 * in the audit timeline, and what follows from it (settle) is worked out in the same step.
 */
export type Decision<S> = { ok: true; state: S } | { ok: false; reason: string };

export interface EventContext {
  at: Instant;
  actor: Actor;
}

export interface EventRule<S extends CaseBase, D> {
  /** Why the event does not fit the case now; undefined if it fits. */
  refuse(state: S, data: D, context: EventContext): string | undefined;
  /** The change, as a summary for the timeline; `apply` may also queue notifications. */
  apply(draft: Draft<S>, data: D, context: EventContext): { summary: string; reason?: string };
}

export function applyRule<S extends CaseBase, D>(
  state: S,
  type: string,
  rule: EventRule<S, D>,
  data: D,
  actor: Actor,
  now: number,
  settle: (draft: Draft<S>, at: Instant) => void,
): Decision<S> {
  const at = toInstant(now);
  const refusal = rule.refuse(state, data, { at, actor });
  if (refusal) return { ok: false, reason: refusal };
  const next = produce(state, (draft) => {
    const { summary, reason } = rule.apply(draft, data, { at, actor });
    record(draft as Draft<CaseBase>, { at, actor, type, summary, ...(reason ? { reason } : {}) });
    settle(draft, at);
  });
  return { ok: true, state: next };
}

/** Records an event that was refused, so nothing a user sent is silently lost. Changes nothing else. */
export function recordRejection<S extends CaseBase>(
  state: S,
  type: string,
  actor: Actor,
  now: number,
  reason: string,
): S {
  return produce(state, (draft) => {
    record(draft as Draft<CaseBase>, {
      at: toInstant(now),
      actor,
      type: type.length <= 60 ? type : `${type.slice(0, 57)}...`,
      outcome: 'rejected',
      summary: `${type} refused`,
      reason,
    });
  });
}

export type CommonEventRules<S extends CaseBase> = {
  [T in CommonEventType]: EventRule<S, CommonEventData<T>>;
};

/** The rules of the events every kind of case accepts, for a given kind of case. */
export function commonEventRules<S extends CaseBase>(): CommonEventRules<S> {
  return commonRules as unknown as CommonEventRules<S>;
}

const commonRules: CommonEventRules<CaseBase> = {
  caseworkerAssigned: {
    refuse: (state, data) =>
      state.coordinatingCaseworker?.id === data.caseworkerId
        ? `${data.caseworkerId} is already the coordinating caseworker`
        : undefined,
    apply: (draft, data, { at }) => {
      const previous = draft.coordinatingCaseworker?.id;
      draft.coordinatingCaseworker = {
        id: data.caseworkerId,
        name: data.name,
        ...(data.email ? { email: data.email } : {}),
        assignedAt: at,
      };
      draft.caseworkerFirstAssignedAt ??= at;
      return {
        summary: previous
          ? `coordinating caseworker changed from ${previous} to ${data.caseworkerId}`
          : `coordinating caseworker assigned: ${data.caseworkerId}`,
      };
    },
  },

  relativeRegistered: {
    refuse: (state, data) =>
      state.relatives.some((relative) => relative.id === data.relativeId)
        ? `a relative with ID "${data.relativeId}" already exists`
        : undefined,
    apply: (draft, data) => {
      draft.relatives.push({
        id: data.relativeId,
        name: data.name,
        relation: data.relation,
        ...(data.email ? { email: data.email } : {}),
        consent: null,
      });
      return { summary: `relative ${data.relativeId} (${data.relation}) registered` };
    },
  },

  relativeConsent: {
    refuse: (state, data) =>
      state.relatives.some((relative) => relative.id === data.relativeId)
        ? undefined
        : `there is no relative "${data.relativeId}" in this case`,
    apply: (draft, data, { at }) => {
      const relative = draft.relatives.find((candidate) => candidate.id === data.relativeId)!;
      relative.consent = { given: data.consent, covers: data.covers, at };
      return {
        summary: data.consent
          ? `the citizen consents to inform relative ${relative.id} about ${data.covers.join(', ')}`
          : `the citizen withdraws consent to inform relative ${relative.id}`,
      };
    },
  },

  escalationAcknowledged: {
    refuse: (state, data, { actor }) => {
      if (actor.role !== 'supervisor' && actor.role !== 'admin')
        return 'only a supervisor can acknowledge an escalation';
      const escalation = state.escalations.find((candidate) => candidate.id === data.escalationId);
      if (!escalation) return `there is no escalation "${data.escalationId}" in this case`;
      if (escalation.status !== 'open') return `escalation ${escalation.id} is already ${escalation.status}`;
      return undefined;
    },
    apply: (draft, data, { at, actor }) => {
      const escalation = draft.escalations.find((candidate) => candidate.id === data.escalationId)!;
      escalation.status = 'acknowledged';
      escalation.acknowledgedAt = at;
      escalation.acknowledgedBy = actor.id;
      return {
        summary: `escalation ${escalation.id} acknowledged`,
        ...(data.note ? { reason: data.note } : {}),
      };
    },
  },
};
