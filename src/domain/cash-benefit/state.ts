import type { CaseBase } from '../engine/case';
import type { Instant } from '../engine/time';
import type { CashBenefitEventData } from './events';

/**
 * A citizen's spell on kontanthjælp (cash benefit). What a continuous spell brings is the ruleset's
 * `cashBenefit.assessment`: the seeds' right to be assessed after one year (seed 001 §8: the citizen
 * and the caseworker are told, and the caseworker must then put the case to the team), or the law's
 * repeating duty on the municipality (LAB § 36 a: an afklaring every 2 continuous years for
 * aktivitetsparate recipients aged 30 or more; staff are reminded), or nothing. Version 1 rulesets
 * (`assessmentRightAfter`) give the right and end the case there.
 */
export interface CashBenefitState extends CaseBase {
  kind: 'cash-benefit';
  phase: 'on-benefit' | 'right-given' | 'sent-to-team' | 'interrupted';
  spellStartedAt: Instant;
  rightGivenAt?: Instant;
  /** Seeds: when the caseworker put the case to the rehabilitation team after the right was given. */
  sentToTeamAt?: Instant;
  /** Law (LAB § 36 a): the recipient's category; the afklaring is for aktivitetsparate. */
  category?: CashBenefitCategory;
  /** Law (LAB § 36 a): each afklaring recorded, with the number of the 2-year point it meets. */
  afklaringer?: Array<{ at: Instant; n: number; outcome: 'team' | 'measure'; note?: string }>;
  interrupted?: { at: Instant; reason: CashBenefitEventData<'cashBenefitInterrupted'>['reason'] };
}

export type CashBenefitCategory = 'aktivitetsparat' | 'jobparat';
