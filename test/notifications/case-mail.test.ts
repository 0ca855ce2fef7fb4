import type { Actor, CaseView } from '../../src/domain';
import { loadRuleset } from '../../src/config/rulesets';
import { createDirectory } from '../../src/notifications/directory';
import { createSmtpMailer } from '../../src/notifications/smtp';
import { startTimeSkipping, type TimeSkippingHarness } from '../helpers/time-skipping';
import { type ReceivedMail, TestSmtpServer } from './smtp-test-server';

/**
 * Cases run by the workflow (time-skipping test server) whose notifications go as real mail to an
 * SMTP server started here: who receives what, the escalation chain, an outage, a refused address.
 */
const caseworker: Actor = { id: 'cw-1', role: 'caseworker' };
const supervisor: Actor = { id: 'sup-1', role: 'supervisor' };
const seeds = loadRuleset('seeds-2017');
const DAY = 86_400_000;
const CPR = '010190-1234';
const STAFF = {
  name: 'Københavns Kommune',
  supervisor: 'leder@kk.dk',
  'head-of-department': 'chef@kk.dk',
  jobcentre: 'jobcenter@kk.dk',
};

let smtp: TestSmtpServer;
let h: TimeSkippingHarness;

beforeAll(async () => {
  smtp = await TestSmtpServer.create();
  h = await startTimeSkipping({
    transport: createSmtpMailer({ url: smtp.url, from: 'Jobcenter København <noreply@kk.dk>' }),
    directory: createDirectory({ '101': STAFF }),
  });
});
afterAll(async () => {
  await h?.teardown();
  await smtp?.stop();
});

async function openCase(caseId: string, citizenEmail = 'borger@example.dk'): Promise<void> {
  await h.cases.open(
    { caseId, municipality: '101', citizen: { cpr: CPR, name: 'Jens Jensen', email: citizenEmail } },
    seeds,
    caseworker,
  );
}

async function openCourse(caseId: string): Promise<number> {
  await openCase(caseId);
  return h.grantCourse(caseId, caseworker, {
    caseworkerId: 'cw-1',
    name: 'Sara Sagsbehandler',
    email: 'sara@kk.dk',
  });
}

