import type { Actor, Ruleset } from '../../src/domain';
import { loadRuleset } from '../../src/config/rulesets';
import { recordHistoriesIfAsked } from '../helpers/histories';
import { startTimeSkipping, type TimeSkippingHarness } from '../helpers/time-skipping';

const caseworker: Actor = { id: 'cw-4', role: 'caseworker' };
const seeds = loadRuleset('seeds-2017');
const law = loadRuleset('law-2022');
/** seeds-2017 as version 1 was (cases running today are pinned to it): the right ends the spell. */
const seedsVersion1: Ruleset = {
  ...seeds,
  version: 1,
  calendar: undefined,
  cashBenefit: { assessmentRightAfter: 'P1Y' },
};
const DAY = 86_400_000;
let h: TimeSkippingHarness;

beforeAll(async () => {
  h = await startTimeSkipping();
});
afterAll(async () => {
  try {
    await recordHistoriesIfAsked(h.env.client, ['kh-year', 'kh-interrupted', 'kh-team', 'kh-law']);
  } finally {
    await h?.teardown();
  }
});

async function openSpell(caseId: string, rules: Ruleset = seedsVersion1): Promise<number> {
  await h.cases.open(
    {
      kind: 'cash-benefit',
      caseId,
      municipality: '461',
      citizen: { cpr: '030375-3333', name: 'Ole', email: 'ole@example.dk' },
    },
    rules,
    caseworker,
    { executionTimeout: '36500 days' },
  );
  await h.cases.send(
    caseId,
    'caseworkerAssigned',
    { caseworkerId: 'cw-4', name: 'Bo', email: 'bo@odense.dk' },
    caseworker,
  );
  return h.env.currentTimeMs();
}

const mailsAbout = (caseId: string) => h.mailer.sent.filter((mail) => mail.subject.includes(caseId));

test('version 1: one continuous year: the citizen and the caseworker are told of the right to assessment, and the spell closes', async () => {
  await openSpell('kh-year');
  await h.env.sleep(364 * DAY);
  expect((await h.cases.stateOf('kh-year', 'cash-benefit')).phase).toBe('on-benefit');
  expect(mailsAbout('kh-year')).toEqual([]);
  const result = await h.env.client.workflow.getHandle('rf-kh-year').result();
  const { phase, rightGivenAt, spellStartedAt } = result as {
    phase: string;
    rightGivenAt: string;
    spellStartedAt: string;
  };
  expect(phase).toBe('right-given');
  expect(Date.parse(rightGivenAt) - Date.parse(spellStartedAt)).toBe(365 * DAY);
  expect(
    mailsAbout('kh-year')
      .map((mail) => mail.to)
      .sort(),
  ).toEqual(['bo@odense.dk', 'ole@example.dk']);
});

test('interrupted before the year is up: no right, nobody told, the spell closes', async () => {
  await openSpell('kh-interrupted');
  await h.env.sleep(300 * DAY);
  await h.cases.send('kh-interrupted', 'cashBenefitInterrupted', { reason: 'employment' }, caseworker);
  const result = await h.env.client.workflow.getHandle('rf-kh-interrupted').result();
  expect(result).toMatchObject({ phase: 'interrupted', interrupted: { reason: 'employment' } });
  expect(mailsAbout('kh-interrupted')).toEqual([]);
});

test('a fleksjob event sent to a kontanthjælp case is refused as the wrong kind of case', async () => {
  await openSpell('kh-wrong');
  await expect(h.cases.send('kh-wrong', 'hoursChanged', { weeklyHours: 4 }, caseworker)).rejects.toThrow(
    'case kh-wrong is a cash-benefit: it does not take hoursChanged',
  );
});

test('seeds (version 2): after the right, the caseworker must put the case to the team: escalated when late, closed when done', async () => {
  const start = await openSpell('kh-team', seeds);
  await h.sleepUntil(start + 366 * DAY);
  let view = await h.cases.stateOf('kh-team', 'cash-benefit');
  expect(view.phase).toBe('right-given');
  expect(view.deadlines.find((d) => d.id === 'team-referral')?.status).toBe('pending');
  await h.sleepUntil(start + 396 * DAY);
  view = await h.cases.stateOf('kh-team', 'cash-benefit');
  expect(view.deadlines.find((d) => d.id === 'team-referral')?.status).toBe('breached');
  expect(view.escalations.map((e) => `${e.deadlineId}:${e.status}`)).toEqual(['team-referral:open']);
  await h.cases.send('kh-team', 'caseSentToTeam', {}, caseworker);
  const result = (await h.env.client.workflow.getHandle('rf-kh-team').result()) as { phase: string };
  expect(result.phase).toBe('sent-to-team');
});

test('law (LAB § 36 a): the afklaring after 2 years reminds staff and escalates; the next follows 2 years later; no letter to the citizen', async () => {
  const start = await openSpell('kh-law', law);
  await h.sleepUntil(start + (2 * 365 + 2) * DAY);
  const view = await h.cases.stateOf('kh-law', 'cash-benefit');
  expect(view.deadlines.map((d) => `${d.id}:${d.status}`)).toEqual([
    'municipal-assessment:1:breached',
    'municipal-assessment:2:pending',
  ]);
  expect(view.escalations.map((e) => e.deadlineId)).toEqual(['municipal-assessment:1']);
  expect(mailsAbout('kh-law').filter((mail) => mail.to === 'ole@example.dk')).toEqual([]);
  expect(mailsAbout('kh-law').some((mail) => mail.to === 'bo@odense.dk')).toBe(true);
  await h.cases.send('kh-law', 'afklaringRecorded', { outcome: 'team' }, caseworker);
  expect(
    (await h.cases.stateOf('kh-law', 'cash-benefit')).deadlines.map((d) => `${d.id}:${d.status}`),
  ).toEqual(['municipal-assessment:1:met', 'municipal-assessment:2:pending']);
});
