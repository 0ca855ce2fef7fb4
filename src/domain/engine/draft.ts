import type { Draft } from 'immer';
import {
  type Audience,
  type CaseBase,
  isDecisionTopic,
  type NotificationRecord,
  type NotificationTopic,
  type Recipient,
  type TimelineEntry,
} from './case';
import type { Actor, ConsentTopic } from './events';
import { type LegalBasisKey, legalBasisFor } from './legal-basis';
import type { EscalationRole, Ruleset } from './ruleset';
import { addDuration, citizenTimeEnds, type Instant, toInstant } from './time';
import { type Message, msg, type Text } from '../messages/message';

/**
 * Helpers that change a case of any kind inside an immer `produce`: they keep the timeline, the
 * notification outbox and the escalations consistent, so the event and clock rules stay short.
 */
export type CaseDraft = Draft<CaseBase>;

export const SYSTEM: Actor = { id: 'system', role: 'system' };

export function record(
  draft: CaseDraft,
  entry: Omit<TimelineEntry, 'seq' | 'outcome'> & { outcome?: TimelineEntry['outcome'] },
): number {
  const seq = draft.timeline.length + 1;
  draft.timeline.push({ seq, outcome: 'accepted', ...entry });
  return seq;
}

/** Which consent topic a notification falls under, for relatives; undefined: never sent to relatives. */
const relativesTopic: Partial<Record<NotificationTopic, ConsentTopic>> = {
  'team-dissent': 'decisions',
  decision: 'decisions',
  'back-to-team': 'decisions',
  'complaint-forwarded': 'decisions',
  'routed-to-pension': 'decisions',
  'course-concluded': 'decisions',
  'fleksjob-reassessment': 'decisions',
  'fleksjob-ended': 'decisions',
  'deadline-reminder': 'deadlines',
  'right-to-decision-on-existing-evidence': 'deadlines',
};

/** What a decision letter says besides the decision: why, and how to complain. */
export interface DecisionGrounds {
  /** Which of the ruleset's legal bases the decision applies; the topic's own when not given. */
  basis?: LegalBasisKey;
  /** The caseworker's reasoning, as entered with the decision event: written to the citizen. */
  reasoning?: string | undefined;
}

/**
 * The facts every decision letter needs: the legal basis from the case's ruleset, the reasoning, when
 * it was decided, and the complaint window with the last day it gives when the letter arrives the day
 * it is sent (as e-mail and Digital Post do).
 */
export function decisionFacts(
  ruleset: Ruleset,
  basis: LegalBasisKey,
  reasoning: string | undefined,
  at: Instant,
): NotificationRecord['facts'] {
  const legal = legalBasisFor(ruleset, basis);
  return {
    decidedAt: at,
    complaintWindow: ruleset.complaints.window,
    // The last day as the case counts it (in its calendar, moved off a day off); rulesets without a
    // calendar keep the instant they always gave.
    complaintBy: toInstant(
      ruleset.calendar
        ? citizenTimeEnds(ruleset.calendar, at, ruleset.complaints.window)
        : addDuration(at, ruleset.complaints.window),
    ),
    reconsiderationWithin: ruleset.complaints.reconsideration.within,
    legalRule: legal.rule,
    legalSource: legal.source,
    ...(reasoning ? { reasoning } : {}),
  };
}

/**
 * Queues a notification. `key` makes its ID: the same cause always gives the same ID, so a message is
 * queued once however often the rules run, and a retried delivery is recognisably the same message.
 * A decision (DECISION_TOPICS) carries its grounds: the legal basis, the reasoning, the complaint window.
 */
export function notify(
  draft: CaseDraft,
  key: string,
  topic: NotificationTopic,
  audience: Audience[],
  facts: NotificationRecord['facts'],
  at: Instant,
  grounds: DecisionGrounds = {},
): void {
  const id = `${draft.caseId}/${key}`;
  if (draft.notifications.some((notification) => notification.id === id)) return;
  const recipients = audience.flatMap((role) => recipientsFor(draft, role, topic));
  if (recipients.length === 0) return;
  draft.notifications.push({
    id,
    topic,
    createdAt: at,
    recipients,
    facts: {
      caseId: draft.caseId,
      municipality: draft.municipality,
      ...(isDecisionTopic(topic)
        ? decisionFacts(draft.ruleset as Ruleset, grounds.basis ?? topic, grounds.reasoning, at)
        : {}),
      ...facts,
    },
    delivery: { status: 'pending', attempts: 0 },
  });
}

