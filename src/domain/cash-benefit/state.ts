import type { CaseBase } from '../engine/case';
import type { Instant } from '../engine/time';
import type { CashBenefitEventData } from './events';

/**
 * A citizen's spell on kontanthjælp (cash benefit). One continuous year gives the right to be assessed
 * for a ressourceforløb (seed 001 §8): the citizen and the caseworker are told, unless the spell is
 * interrupted before. A light case: it ends when the right is given or the spell is interrupted.
 */
export interface CashBenefitState extends CaseBase {
  kind: 'cash-benefit';
  phase: 'on-benefit' | 'right-given' | 'interrupted';
  spellStartedAt: Instant;
  rightGivenAt?: Instant;
  interrupted?: { at: Instant; reason: CashBenefitEventData<'cashBenefitInterrupted'>['reason'] };
}
