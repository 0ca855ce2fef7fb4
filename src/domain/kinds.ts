import type { CaseBase, CaseKind } from './case-base';
import {
  advanceCashBenefitClock,
  type CashBenefitState,
  decideCashBenefit,
  listCashBenefitDeadlines,
  nextCashBenefitWakeUp,
  parseCashBenefitEvent,
} from './cash-benefit';
import { advanceClock, nextWakeUp } from './clock';
import type { Deadline } from './deadline-engine';
import { decide } from './decide';
import { listDeadlines } from './deadlines';
import type { Decision, ExternalFacts } from './event-rules';
import { type Actor, parseCaseEvent, type ParsedEvent } from './events';
import {
  advanceFleksjobClock,
  decideFleksjob,
  type FleksjobState,
  listFleksjobDeadlines,
  nextFleksjobWakeUp,
  parseFleksjobEvent,
} from './fleksjob';
import type { CaseState } from './state';

/**
 * The three kinds of case behind one interface, so that one workflow shell, one query and one API
 * serve them all: a ressourceforløb, the fleksjob follow-up, and a spell on kontanthjælp.
 */
export type AnyCaseState = CaseState | FleksjobState | CashBenefitState;

export interface CaseRules<S extends CaseBase> {
  kind: CaseKind;
  parse(type: string, data: unknown): ParsedEvent<{ type: string; data: unknown }>;
  decide(
    state: S,
    event: { type: string; data: unknown },
    actor: Actor,
    now: number,
    external?: ExternalFacts,
  ): Decision<S>;
  advanceClock(state: S, now: number): S;
  nextWakeUp(state: S): number | undefined;
  deadlines(state: S): Deadline[];
  /** The case has reached its end: no more events, only the last notifications to deliver. */
  isClosed(state: S): boolean;
  /** For supervisors' lists: how it ended, if it has. */
  outcome(state: S): string | null;
}

export const courseRules: CaseRules<CaseState> = {
  kind: 'ressourceforloeb',
  parse: parseCaseEvent,
  decide: (state, event, actor, now, external) =>
    decide(state, event as Parameters<typeof decide>[1], actor, now, external),
  advanceClock,
  nextWakeUp,
  deadlines: listDeadlines,
  isClosed: (state) => state.phase === 'concluded',
  outcome: (state) => state.outcome?.outcome ?? null,
};

export const fleksjobRules: CaseRules<FleksjobState> = {
  kind: 'fleksjob',
  parse: parseFleksjobEvent,
  decide: (state, event, actor, now, external) =>
    decideFleksjob(state, event as Parameters<typeof decideFleksjob>[1], actor, now, external),
  advanceClock: advanceFleksjobClock,
  nextWakeUp: nextFleksjobWakeUp,
  deadlines: listFleksjobDeadlines,
  isClosed: (state) => state.phase === 'ended',
  outcome: (state) => state.outcome?.reason ?? null,
};

export const cashBenefitRules: CaseRules<CashBenefitState> = {
  kind: 'cash-benefit',
  parse: parseCashBenefitEvent,
  decide: (state, event, actor, now, external) =>
    decideCashBenefit(state, event as Parameters<typeof decideCashBenefit>[1], actor, now, external),
  advanceClock: advanceCashBenefitClock,
  nextWakeUp: nextCashBenefitWakeUp,
  deadlines: listCashBenefitDeadlines,
  isClosed: (state) => state.phase !== 'on-benefit',
  outcome: (state) => (state.phase === 'on-benefit' ? null : state.phase),
};

export function kindOf(state: AnyCaseState): CaseKind {
  return state.kind ?? 'ressourceforloeb';
}

export function rulesFor(state: AnyCaseState): CaseRules<AnyCaseState> {
  const rules = { ressourceforloeb: courseRules, fleksjob: fleksjobRules, 'cash-benefit': cashBenefitRules }[
    kindOf(state)
  ];
  return rules as unknown as CaseRules<AnyCaseState>;
}
