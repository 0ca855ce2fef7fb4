import type { Actor, ConsentTopic } from './events';
import type { Citizen } from './identity';
import type { EscalationRole, Ruleset } from './ruleset';
import type { Instant } from './time';
import type { Text } from '../messages/message';

/**
 * What every kind of case has in common — a ressourceforløb, a fleksjob follow-up, a kontanthjælp
 * spell: who the citizen is, who follows the case, relatives and consent, the pinned ruleset, and the
 * machinery of deadlines, escalations, notifications and the audit timeline.
 */
export const CASE_KINDS = ['ressourceforloeb', 'fleksjob', 'cash-benefit'] as const;
export type CaseKind = (typeof CASE_KINDS)[number];

/** A person acts for their own municipality; an administrator (`*`) for every one. */
export function actsFor(actor: { municipality?: string }, municipality: string): boolean {
  return (
    actor.municipality === undefined || actor.municipality === '*' || actor.municipality === municipality
  );
}

export interface CoordinatingCaseworker {
  id: string;
  name: string;
  email?: string;
  assignedAt: Instant;
}

export interface Relative {
  id: string;
  name: string;
  relation: string;
  email?: string;
  consent: { given: boolean; covers: ConsentTopic[]; at: Instant } | null;
}

export interface Escalation {
  id: string;
  deadlineId: string;
  reason: Text;
  raisedAt: Instant;
  /**
   * Index into the ruleset's escalation levels reached so far. Views (the API) and mails count from 1:
   * 1 is the first level (the supervisor), 2 the next.
   */
  level: number;
  levelRole: EscalationRole;
  status: 'open' | 'acknowledged' | 'resolved';
  acknowledgedAt?: Instant;
  acknowledgedBy?: string;
  resolvedAt?: Instant;
}

export type Audience = 'citizen' | 'relatives' | 'caseworker' | EscalationRole;

/** Everything a case can tell someone about; each has a mail template (the template loader checks). */
export const NOTIFICATION_TOPICS = [
  'deadline-reminder',
  'deadline-breached',
  'escalation',
  'right-to-decision-on-existing-evidence',
  'team-dissent',
  'decision',
  'back-to-team',
  'complaint-forwarded',
  'offer-advised-against',
  'routed-to-pension',
  'course-concluded',
  /** Fleksjob: no progression, back to the team (toward førtidspension or ending the fleksjob). */
  'fleksjob-reassessment',
  /** Fleksjob (seeds): no progression in a year — the citizen may ask for the team's reassessment. */
  'fleksjob-reassessment-offered',
  'fleksjob-ended',
  /** Kontanthjælp: one continuous year gives the right to be assessed for a ressourceforløb (seeds). */
  'right-to-assessment',
] as const;
export type NotificationTopic = (typeof NOTIFICATION_TOPICS)[number];

/**
 * The topics whose letter to the citizen is a decision (forvaltningsloven §§ 22–25): it gives the
 * reasons — the rule applied and the caseworker's reasoning — and the complaint guidance, from one
 * shared partial. The template loader refuses a citizen's template for one of them without it.
 */
export const DECISION_TOPICS = [
  'decision',
  'routed-to-pension',
  'course-concluded',
  'fleksjob-ended',
] as const satisfies readonly NotificationTopic[];
export type DecisionTopic = (typeof DECISION_TOPICS)[number];

export function isDecisionTopic(topic: NotificationTopic): topic is DecisionTopic {
  return (DECISION_TOPICS as readonly NotificationTopic[]).includes(topic);
}

export interface Recipient {
  role: Audience;
  name?: string;
  email?: string;
  /** A caseworker's or relative's ID; supervisors are looked up by municipality. */
  id?: string;
}

/** A message the case must send; `id` is deterministic so a retried delivery is the same message. */
export interface NotificationRecord {
  id: string;
  topic: NotificationTopic;
  createdAt: Instant;
  recipients: Recipient[];
  /** Template variables: case facts only, never a CPR number or a health detail. */
  facts: Record<string, string | number | boolean>;
  delivery: {
    status: 'pending' | 'sent' | 'retrying' | 'failed';
    at?: Instant;
    attempts: number;
    /** While retrying: how many rounds of attempts failed, and when the next round is. */
    rounds?: number;
    retryAt?: Instant;
    /** While retrying: the recipients (by place) whose copy already went out, not to be sent twice. */
    sentTo?: number[];
    /** Once sent: recipients who had no address (a citizen without email, say) and got nothing. */
    withoutAddress?: number;
    error?: string;
  };
}

export interface DeadlineLogEntry {
  /** Reminder key (its offset before the deadline, e.g. "P1M") → when that reminder went out. */
  reminded: Record<string, Instant>;
  breachedAt?: Instant;
  /** For a milestone: when it was reached. */
  reachedAt?: Instant;
}

export interface TimelineEntry {
  seq: number;
  at: Instant;
  actor: Actor;
  /** An event type, or what the system did: caseOpened, deadlineReminder, deadlineBreached, escalationRaised, caseClosed. */
  type: string;
  outcome: 'accepted' | 'rejected' | 'recorded';
  summary: Text;
  /** Why: the refusal reason of a rejected event, or the reasoning an event carried. */
  reason?: Text;
}

export interface CaseBase {
  kind: CaseKind;
  caseId: string;
  municipality: string;
  /** The ruleset the case is pinned to: every duration and threshold its rules use, with its name and version. */
  ruleset: Ruleset;
  citizen: Citizen;
  phase: string;
  openedAt: Instant;
  coordinatingCaseworker?: CoordinatingCaseworker;
  /** The first assignment meets the waiting time for a coordinating caseworker; later changes do not. */
  caseworkerFirstAssignedAt?: Instant;
  relatives: Relative[];
  deadlineLog: Record<string, DeadlineLogEntry>;
  escalations: Escalation[];
  notifications: NotificationRecord[];
  timeline: TimelineEntry[];
  /**
   * Each move of the case to another ruleset version (src/domain/ruleset-move.ts), by its move ID:
   * a move is applied once. Absent until the first move; the timeline says the same in words.
   */
  rulesetMoves?: RulesetMoveRecord[];
}

export interface RulesetMoveRecord {
  moveId: string;
  at: Instant;
  by: string;
  from: { name: string; version: number };
  to: { name: string; version: number };
}

/** The records every new case starts with, empty. */
export function emptyCaseRecords(): Pick<
  CaseBase,
  'relatives' | 'deadlineLog' | 'escalations' | 'notifications' | 'timeline'
> {
  return { relatives: [], deadlineLog: {}, escalations: [], notifications: [], timeline: [] };
}

/**
 * A case's state as it was written by an earlier release, in today's shape. States travel in
 * histories (continue-as-new carries them) for years: states from before case kinds existed are
 * ressourceforløb, and the pinned ruleset was called `rules` (beside a `ruleset` holding only its
 * name and version). Pure and deterministic: a replay reads the same state the same way.
 */
export function currentShape<S extends CaseBase>(stored: S | LegacyState<S>): S {
  if (!('rules' in stored)) return { ...stored, kind: stored.kind ?? 'ressourceforloeb' } as S;
  const { rules, ruleset: _reference, ...rest } = stored;
  return { ...rest, kind: stored.kind ?? 'ressourceforloeb', ruleset: rules } as unknown as S;
}

/** The shape states had before release 2026-12: `rules` held the ruleset, `ruleset` its name and version. */
export type LegacyState<S extends CaseBase> = Omit<S, 'ruleset' | 'kind'> & {
  kind?: CaseKind;
  rules: Ruleset;
  ruleset: { name: string; version: number };
};
