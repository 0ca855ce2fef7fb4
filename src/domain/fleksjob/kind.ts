import { defineCaseKind } from '../engine/kind';
import { fleksjobEventValidators } from '../generated/event-validators';
import { fleksjobDeadlines } from './deadlines';
import { fleksjobRules } from './rules';

/**
 * The follow-up of a fleksjob, for as long as it runs — decades. Its parts: events.ts, state.ts,
 * rules.ts (what each event does), deadlines.ts (every deadline and what follows when it falls due),
 * open.ts (registered directly, or continuing a course that ended with a fleksjob).
 */
export const fleksjob = defineCaseKind({
  kind: 'fleksjob',
  events: fleksjobEventValidators,
  rules: fleksjobRules,
  deadlines: fleksjobDeadlines,
  closed: (state) =>
    state.phase === 'ended'
      ? `the fleksjob follow-up ended (${state.outcome?.reason}) on ${state.outcome?.at.slice(0, 10)}; it accepts no further events`
      : undefined,
  outcome: (state) => state.outcome?.reason ?? null,
});
