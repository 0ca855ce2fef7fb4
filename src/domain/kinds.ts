import { cashBenefit } from './cash-benefit/kind';
import type { CashBenefitState } from './cash-benefit/state';
import { course } from './course/kind';
import type { CourseState } from './course/state';
import type { CaseKind } from './engine/case';
import { type CaseView, caseView } from './engine/view';
import { fleksjob } from './fleksjob/kind';
import type { FleksjobState } from './fleksjob/state';

/**
 * Every kind of case the product runs, one line each. A new kind is a folder of its parts (events,
 * state, rules, deadlines, open) and a line here.
 */
export const caseKinds = {
  ressourceforloeb: course,
  fleksjob,
  'cash-benefit': cashBenefit,
} as const satisfies Record<CaseKind, unknown>;

export type AnyCaseState = CourseState | FleksjobState | CashBenefitState;
export type AnyCaseView = CaseView<CourseState> | CaseView<FleksjobState> | CaseView<CashBenefitState>;

/** The view of a case of any kind (its kind says which rules work out its deadlines). */
export function viewOf(state: AnyCaseState): AnyCaseView {
  switch (state.kind) {
    case 'fleksjob':
      return caseView(fleksjob, state);
    case 'cash-benefit':
      return caseView(cashBenefit, state);
    case 'ressourceforloeb':
      return caseView(course, state);
  }
}

/** Every deadline kind of every kind of case: each needs a Danish label where letters name it. */
export const allDeadlineKinds: string[] = [
  ...new Set(Object.values(caseKinds).flatMap((kind) => kind.deadlineKinds as string[])),
];

/**
 * Every phase of each kind of case, in the order a case passes through them: what the list API's
 * phase filter accepts (an unknown phase is refused, not answered with an empty list).
 */
export const casePhases = {
  ressourceforloeb: ['referred', 'awaiting-decision', 'in-course', 'refused', 'closing', 'concluded'],
  fleksjob: ['awaiting-start', 'employed', 'reassessment', 'ended'],
  'cash-benefit': ['on-benefit', 'right-given', 'sent-to-team', 'interrupted'],
} as const satisfies {
  ressourceforloeb: ReadonlyArray<CourseState['phase']>;
  fleksjob: ReadonlyArray<FleksjobState['phase']>;
  'cash-benefit': ReadonlyArray<CashBenefitState['phase']>;
};

/** Fails to compile when a kind's state gains a phase that `casePhases` does not list. */
type Complete<All, Listed extends readonly unknown[]> = [Exclude<All, Listed[number]>] extends [never]
  ? true
  : Exclude<All, Listed[number]>;
export const casePhasesComplete: [
  Complete<CourseState['phase'], typeof casePhases.ressourceforloeb>,
  Complete<FleksjobState['phase'], typeof casePhases.fleksjob>,
  Complete<CashBenefitState['phase'], (typeof casePhases)['cash-benefit']>,
] = [true, true, true];

/** Every phase of any kind (a phase name belongs to one kind, except where two share a word). */
export const allCasePhases: string[] = [...new Set(Object.values(casePhases).flat())];
