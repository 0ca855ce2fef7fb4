import { produce } from 'immer';
import { emptyCaseRecords } from '../engine/case';
import { record } from '../engine/draft';
import type { Actor } from '../engine/events';
import type { Ruleset } from '../engine/ruleset';
import { toEpochMs, toInstant } from '../engine/time';
import type { OpenCashBenefit } from './events';
import type { CashBenefitState } from './state';
import { msg, type Text } from '../messages/message';

export function openCashBenefit(
  input: OpenCashBenefit,
  ruleset: Ruleset,
  now: number,
  actor: Actor,
): CashBenefitState {
  const at = toInstant(now);
  const spellStartedAt = input.spellStartedOn ? `${input.spellStartedOn}T00:00:00.000Z` : at;
  const initial: CashBenefitState = {
    kind: 'cash-benefit',
    caseId: input.caseId,
    municipality: input.municipality,
    citizen: input.citizen,
    ruleset,
    phase: 'on-benefit',
    openedAt: at,
    spellStartedAt,
    ...(ruleset.cashBenefit.assessment?.kind === 'municipal-duty'
      ? { category: input.category ?? 'aktivitetsparat' }
      : {}),
    ...emptyCaseRecords(),
  };
  return produce(initial, (draft) => {
    record(draft, {
      at,
      actor,
      type: 'caseOpened',
      outcome: 'recorded',
      summary: msg('cash-benefit.opened', { since: spellStartedAt.slice(0, 10) }),
    });
  });
}

/** What the schema cannot know: a spell cannot start in the future. */
export function validateOpenCashBenefit(input: OpenCashBenefit, now: number): Text | undefined {
  if (input.spellStartedOn && toEpochMs(`${input.spellStartedOn}T00:00:00.000Z`) > now) {
    return msg('cash-benefit.future-start');
  }
  return undefined;
}
