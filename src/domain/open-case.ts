import { record } from './case-draft';
import { produce } from 'immer';
import type { Actor } from './events';
import { type Ruleset, rulesetRef } from './ruleset';
import { type CaseState, emptyCaseRecords, type OpenCase } from './state';
import { toInstant } from './time';

/** A new case: referred (or applied for), waiting for the rehabilitation team and a coordinating caseworker. */
export function openCase(input: OpenCase, rules: Ruleset, now: number, actor: Actor): CaseState {
  const at = toInstant(now);
  const initial: CaseState = {
    kind: 'ressourceforloeb',
    caseId: input.caseId,
    municipality: input.municipality,
    origin: input.origin,
    ruleset: rulesetRef(rules),
    rules,
    citizen: input.citizen,
    phase: 'referred',
    openedAt: at,
    teamReviews: [{ requestedAt: at, reason: 'referral' }],
    decisionRequests: [],
    teamRecommendations: [],
    decisions: [],
    offers: [],
    complaints: [],
    ...emptyCaseRecords(),
  };
  return produce(initial, (draft) => {
    record(draft, {
      at,
      actor,
      type: 'caseOpened',
      outcome: 'recorded',
      summary:
        input.origin === 'application' ? "opened on the citizen's own application" : 'opened on referral',
    });
  });
}
