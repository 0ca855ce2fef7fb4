import { defineCaseKind } from '../engine/kind';
import { courseEventValidators } from '../generated/event-validators';
import { closeSettled, settlesAt } from './complaint-deadlines';
import { courseDeadlines } from './deadlines';
import { courseRules } from './rules';
import { msg } from '../messages/message';

/**
 * The ressourceforløb: referral (or the citizen's own application) → rehabilitation team → the
 * municipality's decision → the course → its outcome. Its parts: events.ts (what can happen),
 * state.ts (what the case holds), rules.ts (what each event does), deadlines.ts (every deadline and
 * what follows when it falls due), open.ts (a new case).
 */
export const course = defineCaseKind({
  kind: 'ressourceforloeb',
  events: courseEventValidators,
  rules: courseRules,
  deadlines: courseDeadlines,
  closed: (state) =>
    state.phase === 'concluded'
      ? msg('case.concluded-no-events', {
          outcome: state.outcome ? msg(`value.outcome.${state.outcome.outcome}`) : '',
          on: state.outcome!.at.slice(0, 10),
        })
      : undefined,
  outcome: (state) => state.outcome?.outcome ?? null,
  settle: closeSettled,
  wakeUps: (state) => [settlesAt(state)],
});
