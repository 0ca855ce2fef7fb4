import type { Draft } from 'immer';
import type { CaseBase, CaseKind } from './case';
import {
  advanceClockWith,
  type Clock,
  type Deadline,
  type DeadlineDefinitions,
  nextWakeUpWith,
  resolveDeadlines,
  resolveEscalations,
} from './deadlines';
import { applyRule, type Decision, type EventRule, type ExternalFacts } from './event-rules';
import type { Actor } from './events';
import type { Instant } from './time';
import { type ParsedEvent, parseEvent, type Validator } from './validation';
import { msg, type Text } from '../messages/message';

/**
 * A kind of case is its parts: its events (the validators generated from its zod schemas, by event
 * type: `Data` is each event's parsed data), the rule of each event, its deadlines
 * (each with what follows when it falls due), when it is closed and how it ended. `defineCaseKind`
 * turns them into the rules the workflow shell runs — the same for every kind, so adding a kind is a
 * folder of these parts and one line in `kinds.ts`.
 */
export interface CaseKindParts<S extends CaseBase, Data extends Record<string, unknown>, K extends string> {
  kind: S['kind'];
  events: { [T in keyof Data]: Validator<Data[T]> };
  rules: { [T in keyof Data & string]: EventRule<S, Data[T]> };
  deadlines: DeadlineDefinitions<S, K>;
  /** Why the case accepts no more events, or undefined while it does. */
  closed(state: S): Text | undefined;
  /** How it ended, for supervisors' lists; null while it runs. */
  outcome(state: S): string | null;
  /** What follows from any change besides resolving escalations (a refused course closing, say). */
  settle?(draft: Draft<S>, at: Instant): void;
  /** Instants the case must wake up at besides its deadlines and escalations. */
  wakeUps?(state: S): Array<number | undefined>;
}

/** The rules of one kind of case, as the workflow shell, the queries and the tests use them. */
export interface CaseRules<S extends CaseBase, K extends string = string> {
  kind: CaseKind;
  /** The event types the kind accepts. */
  eventTypes: string[];
  /** The kinds of deadline it can have (each needs a Danish label in the templates). */
  deadlineKinds: K[];
  parse(type: string, data: unknown): ParsedEvent;
  /**
   * State + event → the new state, or the reason the event is refused (changing nothing). The clock
   * is not advanced here: the shell does that first, so an event cannot meet a deadline that has
   * already passed.
   */
  decide(
    state: S,
    event: { type: string; data: unknown },
    actor: Actor,
    now: number,
    external?: ExternalFacts,
  ): Decision<S>;
  /** Reminders, breaches and what follows from them, escalation levels — up to `now`. */
  advanceClock(state: S, now: number): S;
  nextWakeUp(state: S): number | undefined;
  deadlines(state: S): Deadline<K>[];
  isClosed(state: S): boolean;
  outcome(state: S): string | null;
}

export function defineCaseKind<S extends CaseBase, Data extends Record<string, unknown>, K extends string>(
  parts: CaseKindParts<S, Data, K>,
): CaseRules<S, K> {
  const isClosed = (state: S) => parts.closed(state) !== undefined;
  const clock: Clock<S, K> = {
    deadlines: parts.deadlines,
    settle(draft, at) {
      parts.settle?.(draft, at);
      const state = draft as S;
      resolveEscalations(
        draft as Draft<CaseBase>,
        resolveDeadlines(parts.deadlines, state),
        isClosed(state),
        at,
      );
    },
    ...(parts.wakeUps ? { wakeUps: parts.wakeUps } : {}),
  };
  const rules = parts.rules as Record<string, EventRule<S, unknown>>;
  return {
    kind: parts.kind,
    eventTypes: Object.keys(parts.events),
    deadlineKinds: Object.keys(parts.deadlines) as K[],
    parse: (type, data) => parseEvent(parts.events as Record<string, Validator<unknown>>, type, data),
    decide(state, event, actor, now, external) {
      const closed = parts.closed(state);
      if (closed) return { ok: false, reason: closed };
      const rule = rules[event.type];
      if (!rule) return { ok: false, reason: msg('event.unknown', { type: event.type }) };
      return applyRule(state, event.type, rule, event.data, actor, now, clock.settle, external);
    },
    advanceClock: (state, now) => advanceClockWith(state, now, clock),
    nextWakeUp: (state) => nextWakeUpWith(state, clock),
    deadlines: (state) => resolveDeadlines(parts.deadlines, state),
    isClosed,
    outcome: parts.outcome,
  };
}
