import { type Draft, produce } from 'immer';
import type { CaseBase } from './case';
import { record } from './draft';
import type { Actor, CommonEventData, CommonEventType } from './events';
import { type Instant, toInstant } from './time';

/**
 * How events change a case, for every kind of case: a rule refuses an event with a reason a
 * caseworker understands, or applies it. A refused event changes nothing; an accepted one is recorded
 * in the audit timeline, and what follows from it (settle) is worked out in the same step.
 */
export type Decision<S> =
  { ok: true; state: S; warnings?: string[] } | { ok: false; reason: string; refusal?: RefusalType };

/** A refusal that callers treat apart from the rest (a caseload over the limit answers its own title). */
export type RefusalType = 'caseload-limit';
export type Refusal = string | { reason: string; type: RefusalType };

/**
 * Facts the case cannot know itself, supplied by whoever sends the event: how many open cases a
 * caseworker has is a count over every case (visibility), not a fact of this one.
 */
export interface ExternalFacts {
  /** The open cases the caseworker named in a caseworkerAssigned event already has. */
  caseload?: number;
}

export interface EventContext {
  at: Instant;
  actor: Actor;
  external?: ExternalFacts;
}

export interface EventRule<S extends CaseBase, D> {
  /** Why the event does not fit the case now; undefined if it fits. */
  refuse(state: S, data: D, context: EventContext): Refusal | undefined;
  /** What the sender should know although the event is applied (a caseload over a limit that only warns). */
  warn?(state: S, data: D, context: EventContext): string[];
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
  external?: ExternalFacts,
): Decision<S> {
  const context: EventContext = { at: toInstant(now), actor, ...(external ? { external } : {}) };
  const refusal = rule.refuse(state, data, context);
  if (typeof refusal === 'string') return { ok: false, reason: refusal };
  if (refusal) return { ok: false, reason: refusal.reason, refusal: refusal.type };
  const warnings = rule.warn?.(state, data, context) ?? [];
  const next = produce(state, (draft) => {
    const { summary, reason } = rule.apply(draft, data, context);
    const at = context.at;
    record(draft as Draft<CaseBase>, { at, actor, type, summary, ...(reason ? { reason } : {}) });
    settle(draft, at);
  });
  return { ok: true, state: next, ...(warnings.length > 0 ? { warnings } : {}) };
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
    refuse: (state, data, { external }) => {
      if (state.coordinatingCaseworker?.id === data.caseworkerId)
        return `${data.caseworkerId} is already the coordinating caseworker`;
      const over = overCaseload(state, data.caseworkerId, external);
      return over && state.ruleset.caseload.overLimit === 'refuse'
        ? { reason: over, type: 'caseload-limit' }
        : undefined;
    },
    warn: (state, data, { external }) => {
      const over = overCaseload(state, data.caseworkerId, external);
      return over && state.ruleset.caseload.overLimit === 'warn' ? [over] : [];
    },
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

/**
 * The caseload limit (seed 001 §7: about 30 cases per coordinating caseworker), from the case's own
 * ruleset; the count comes with the event, as the case cannot count other cases.
 */
function overCaseload(state: CaseBase, caseworkerId: string, external?: ExternalFacts): string | undefined {
  const { limit } = state.ruleset.caseload;
  const open = external?.caseload;
  if (open === undefined || open < limit) return undefined;
  return `caseworker ${caseworkerId} already has ${open} open cases; the limit is ${limit}`;
}
