import { type Draft, produce } from 'immer';
import type { CaseBase } from './case';
import { record } from './draft';
import type { Actor, CommonEventData, CommonEventType } from './events';
import { type Instant, toInstant } from './time';
import { msg, type Text } from '../messages/message';

/**
 * How events change a case, for every kind of case: a rule refuses an event with a reason a
 * caseworker understands, or applies it. A refused event changes nothing; an accepted one is recorded
 * in the audit timeline, and what follows from it (settle) is worked out in the same step.
 */
export type Decision<S> =
  { ok: true; state: S; warnings?: Text[] } | { ok: false; reason: Text; refusal?: RefusalType };

/** A refusal that callers treat apart from the rest (a caseload over the limit answers its own title). */
export type RefusalType = 'caseload-limit';
export type Refusal = Text | { reason: Text; type: RefusalType };

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
  warn?(state: S, data: D, context: EventContext): Text[];
  /** The change, as a summary for the timeline; `apply` may also queue notifications. */
  apply(draft: Draft<S>, data: D, context: EventContext): { summary: Text; reason?: Text };
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
  if (typeof refusal === 'object' && 'type' in refusal)
    return { ok: false, reason: refusal.reason, refusal: refusal.type };
  if (refusal) return { ok: false, reason: refusal as Text };
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
  reason: Text,
): S {
  return produce(state, (draft) => {
    record(draft as Draft<CaseBase>, {
      at: toInstant(now),
      actor,
      type: type.length <= 60 ? type : `${type.slice(0, 57)}...`,
      outcome: 'rejected',
      summary: msg('event.refused', { type }),
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
        return msg('caseworker.already-assigned', { caseworkerId: data.caseworkerId });
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
          ? msg('caseworker.changed', { previous, caseworkerId: data.caseworkerId })
          : msg('caseworker.assigned', { caseworkerId: data.caseworkerId }),
      };
    },
  },

  relativeRegistered: {
    refuse: (state, data) =>
      state.relatives.some((relative) => relative.id === data.relativeId)
        ? msg('relative.exists', { relativeId: data.relativeId })
        : undefined,
    apply: (draft, data) => {
      draft.relatives.push({
        id: data.relativeId,
        name: data.name,
        relation: data.relation,
        ...(data.email ? { email: data.email } : {}),
        consent: null,
      });
      return {
        summary: msg('relative.registered', { relativeId: data.relativeId, relation: data.relation }),
      };
    },
  },

  relativeConsent: {
    refuse: (state, data) =>
      state.relatives.some((relative) => relative.id === data.relativeId)
        ? undefined
        : msg('relative.not-found', { relativeId: data.relativeId }),
    apply: (draft, data, { at }) => {
      const relative = draft.relatives.find((candidate) => candidate.id === data.relativeId)!;
      relative.consent = { given: data.consent, covers: data.covers, at };
      return {
        summary: data.consent
          ? msg('relative.consent-given', { relativeId: relative.id, covers: data.covers.join(', ') })
          : msg('relative.consent-withdrawn', { relativeId: relative.id }),
      };
    },
  },

  escalationAcknowledged: {
    refuse: (state, data, { actor }) => {
      if (actor.role !== 'supervisor' && actor.role !== 'admin') return msg('escalation.supervisors-only');
      const escalation = state.escalations.find((candidate) => candidate.id === data.escalationId);
      if (!escalation) return msg('escalation.not-found', { escalationId: data.escalationId });
      if (escalation.status !== 'open')
        return msg('escalation.not-open', {
          escalationId: escalation.id,
          status: msg(`escalation.status.${escalation.status}`),
        });
      return undefined;
    },
    apply: (draft, data, { at, actor }) => {
      const escalation = draft.escalations.find((candidate) => candidate.id === data.escalationId)!;
      escalation.status = 'acknowledged';
      escalation.acknowledgedAt = at;
      escalation.acknowledgedBy = actor.id;
      return {
        summary: msg('escalation.acknowledged', { escalationId: escalation.id }),
        ...(data.note ? { reason: data.note } : {}),
      };
    },
  },
};

/**
 * The caseload limit (seed 001 §7: about 30 cases per coordinating caseworker), from the case's own
 * ruleset; the count comes with the event, as the case cannot count other cases.
 */
function overCaseload(state: CaseBase, caseworkerId: string, external?: ExternalFacts): Text | undefined {
  const { limit } = state.ruleset.caseload;
  const open = external?.caseload;
  if (open === undefined || open < limit) return undefined;
  return msg('caseworker.over-caseload', { caseworkerId, open, limit });
}