/** Waits (in real time: activities run for real) until no notification of the case is pending. */
async function delivered(caseId: string): Promise<CaseView> {
  const giveUp = Date.now() + 20_000;
  for (;;) {
    const state = await h.cases.state(caseId);
    if (
      state.notifications.every(({ delivery }) => delivery.status === 'sent' || delivery.status === 'failed')
    )
      return state;
    if (Date.now() > giveUp)
      throw new Error(
        `not delivered: ${JSON.stringify(state.notifications.map(({ id, delivery }) => ({ id, delivery })))}`,
      );
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const mailsOf = (caseId: string): ReceivedMail[] =>
  smtp.received.filter((mail) => mail.subject.startsWith(`Sag ${caseId}: `));
const subjectsTo = (caseId: string, address: string): string[] =>
  mailsOf(caseId)
    .filter((mail) => mail.to.includes(address))
    .map((mail) => mail.subject.slice(`Sag ${caseId}: `.length));

test('citizen, caseworker and relatives each get their own message; relatives only with consent, only about what it covers', async () => {
  const id = 'nt-people';
  await openCase(id);
  const relative = (relativeId: string, name: string, email: string) =>
    h.cases.send(id, 'relativeRegistered', { relativeId, name, relation: 'family', email }, caseworker);
  await relative('r1', 'Mette Jensen', 'mette@example.dk');
  await relative('r2', 'Ole Jensen', 'ole@example.dk');
  await relative('r3', 'Per Jensen', 'per@example.dk');
  await h.cases.send(
    id,
    'relativeConsent',
    { relativeId: 'r1', consent: true, covers: ['decisions'] },
    caseworker,
  );
  await h.cases.send(
    id,
    'relativeConsent',
    { relativeId: 'r3', consent: true, covers: ['deadlines'] },
    caseworker,
  );
  // Ole consented once and withdrew: he is told nothing.
  await h.cases.send(
    id,
    'relativeConsent',
    { relativeId: 'r2', consent: true, covers: ['decisions'] },
    caseworker,
  );
  await h.cases.send(id, 'relativeConsent', { relativeId: 'r2', consent: false, covers: [] }, caseworker);
  await h.cases.send(
    id,
    'caseworkerAssigned',
    { caseworkerId: 'cw-1', name: 'Sara Sagsbehandler', email: 'sara@kk.dk' },
    caseworker,
  );
  await h.cases.send(
    id,
    'teamRecommendation',
    {
      recommends: 'ressourceforloeb',
      unanimous: false,
      dissent: [{ member: 'sundhedskoordinator', opinion: 'the citizen is too ill for a course now' }],
      citizenAttendedWholeMeeting: true,
    },
    caseworker,
  );
  await h.cases.send(
    id,
    'municipalDecision',
    { decision: 'grant-course', reasoning: 'as recommended' },
    caseworker,
  );
  const start = await h.env.currentTimeMs();
  // Ten months in: the first reminder that a real offer must start within the year.
  await h.sleepUntil(start + 310 * DAY);
  const state = await delivered(id);

  expect(subjectsTo(id, 'borger@example.dk')).toEqual([
    'rehabiliteringsteamet var ikke enigt',
    'afgørelse',
    'påmindelse om frist',
  ]);
  expect(subjectsTo(id, 'mette@example.dk')).toEqual(['rehabiliteringsteamet var ikke enigt', 'afgørelse']);
  expect(subjectsTo(id, 'per@example.dk')).toEqual(['påmindelse om frist']);
  expect(subjectsTo(id, 'ole@example.dk')).toEqual([]);
  expect(subjectsTo(id, 'sara@kk.dk')).toEqual([
    // The first measure (3 months): reminder and breach; then the real offer (1 year): reminder.
    'påmindelse om frist',
    'frist overskredet',
    'påmindelse om frist',
  ]);
  // One message per recipient, and every message the case queued arrived once.
  expect(mailsOf(id).every((mail) => mail.to.length === 1)).toBe(true);
  const queued = state.notifications.reduce((sum, notification) => sum + notification.recipients.length, 0);
  expect(new Set(mailsOf(id).map((mail) => mail.messageId)).size).toBe(queued);
  expect(mailsOf(id)).toHaveLength(queued);

  const [toCitizen] = mailsOf(id).filter((mail) => mail.to[0] === 'borger@example.dk');
  expect(toCitizen!.from).toBe('noreply@kk.dk');
  expect(toCitizen!.text).toContain('Kære Jens Jensen');
  expect(toCitizen!.text).toContain(
    'anbefaler et ressourceforløb. Teamet var ikke enigt. Disse medlemmer var uenige: sundhedskoordinator.',
  );
  expect(toCitizen!.text).toContain('Jobcentret, Københavns Kommune');
  const toMette = mailsOf(id).filter((mail) => mail.to[0] === 'mette@example.dk');
  expect(toMette[1]!.text).toContain('Kære Mette Jensen');
  expect(toMette[1]!.text).toContain('Kommunen har besluttet, at borgeren skal have et ressourceforløb.');
  const toPer = mailsOf(id).find((mail) => mail.to[0] === 'per@example.dk')!;
  expect(toPer.text).toMatch(/skal være gået i gang senest den \d{1,2}\. \S+ \d{4}\./);
  // The dissenters' views are the citizen's to read (issue 15), in no other letter; no CPR number anywhere.
  expect(toCitizen!.text).toContain('- sundhedskoordinator: the citizen is too ill for a course now');
  for (const mail of mailsOf(id)) {
    expect(`${mail.subject}\n${mail.text}`).not.toMatch(/(?<!\d)\d{6}-?\d{4}(?!\d)/);
    if (mail !== toCitizen) expect(`${mail.subject}\n${mail.text}`).not.toMatch(/too ill/);
  }
});

test('a breach escalates to the supervisor at once and, unacknowledged, to the head of department two weeks later', async () => {
  const start = await openCourse('nt-esc-open');
  const alsoStart = await openCourse('nt-esc-ack');
  expect(alsoStart - start).toBeLessThan(DAY);
  // No measure within 3 months (the seeds' first-measure deadline): breach, escalation level 1.
  await h.sleepUntil(start + 93 * DAY);
  for (const id of ['nt-esc-open', 'nt-esc-ack']) {
    await delivered(id);
    expect(subjectsTo(id, 'sara@kk.dk')).toEqual(['påmindelse om frist', 'frist overskredet']);
    expect(subjectsTo(id, 'leder@kk.dk')).toEqual(['eskalering (niveau 1)']);
    expect(subjectsTo(id, 'chef@kk.dk')).toEqual([]);
  }
  const acknowledged = await h.cases.state('nt-esc-ack');
  await h.cases.send(
    'nt-esc-ack',
    'escalationAcknowledged',
    { escalationId: acknowledged.escalations[0]!.id },
    supervisor,
  );

  await h.sleepUntil(start + (93 + 15) * DAY);
  await delivered('nt-esc-open');
  await delivered('nt-esc-ack');
  expect(subjectsTo('nt-esc-open', 'chef@kk.dk')).toEqual(['eskalering (niveau 2)']);
  expect(subjectsTo('nt-esc-ack', 'chef@kk.dk')).toEqual([]);
  expect(subjectsTo('nt-esc-ack', 'leder@kk.dk')).toEqual(['eskalering (niveau 1)']);

  const [toSupervisor] = mailsOf('nt-esc-open').filter((mail) => mail.to[0] === 'leder@kk.dk');
  expect(toSupervisor!.text).toContain('Sag nt-esc-open er eskaleret til dig (niveau 1).');
  const [toHead] = mailsOf('nt-esc-open').filter((mail) => mail.to[0] === 'chef@kk.dk');
  expect(toHead!.text).toContain('er ikke blevet kvitteret af en leder inden for fristen');
});

test('a mail server that refuses connections for a while: every message arrives once it is back, none twice', async () => {
  const id = 'nt-outage';
  await smtp.stop();
  try {
    await openCase(id);
    await h.cases.send(
      id,
      'relativeRegistered',
      { relativeId: 'r1', name: 'Mette Jensen', relation: 'spouse', email: 'mette@example.dk' },
      caseworker,
    );
    await h.cases.send(
      id,
      'relativeConsent',
      { relativeId: 'r1', consent: true, covers: ['decisions'] },
      caseworker,
    );
    await h.cases.send(
      id,
      'teamRecommendation',
      {
        recommends: 'ressourceforloeb',
        unanimous: false,
        dissent: [{ member: 'jobkonsulent', opinion: 'another measure first' }],
        citizenAttendedWholeMeeting: true,
      },
      caseworker,
    );
    // The first attempt meets a closed port; Temporal tries again 2 seconds later.
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(mailsOf(id)).toEqual([]);
  } finally {
    await smtp.start();
  }
  await h.cases.send(
    id,
    'municipalDecision',
    { decision: 'grant-course', reasoning: 'as recommended' },
    caseworker,
  );
  const state = await delivered(id);
  const [dissent] = state.notifications;
  expect(dissent!.delivery).toMatchObject({ status: 'sent', attempts: 2 });
  expect(state.notifications.every(({ delivery }) => delivery.status === 'sent')).toBe(true);
  const queued = state.notifications.reduce((sum, notification) => sum + notification.recipients.length, 0);
  expect(queued).toBe(4);
  expect(mailsOf(id)).toHaveLength(queued);
  expect(smtp.duplicates()).toEqual([]);
});

test('a message refused for one recipient for a while is retried for that recipient only', async () => {
  const id = 'nt-partial';
  let refusals = 1;
  smtp.rcpt = (address) =>
    address === 'mette.partial@example.dk' && refusals-- > 0
      ? { code: 451, message: '4.2.1 mailbox busy, try again later' }
      : undefined;
  try {
    await openCase(id);
    await h.cases.send(
      id,
      'relativeRegistered',
      { relativeId: 'r1', name: 'Mette Jensen', relation: 'spouse', email: 'mette.partial@example.dk' },
      caseworker,
    );
    await h.cases.send(
      id,
      'relativeConsent',
      { relativeId: 'r1', consent: true, covers: ['decisions'] },
      caseworker,
    );
    await h.cases.send(
      id,
      'teamRecommendation',
      {
        recommends: 'ressourceforloeb',
        unanimous: false,
        dissent: [{ member: 'jobkonsulent', opinion: 'another measure first' }],
        citizenAttendedWholeMeeting: true,
      },
      caseworker,
    );
    const state = await delivered(id);
    expect(state.notifications[0]!.delivery).toMatchObject({ status: 'sent', attempts: 2 });
    expect(smtp.rcptAttempts.filter((address) => address === 'mette.partial@example.dk')).toHaveLength(2);
    // The citizen's copy went in the first attempt; the second attempt sent only Mette's.
    expect(mailsOf(id).map((mail) => mail.to[0])).toEqual(['borger@example.dk', 'mette.partial@example.dk']);
    expect(smtp.duplicates()).toEqual([]);
  } finally {
    smtp.rcpt = () => undefined;
  }
});

test('an address refused for good is recorded on the case as failed and escalated; it is not tried again', async () => {
  const id = 'nt-rejected';
  const refused = 'findes-ikke@example.dk';
  smtp.rcpt = (address) =>
    address === refused
      ? { code: 550, message: `5.1.1 <${address}>: Recipient address rejected` }
      : undefined;
  try {
    await openCase(id, refused);
    await h.cases.send(
      id,
      'teamRecommendation',
      {
        recommends: 'ressourceforloeb',
        unanimous: false,
        dissent: [{ member: 'jobkonsulent', opinion: 'another measure first' }],
        citizenAttendedWholeMeeting: true,
      },
      caseworker,
    );
    const state = await delivered(id);
    const dissent = state.notifications.find((notification) => notification.topic === 'team-dissent')!;
    expect(dissent.delivery).toMatchObject({
      status: 'failed',
      error:
        "the citizen's address was refused: the mail server refused the address or the message (550 to RCPT TO)",
    });
    expect(JSON.stringify(state.notifications)).not.toContain(`refused: ${refused}`);
    expect(state.escalations).toEqual([
      expect.objectContaining({ deadlineId: `delivery:${dissent.id}`, levelRole: 'supervisor' }),
    ]);
    expect(subjectsTo(id, 'leder@kk.dk')).toEqual(['eskalering (niveau 1)']);
    const [toSupervisor] = mailsOf(id).filter((mail) => mail.to[0] === 'leder@kk.dk');
    // In Danish, as staff read it (issue 15); the technical error stays on the case's notification.
    expect(toSupervisor!.text).toContain(
      'Årsag: et brev i sagen kunne ikke leveres, fordi mailserveren afviste modtagerens adresse eller brevet. Brevet var en besked om, at rehabiliteringsteamet ikke var enigt.',
    );
    expect(toSupervisor!.text).not.toContain(refused);
    expect(smtp.rcptAttempts.filter((address) => address === refused)).toHaveLength(1);
  } finally {
    smtp.rcpt = () => undefined;
  }
});
