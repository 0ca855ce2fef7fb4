import type { CaseService } from '../src/client/case-service';
import { EventRefusedError } from '../src/client/errors';
import type { Actor, CaseKind, Ruleset } from '../src/domain/core';
import { type CaseMoveOutcome, outcomeOfPlan } from '../src/domain/ruleset-move';

/**
 * The activities of a bulk ruleset move (workflows/ruleset-move-run.ts): one page of cases from
 * visibility, and one case planned or moved through its own workflow (query `rulesetMovePlan`,
 * Update `moveRuleset`). Moving is idempotent by the move ID, so a retried activity — after a worker
 * was killed, say — never moves a case twice.
 */
export function createRulesetMoveActivities(cases: () => CaseService) {
  return {
    async casesToMove(input: {
      from: string;
      municipality?: string;
      kind?: CaseKind;
      pageSize: number;
      cursor?: string | null;
    }): Promise<{ caseIds: string[]; nextPageToken: string | null }> {
      return cases().casesToMove(
        {
          ruleset: input.from,
          ...(input.municipality ? { municipality: input.municipality } : {}),
          ...(input.kind ? { kind: input.kind } : {}),
        },
        { size: input.pageSize, token: input.cursor ?? null },
      );
    },

    async moveCaseRuleset(input: {
      caseId: string;
      moveId: string;
      to: Ruleset;
      reason: string;
      actor: Actor;
      apply: boolean;
    }): Promise<CaseMoveOutcome> {
      const { caseId, moveId, to, reason, actor, apply } = input;
      if (!apply) return outcomeOfPlan(await cases().rulesetMovePlan(caseId, to), false);
      try {
        const answer = await cases().moveRuleset(caseId, { moveId, to, reason, actor });
        return outcomeOfPlan(answer.plan, true, answer.repeated);
      } catch (error) {
        // The case refused the move (its plan says why): reported, and the case is left as it is.
        if (error instanceof EventRefusedError)
          return { caseId, outcome: 'cannot-move', reasons: error.message.split('; ') };
        throw error;
      }
    },
  };
}
