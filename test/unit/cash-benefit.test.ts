import {
  cashBenefit,
  type CashBenefitState,
  openCashBenefit,
  RulesetSchema,
  validateOpenCashBenefit,
} from '../../src/domain';
import { addDuration, scaleDuration } from '../../src/domain/engine/time';
import { caseworker, law, seeds, T0 } from '../helpers/core';
import { attemptOn, topicsOf } from '../helpers/spec';
import { render, renderTexts } from '../../src/domain/messages';

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
  expect(renderTexts(send(later, 'cashBenefitInterrupted', { reason: 'moved' }, at('P2Y')), 'en')).toEqual({
    ok: false,
    reason: 'the spell has been interrupted; it accepts no further events',
  });
});

test('a spell that began before it was registered counts from its first day; not from the future', () => {
  const state = open('2026-03-01');
  expect(cashBenefit.deadlines(state)[0]!.dueAt).toBe('2027-03-01T00:00:00.000Z');
  expect(
    renderTexts(
      validateOpenCashBenefit(
        { caseId: 'x', municipality: '101', citizen, spellStartedOn: '2027-06-01' },
        T0,
      ),
      'en',
    ),
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

describe('seeds (seed 001 §8): the right after one continuous year, then the caseworker puts the case to the team', () => {
  const given = () => cashBenefit.advanceClock(open(), at('P1Y'));
  const decide = (state: CashBenefitState, type: string, data: unknown, now: number) => {
    const result = send(state, type, data, now);
    if (!result.ok) throw new Error(render(result.reason, 'en'));
    return result.state;
  };

  test('the right given, the case stays open with a deadline for the team: reminded, then escalated at 4 weeks', () => {
    const state = given();
    expect(state.phase).toBe('right-given');
    expect(cashBenefit.isClosed(state)).toBe(false);
    expect(cashBenefit.deadlines(state).map((d) => `${d.id}:${d.status}`)).toEqual([
      'assessment-right:reached',
      'team-referral:pending',
    ]);
    const referral = cashBenefit.deadlines(state)[1]!;
    expect(referral.dueAt).toBe('2028-02-01T08:00:00.000Z');
    expect(referral.reminders.map((r) => r.at)).toEqual(['2028-01-25T08:00:00.000Z']);
    expect(cashBenefit.advanceClock(state, at('P1Y4W', -1)).escalations).toEqual([]);
    const late = cashBenefit.advanceClock(state, at('P1Y4W'));
    expect(late.escalations.map((e) => `${e.deadlineId}:${e.status}`)).toEqual(['team-referral:open']);
    expect(topicsOf(late)).toContain('deadline-breached:caseworker');
  });

  test('put to the team in time: met, and the case ends; not before the right is given', () => {
    expect(renderTexts(send(open(), 'caseSentToTeam', {}, at('P6M')), 'en')).toEqual({
      ok: false,
      reason: 'the right to assessment has not been given yet',
    });
    const sent = decide(given(), 'caseSentToTeam', { note: 'team meeting 3 February' }, at('P1Y1W'));
    expect(sent.phase).toBe('sent-to-team');
    expect(cashBenefit.deadlines(sent).find((d) => d.id === 'team-referral')?.status).toBe('met');
    expect(cashBenefit.isClosed(sent)).toBe(true);
    expect(cashBenefit.outcome(sent)).toBe('sent-to-team');
  });

  test('a case pinned to version 1 (assessmentRightAfter) ends when the right is given, with no team deadline', () => {
    const version1 = {
      ...seeds,
      version: 1,
      calendar: undefined,
      cashBenefit: { assessmentRightAfter: 'P1Y' },
    };
    const state = cashBenefit.advanceClock(
      openCashBenefit({ caseId: 'KH-1', municipality: '461', citizen }, version1, T0, caseworker),
      at('P2Y'),
    );
    expect(state.phase).toBe('right-given');
    expect(cashBenefit.isClosed(state)).toBe(true);
    expect(cashBenefit.deadlines(state).map((d) => d.id)).toEqual(['assessment-right']);
  });
});

describe('the law (LAB § 36 a): the municipality’s afklaring after 2 continuous years, aktivitetsparat and 30 or more', () => {
  const openLaw = (cpr = citizen.cpr, category?: 'aktivitetsparat' | 'jobparat') =>
    openCashBenefit(
      {
        caseId: 'KH-2027-2',
        municipality: '461',
        citizen: { ...citizen, cpr },
        ...(category ? { category } : {}),
      },
      law,
      T0,
      caseworker,
    );
  const ids = (state: CashBenefitState) => cashBenefit.deadlines(state).map((d) => `${d.id}:${d.status}`);

  test('no right and no letter after one year; staff reminded a month before 2 years, escalated at 2 years', () => {
    const state = openLaw();
    expect(state.category).toBe('aktivitetsparat');
    expect(cashBenefit.advanceClock(state, at('P1Y')).notifications).toEqual([]);
    expect(ids(state)).toEqual(['municipal-assessment:1:pending']);
    expect(cashBenefit.deadlines(state)[0]!.dueAt).toBe('2029-01-04T08:00:00.000Z');
    const reminded = cashBenefit.advanceClock(state, at('P23M'));
    expect(topicsOf(reminded)).toEqual(['deadline-reminder:caseworker']);
    expect(cashBenefit.advanceClock(state, at('P2Y', -1)).escalations).toEqual([]);
    const missed = cashBenefit.advanceClock(state, at('P2Y'));
    expect(missed.escalations.map((e) => e.deadlineId)).toEqual(['municipal-assessment:1']);
    expect(topicsOf(missed)).not.toContain('right-to-assessment:citizen+caseworker');
    // Repeated every 2 years, also after a missed one.
    expect(ids(missed)).toEqual(['municipal-assessment:1:breached', 'municipal-assessment:2:pending']);
    expect(cashBenefit.deadlines(missed)[1]!.dueAt).toBe('2031-01-04T08:00:00.000Z');
  });

  test('recorded in time it is met; the next comes 2 years later; not recordable months ahead', () => {
    expect(
      renderTexts(
        send(openLaw(), 'afklaringRecorded', { outcome: 'team' }, Date.parse('2028-10-04T07:00:00.000Z') - 1),
        'en',
      ),
    ).toEqual({
      ok: false,
      reason: 'afklaring 1 is due 2029-01-04; it can be recorded from 2028-10-04',
    });
    const result = send(
      openLaw(),
      'afklaringRecorded',
      { outcome: 'measure', note: 'virksomhedspraktik' },
      at('P23M'),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(ids(result.state)).toEqual(['municipal-assessment:1:met', 'municipal-assessment:2:pending']);
    expect(cashBenefit.isClosed(result.state)).toBe(false);
  });

  test('under 30 at the 2-year point: none then; the first comes at the point the recipient is 30 or more', () => {
    // Born 1 May 2000: 28 at 2 years (January 2029), 30 at 4 years (January 2031).
    const young = openLaw('010500-4444');
    expect(ids(young)).toEqual(['municipal-assessment:2:pending']);
    expect(cashBenefit.advanceClock(young, at('P3Y')).escalations).toEqual([]);
  });

  test('jobparat recipients have none; an interrupted spell ends the duty', () => {
    expect(ids(openLaw(citizen.cpr, 'jobparat'))).toEqual([]);
    const changed = send(openLaw(), 'categoryChanged', { category: 'jobparat' }, at('P1Y'));
    expect(changed.ok && ids(changed.state)).toEqual([]);
    const interrupted = send(openLaw(), 'cashBenefitInterrupted', { reason: 'employment' }, at('P1Y'));
    expect(interrupted.ok && cashBenefit.advanceClock(interrupted.state, at('P5Y')).escalations).toEqual([]);
  });

  test('the ruleset field: either the version 1 duration or assessment (null: nothing)', () => {
    const none = cashBenefit.advanceClock(
      openCashBenefit(
        { caseId: 'KH-3', municipality: '461', citizen },
        { ...law, cashBenefit: { assessment: null } },
        T0,
        caseworker,
      ),
      at('P10Y'),
    );
    expect(cashBenefit.deadlines(none)).toEqual([]);
    expect(RulesetSchema.safeParse({ ...law, cashBenefit: {} }).success).toBe(false);
    expect(
      RulesetSchema.safeParse({ ...law, cashBenefit: { assessmentRightAfter: 'P1Y', assessment: null } })
        .success,
    ).toBe(false);
  });
});
