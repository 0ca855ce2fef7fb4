import type { Actor } from '../../src/domain';
import { loadRuleset } from '../../src/config/rulesets';
import { recordHistoriesIfAsked } from '../helpers/histories';
import { startTimeSkipping, type TimeSkippingHarness } from '../helpers/time-skipping';

const caseworker: Actor = { id: 'cw-4', role: 'caseworker' };
const seeds = loadRuleset('seeds-2017');
const DAY = 86_400_000;
let h: TimeSkippingHarness;

beforeAll(async () => {
  h = await startTimeSkipping();
});
afterAll(async () => {
  try {
    await recordHistoriesIfAsked(h.env.client, ['kh-year', 'kh-interrupted']);
  } finally {
    await h?.teardown();
  }
});

async function openSpell(caseId: string): Promise<number> {
  await h.cases.open(
    {
      kind: 'cash-benefit',
      caseId,
      municipality: '461',
      citizen: { cpr: '030375-3333', name: 'Ole', email: 'ole@example.dk' },
    },
    seeds,
    caseworker,
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

test('one continuous year: the citizen and the caseworker are told of the right to assessment, and the spell closes', async () => {
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
