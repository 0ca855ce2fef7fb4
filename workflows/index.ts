export { cashBenefitSpell } from './cash-benefit-spell';
export { fleksjobFollowUp } from './fleksjob-follow-up';
export { ressourceforloeb } from './ressourceforloeb';
export { rulesetMoveRun } from './ruleset-move-run';
