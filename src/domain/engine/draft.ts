import type { Draft } from 'immer';
import type {
  Audience,
  CaseBase,
  NotificationRecord,
  NotificationTopic,
  Recipient,
  TimelineEntry,
} from './case';
import type { Actor, ConsentTopic } from './events';
import type { EscalationRole } from './ruleset';
import { addDuration, type Instant } from './time';

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
  'deadline-reminder': 'deadlines',
  'right-to-decision-on-existing-evidence': 'deadlines',
};

/**
 * Queues a notification. `key` makes its ID: the same cause always gives the same ID, so a message is
 * queued once however often the rules run, and a retried delivery is recognisably the same message.
 */
export function notify(
  draft: CaseDraft,
  key: string,
  topic: NotificationTopic,
  audience: Audience[],
  facts: NotificationRecord['facts'],
  at: Instant,
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
    facts: { caseId: draft.caseId, municipality: draft.municipality, ...facts },
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

/** A breached deadline escalates: the first level is told at once, the next after the ruleset's wait. */
export function escalate(draft: CaseDraft, deadlineId: string, reason: string, at: Instant): void {
  if (draft.escalations.some((escalation) => escalation.deadlineId === deadlineId)) return;
  const id = `esc-${draft.escalations.length + 1}`;
  const role = draft.ruleset.escalation.levels[0]!.role;
  draft.escalations.push({ id, deadlineId, reason, raisedAt: at, level: 0, levelRole: role, status: 'open' });
  record(draft, {
    at,
    actor: SYSTEM,
    type: 'escalationRaised',
    outcome: 'recorded',
    summary: `escalated to ${role}: ${reason}`,
  });
  notify(draft, `${id}/level-1`, 'escalation', [role], { reason, escalationId: id, level: 1 }, at);
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
    summary: `escalation ${escalation.id} not acknowledged: raised to ${role}`,
  });
  notify(
    draft,
    `${escalation.id}/level-${escalation.level + 1}`,
    'escalation',
    [role],
    { reason: escalation.reason, escalationId: escalation.id, level: escalation.level + 1 },
    at,
  );
}
