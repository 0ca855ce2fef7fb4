import {
  cashBenefit,
  type CashBenefitState,
  openCashBenefit,
  validateOpenCashBenefit,
} from '../../src/domain';
import { addDuration, scaleDuration } from '../../src/domain/engine/time';
import { caseworker, seeds, T0 } from '../helpers/core';
import { attemptOn, topicsOf } from '../helpers/spec';

const at = (duration: string, extraMs = 0) => addDuration(T0, duration) + extraMs;
const citizen = { cpr: '030375-3333', name: 'Ole', email: 'ole@example.dk' };

function open(spellStartedOn?: string): CashBenefitState {
  return openCashBenefit(
    { caseId: 'KH-2027-1', municipality: '461', citizen, ...(spellStartedOn ? { spellStartedOn } : {}) },
    seeds,
    T0,
    caseworker,
  );
}

const send = (state: CashBenefitState, type: string, data: unknown, now: number) =>
  attemptOn(cashBenefit, state, type, data, now);

test('one continuous year on kontanthjælp gives the right to assessment: citizen and caseworker are told', () => {
  const state = open();
  expect(cashBenefit.nextWakeUp(state)).toBe(at('P1Y'));
  expect(cashBenefit.advanceClock(state, at('P1Y', -1)).phase).toBe('on-benefit');
  const year = cashBenefit.advanceClock(state, at('P1Y'));
  expect(year).toMatchObject({ phase: 'right-given', rightGivenAt: '2028-01-04T08:00:00.000Z' });
  expect(cashBenefit.deadlines(year)[0]).toMatchObject({ status: 'reached', milestone: true });
  expect(topicsOf(year)).toEqual(['right-to-assessment:citizen+caseworker']);
  expect(year.timeline[year.timeline.length - 1]!.type).toBe('milestoneReached');
  expect(year.escalations).toEqual([]);
});

test('an interrupted spell gives no right', () => {
  const result = send(open(), 'cashBenefitInterrupted', { reason: 'employment' }, at('P11M'));
  expect(result.ok).toBe(true);
  if (!result.ok) return;
  const later = cashBenefit.advanceClock(result.state, at('P2Y'));
  expect(later.phase).toBe('interrupted');
  expect(later.notifications).toEqual([]);
  expect(cashBenefit.deadlines(later)).toEqual([]);
  expect(send(later, 'cashBenefitInterrupted', { reason: 'moved' }, at('P2Y'))).toEqual({
    ok: false,
    reason: 'the spell has been interrupted; it accepts no further events',
  });
});

test('a spell that began before it was registered counts from its first day; not from the future', () => {
  const state = open('2026-03-01');
  expect(cashBenefit.deadlines(state)[0]!.dueAt).toBe('2027-03-01T00:00:00.000Z');
  expect(
    validateOpenCashBenefit({ caseId: 'x', municipality: '101', citizen, spellStartedOn: '2027-06-01' }, T0),
  ).toMatch(/cannot start in the future/);
  // Registered more than a year after the spell began: the right is given at once.
  expect(cashBenefit.advanceClock(open('2025-12-01'), T0).phase).toBe('right-given');
});

test('scaleDuration multiplies unit by unit', () => {
  expect(scaleDuration('P1Y', 30)).toBe('P30Y');
  expect(scaleDuration('P30M', 2)).toBe('P60M');
  expect(scaleDuration('P1Y2M3DT4H', 2)).toBe('P2Y4M6DT8H');
  expect(scaleDuration('PT0.5S', 3)).toBe('PT1.5S');
});
