import { defineCaseKind } from '../engine/kind';
import { fleksjobEventValidators } from '../generated/event-validators';
import { fleksjobDeadlines } from './deadlines';
import { fleksjobRules } from './rules';
import { msg } from '../messages/message';

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
      ? msg('fleksjob.closed', {
          reason: state.outcome ? msg(`value.ending.${state.outcome.reason}`) : '',
          on: state.outcome?.at.slice(0, 10) ?? '',
        })
      : undefined,
  outcome: (state) => state.outcome?.reason ?? null,
});
