import type { Actor, AnyCaseState, CaseRules, Deadline } from '../../src/domain';
import { render } from '../../src/domain/messages';

/**
 * Given / when / then for the functional core of any kind of case: no Temporal, time is an argument.
 * `attempt` applies an event as the workflow does (the clock first, then the event's rule).
 */
export const caseworker: Actor = { id: 'cw-17', role: 'caseworker' };
export const supervisor: Actor = { id: 'sup-3', role: 'supervisor' };

export function attemptOn<S extends AnyCaseState>(
  rules: CaseRules<S>,
  state: S,
  type: string,
  data: unknown,
  at: number,
  actor: Actor = caseworker,
) {
  const parsed = rules.parse(type, data);
  if (!parsed.ok) return parsed;
  return rules.decide(rules.advanceClock(state, at), parsed.event, actor, at);
}

/** Applies an event; fails the test if the case refuses it. */
export function sendOn<S extends AnyCaseState>(
  rules: CaseRules<S>,
  state: S,
  type: string,
  data: unknown,
  at: number,
  actor: Actor = caseworker,
): S {
  const result = attemptOn(rules, state, type, data, at, actor);
  if (!result.ok) throw new Error(`${type} refused: ${render(result.reason, 'en')}`);
  return result.state;
}

/** The reason the case refuses an event; fails the test if it is accepted. */
export function refusalOn<S extends AnyCaseState>(
  rules: CaseRules<S>,
  state: S,
  type: string,
  data: unknown,
  at: number,
  actor: Actor = caseworker,
): string {
  const result = attemptOn(rules, state, type, data, at, actor);
  if (result.ok) throw new Error(`${type} was accepted`);
  // In English, as the tests read it (the API and pages render Danish by default).
  return render(result.reason, 'en');
}

export function deadlineOn<S extends AnyCaseState>(rules: CaseRules<S>, state: S, id: string): Deadline {
  const found = rules.deadlines(state).find((candidate) => candidate.id === id);
  if (!found) {
    const ids = rules
      .deadlines(state)
      .map((candidate) => candidate.id)
      .join(', ');
    throw new Error(`no deadline ${id}; have ${ids}`);
  }
  return found;
}

/** What the case queued to tell, as `topic:role+role`. */
export function topicsOf(state: AnyCaseState): string[] {
  return state.notifications.map(
    (notification) => `${notification.topic}:${notification.recipients.map((r) => r.role).join('+')}`,
  );
}