function recipientsFor(draft: CaseDraft, role: Audience, topic: NotificationTopic): Recipient[] {
  switch (role) {
    case 'citizen':
      return [
        { role, name: draft.citizen.name, ...(draft.citizen.email ? { email: draft.citizen.email } : {}) },
      ];
    case 'caseworker': {
      const caseworker = draft.coordinatingCaseworker;
      // Without a coordinating caseworker the municipality's job centre receives the task.
      return [
        caseworker
          ? {
              role,
              id: caseworker.id,
              name: caseworker.name,
              ...(caseworker.email ? { email: caseworker.email } : {}),
            }
          : { role },
      ];
    }
    case 'relatives': {
      const wanted = relativesTopic[topic];
      if (!wanted) return [];
      return draft.relatives
        .filter(
          (relative) => relative.email && relative.consent?.given && relative.consent.covers.includes(wanted),
        )
        .map((relative) => ({ role, id: relative.id, name: relative.name, email: relative.email! }));
    }
    default:
      return [{ role }];
  }
}

/** An escalation level as staff read it everywhere: counted from 1, with who receives it. */
export function escalationLevel(n: number, role: EscalationRole): Message {
  return msg('escalation.level', { n, role: msg(`role.${role}`) });
}

/** A breached deadline escalates: the first level is told at once, the next after the ruleset's wait. */
export function escalate(draft: CaseDraft, deadlineId: string, reason: Text, at: Instant): void {
  if (draft.escalations.some((escalation) => escalation.deadlineId === deadlineId)) return;
  const id = `esc-${draft.escalations.length + 1}`;
  const role = draft.ruleset.escalation.levels[0]!.role;
  draft.escalations.push({ id, deadlineId, reason, raisedAt: at, level: 0, levelRole: role, status: 'open' });
  record(draft, {
    at,
    actor: SYSTEM,
    type: 'escalationRaised',
    outcome: 'recorded',
    summary: msg('escalation.raised', { level: escalationLevel(1, role), reason }),
  });
  notify(
    draft,
    `${id}/level-1`,
    'escalation',
    [role],
    { ...escalationCause(draft, deadlineId), escalationId: id, level: 1 },
    at,
  );
}

/**
 * What an escalation's letter says caused it, as keys the letter puts in Danish: a deadline of a
 * kind (`cause: deadline`, `deadline`), or a letter that could not be delivered (`cause: delivery`,
 * `undelivered`: its topic).
 */
function escalationCause(draft: CaseDraft, deadlineId: string): NotificationRecord['facts'] {
  if (deadlineId.startsWith(DELIVERY_PREFIX)) {
    const failed = draft.notifications.find(
      (notification) => notification.id === deadlineId.slice(DELIVERY_PREFIX.length),
    );
    return { cause: 'delivery', ...(failed ? { undelivered: failed.topic } : {}) };
  }
  return { cause: 'deadline', deadline: deadlineKindOf(deadlineId) };
}

/** An escalation about a failed delivery is named `delivery:<notification ID>`. */
export const DELIVERY_PREFIX = 'delivery:';

/** A deadline's kind from its ID: `real-offer`, `decision:2` and `yearly-check:1.2` name their kind first. */
export function deadlineKindOf(deadlineId: string): string {
  return deadlineId.split(':')[0]!;
}

/** The next escalation level's time, if the chain goes on. */
export function nextEscalationAt(
  state: CaseBase,
  escalation: CaseBase['escalations'][number],
): number | undefined {
  if (escalation.status !== 'open') return undefined;
  const next = state.ruleset.escalation.levels[escalation.level + 1];
  return next ? addDuration(escalation.raisedAt, next.after, state.ruleset.calendar) : undefined;
}

export function raiseEscalationLevel(draft: CaseDraft, index: number, at: Instant): void {
  const escalation = draft.escalations[index]!;
  escalation.level += 1;
  const role: EscalationRole = draft.ruleset.escalation.levels[escalation.level]!.role;
  escalation.levelRole = role;
  record(draft, {
    at,
    actor: SYSTEM,
    type: 'escalationRaised',
    outcome: 'recorded',
    summary: msg('escalation.level-raised', {
      escalationId: escalation.id,
      level: escalationLevel(escalation.level + 1, role),
    }),
  });
  notify(
    draft,
    `${escalation.id}/level-${escalation.level + 1}`,
    'escalation',
    [role],
    {
      ...escalationCause(draft, escalation.deadlineId),
      escalationId: escalation.id,
      level: escalation.level + 1,
    },
    at,
  );
}
