import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApplicationFailure } from '@temporalio/common';
import { MockActivityEnvironment } from '@temporalio/testing';
import { DefaultLogger, type LogEntry } from '@temporalio/worker';
import { createActivities, type DeliveryProgress } from '../../activities';
import type { NotificationRecord } from '../../src/domain/engine/case';
import { createDirectory } from '../../src/notifications/directory';
import { messageIdFor } from '../../src/notifications/mailer';
import { createOutboxMailer, listOutbox } from '../../src/notifications/outbox';
import { createSmtpMailer } from '../../src/notifications/smtp';
import { TestSmtpServer } from './smtp-test-server';
import { createDeliveryLedger, memoryLedger } from '../../src/notifications/ledger';
import { openDatabase } from '../../src/store/database';

const FROM = 'Jobcenter København <noreply@kk.dk>';
const directory = createDirectory({});

function notification(overrides: Partial<NotificationRecord> = {}): NotificationRecord {
  return {
    id: 'KBH-2027-0042/decision-1',
    topic: 'decision',
    createdAt: '2027-02-01T08:00:00.000Z',
    recipients: [
      { role: 'citizen', name: 'Jens Jensen', email: 'jens@example.dk' },
      { role: 'relatives', id: 'r1', name: 'Mette Jensen', email: 'mette@example.dk' },
      { role: 'caseworker' },
    ],
    facts: {
      caseId: 'KBH-2027-0042',
      municipality: '101',
      decision: 'grant-course',
      alternative: '',
      complaintWindow: 'P4W',
    },
    delivery: { status: 'pending', attempts: 0 },
    ...overrides,
  };
}

/** Everything the activities log, across the tests: it must never hold an address or a name. */
const logs: LogEntry[] = [];
const logger = new DefaultLogger('TRACE', (entry) => logs.push(entry));

/** Runs the activity as Temporal would on the given attempt, collecting its heartbeats. */
async function deliver(
  activities: ReturnType<typeof createActivities>,
  record: NotificationRecord,
  info: { attempt?: number; heartbeatDetails?: unknown; municipality?: string } = {},
) {
  const env = new MockActivityEnvironment(
    { attempt: info.attempt ?? 1, heartbeatDetails: info.heartbeatDetails },
    { logger },
  );
  const heartbeats: unknown[] = [];
  env.on('heartbeat', (details: unknown) => heartbeats.push(details));
  try {
    const result = await env.run(activities.deliverNotification, record, info.municipality ?? '101');
    return { result, heartbeats, failure: undefined };
  } catch (error) {
    if (!(error instanceof ApplicationFailure)) throw error;
    return { result: undefined, heartbeats, failure: error };
  }
}

afterAll(() => {
  expect(logs.length).toBeGreaterThan(0);
  const logged = JSON.stringify(logs.map((entry) => [entry.message, entry.meta]));
  expect(logged).not.toMatch(/@|Jens|Mette|example|(?<!\d)\d{6}-?\d{4}(?!\d)/);
});

let smtp: TestSmtpServer;
beforeEach(async () => {
  smtp = await TestSmtpServer.create({ credentials: { user: 'rf@kk.dk', pass: 'p@ss:word' } });
});
afterEach(async () => {
  await smtp.stop();
});

const smtpActivities = (timeoutsMs?: { connection?: number; greeting?: number; socket?: number }) =>
  createActivities({
    ledger: memoryLedger(),
    mailer: createSmtpMailer({ url: smtp.url, from: FROM, ...(timeoutsMs ? { timeoutsMs } : {}) }),
    directory,
    messageIdDomain: 'kk.dk',
  });

describe('SMTP delivery', () => {
  test('a run after Temporal lost the completion (no heartbeat to go by) sends nothing again: the ledger knows', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rf-ledger-'));
    const ledger = await createDeliveryLedger(openDatabase({ sqlitePath: join(dir, 'ledger.sqlite') }));
    const activities = createActivities({
      ledger,
      mailer: createSmtpMailer({ url: smtp.url, from: FROM }),
      directory,
      messageIdDomain: 'kk.dk',
    });
    await deliver(activities, notification());
    expect(smtp.received).toHaveLength(3);
    // The activity runs again as a new attempt, as after a lost completion: nothing in its heartbeat.
    const again = await deliver(activities, notification(), { attempt: 2 });
    expect(again.result).toMatchObject({ sent: 3 });
    expect(smtp.received).toHaveLength(3);
    // The same file opened anew (another worker process, a restart) knows the same.
    const reopened = await createDeliveryLedger(openDatabase({ sqlitePath: join(dir, 'ledger.sqlite') }));
    expect(await reopened.wasSent(messageIdFor(notification().id, 0, 'kk.dk'))).toBe(true);
  });

  test('each recipient gets its own message over an authenticated SMTP URL, with a Message-ID that follows from the notification', async () => {
    const record = notification();
    const { result, heartbeats } = await deliver(smtpActivities(), record);
    expect(result).toMatchObject({ sent: 3, withoutAddress: 0 });
    expect(smtp.received.map((mail) => mail.to)).toEqual([
      ['jens@example.dk'],
      ['mette@example.dk'],
      ['jobcenter@kommune-101.invalid'],
    ]);
    expect(smtp.received.map((mail) => mail.messageId)).toEqual(
      [0, 1, 2].map((i) => messageIdFor(record.id, i, 'kk.dk')),
    );
    expect(smtp.received[0]).toMatchObject({
      from: 'noreply@kk.dk',
      subject: 'Sag KBH-2027-0042: afgørelse',
    });
    expect(smtp.received[0]!.text).toContain('Kære Jens Jensen');
    expect(smtp.received[0]!.text).toContain('Kommunen har besluttet, at du skal have et ressourceforløb.');
    expect(smtp.received[0]!.headers.get('auto-submitted')).toBe('auto-generated');
    // One message, two forms of the same letter: plain text and simple accessible HTML in Danish.
    expect(smtp.received[0]!.headers.get('content-type')).toMatchObject({ value: 'multipart/alternative' });
    expect(smtp.received[0]!.html).toContain('<html lang="da">');
    expect(smtp.received[0]!.html).toContain('<h1>Sag KBH-2027-0042: afgørelse</h1>');
    expect(smtp.received[0]!.html).toContain('<h2>Sådan klager du</h2>');
    expect(smtp.received[0]!.html).toContain(
      '<p>Kommunen har besluttet, at du skal have et ressourceforløb. Din sagsbehandler kontakter dig om, hvordan forløbet skal begynde.</p>',
    );
    expect(smtp.received[0]!.html).not.toMatch(/<img|cid:/);
    expect(heartbeats).toEqual([{ sent: [0] }, { sent: [0, 1] }, { sent: [0, 1, 2] }]);

    // Sent again (a retry after a crash before the heartbeat): the very same messages, not new ones.
    await deliver(smtpActivities(), record, { attempt: 2 });
    expect([...smtp.countsByMessageId().values()]).toEqual([2, 2, 2]);
  });

  test('a retry after a partial failure sends only the copies still missing (heartbeat details)', async () => {
    let refusals = 1;
    smtp.rcpt = (address) =>
      address === 'mette@example.dk' && refusals-- > 0
        ? { code: 451, message: '4.3.0 mailbox temporarily unavailable' }
        : undefined;
    const record = notification();
    const first = await deliver(smtpActivities(), record);
    expect(first.failure).toMatchObject({ type: 'DeliveryUnavailable', nonRetryable: false });
    expect(first.failure!.message).toBe(
      'mail to the relatives was not sent: the mail server answered 451 to RCPT TO',
    );
    expect(first.failure!.details).toEqual([{ sent: [0] } satisfies DeliveryProgress]);

    const second = await deliver(smtpActivities(), record, {
      attempt: 2,
      heartbeatDetails: first.heartbeats.at(-1),
    });
    expect(second.result).toMatchObject({ attempt: 2, sent: 3 });
    expect(smtp.received.map((mail) => mail.to[0])).toEqual([
      'jens@example.dk',
      'mette@example.dk',
      'jobcenter@kommune-101.invalid',
    ]);
    expect(smtp.duplicates()).toEqual([]);
  });

  test('copies sent in an earlier round (given by the workflow) are not sent again', async () => {
    const env = new MockActivityEnvironment({}, { logger });
    await env.run(smtpActivities().deliverNotification, notification(), '101', { sent: [0, 2] });
    expect(smtp.received.map((mail) => mail.to[0])).toEqual(['mette@example.dk']);
  });

  test.each([
    [550, '5.1.1 <mette@example.dk>: Recipient address rejected: User unknown'],
    [553, '5.1.3 <mette@example.dk>: mailbox name not allowed'],
  ])(
    'a %i reply to RCPT TO is final: DeliveryRejected, naming the role and never the address',
    async (code, text) => {
      smtp.rcpt = (address) => (address === 'mette@example.dk' ? { code, message: text } : undefined);
      const { failure } = await deliver(smtpActivities(), notification());
      expect(failure).toMatchObject({ type: 'DeliveryRejected', nonRetryable: true });
      expect(failure!.message).toBe(
        `the relatives's address was refused: the mail server refused the address or the message (${code} to RCPT TO)`,
      );
      expect(failure!.message).not.toMatch(/mette|example|@/i);
    },
  );

  test('a refused address from the directory is a configuration problem: not final, and not escalated', async () => {
    smtp.rcpt = (address) =>
      address === 'jobcenter@kommune-101.invalid'
        ? { code: 550, message: '5.1.1 no such mailbox' }
        : undefined;
    const { failure } = await deliver(smtpActivities(), notification());
    expect(failure).toMatchObject({ type: 'DeliveryUnavailable', nonRetryable: false });
    expect(failure!.message).toBe(
      "the caseworker's address in the directory was refused (550): correct RF_DIRECTORY_FILE",
    );
    expect(failure!.details).toEqual([{ sent: [0, 1] }]);
  });

  test('a 4xx reply is not final', async () => {
    smtp.rcpt = () => ({ code: 452, message: '4.2.2 mailbox full, try later' });
    const { failure } = await deliver(smtpActivities(), notification());
    expect(failure).toMatchObject({ type: 'DeliveryUnavailable', nonRetryable: false });
    expect(failure!.message).not.toContain('@');
  });

  test('a refused connection is not final', async () => {
    await smtp.stop();
    const { failure } = await deliver(smtpActivities(), notification());
    expect(failure).toMatchObject({ type: 'DeliveryUnavailable', nonRetryable: false });
    expect(failure!.message).toBe(
      'mail to the citizen was not sent: the mail server could not be reached (ECONNREFUSED)',
    );
  });

  test('wrong credentials are not final (the operator fixes RF_SMTP_URL, then the mail goes)', async () => {
    const activities = createActivities({
      ledger: memoryLedger(),
      mailer: createSmtpMailer({ url: `smtp://rf%40kk.dk:wrong@127.0.0.1:${smtp.port}`, from: FROM }),
      directory,
    });
    const { failure } = await deliver(activities, notification());
    expect(failure).toMatchObject({ type: 'DeliveryUnavailable', nonRetryable: false });
    expect(failure!.message).toMatch(/535 to AUTH/);
    expect(failure!.message).not.toContain('wrong');
  });

  test('a server that accepts the connection and never answers times out, not final', async () => {
    const sockets: Socket[] = [];
    const silent: Server = createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as { port: number };
    try {
      const activities = createActivities({
        ledger: memoryLedger(),
        mailer: createSmtpMailer({
          url: `smtp://127.0.0.1:${port}`,
          from: FROM,
          timeoutsMs: { greeting: 200 },
        }),
        directory,
      });
      const { failure } = await deliver(activities, notification());
      expect(failure).toMatchObject({ type: 'DeliveryUnavailable', nonRetryable: false });
      expect(failure!.message).toMatch(/ETIMEDOUT/);
    } finally {
      sockets.forEach((socket) => socket.destroy());
      await new Promise((resolve) => silent.close(resolve));
    }
  });

  test('a citizen without an email address is skipped; staff without an address make the delivery wait', async () => {
    const record = notification({
      recipients: [{ role: 'citizen', name: 'Jens Jensen' }, { role: 'supervisor' }],
      topic: 'escalation',
      facts: { caseId: 'KBH-2027-0042', municipality: '102', reason: 'x', escalationId: 'esc-1', level: 1 },
    });
    const noFallback = createActivities({
      ledger: memoryLedger(),
      mailer: createSmtpMailer({ url: smtp.url, from: FROM }),
      directory: createDirectory(
        { '101': { supervisor: 'a@kk.dk', 'head-of-department': 'b@kk.dk', jobcentre: 'c@kk.dk' } },
        null,
      ),
    });
    const { failure } = await deliver(noFallback, record, { municipality: '102' });
    expect(failure).toMatchObject({ type: 'DeliveryUnavailable', nonRetryable: false });
    expect(failure!.message).toBe(
      'no address for the supervisor of municipality 102: add it to RF_DIRECTORY_FILE',
    );

    const { result } = await deliver(smtpActivities(), record, { municipality: '102' });
    expect(result).toMatchObject({ sent: 1, withoutAddress: 1 });
    expect(smtp.received.map((mail) => mail.to[0])).toEqual(['leder@kommune-102.invalid']);
  });
});

describe('the outbox folder (the embedded default)', () => {
  test('a message is written once: sending it again leaves the first file as it was', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'rf-outbox-')), 'outbox');
    const mailer = createOutboxMailer(dir, FROM);
    const message = {
      messageId: 'once.0@kk.dk',
      to: 'jens@example.dk',
      subject: 'Sag X: afgørelse',
      text: 'first\n',
    };
    await mailer.send(message);
    const [file] = readdirSync(dir);
    const first = statSync(join(dir, file!));
    await new Promise((resolve) => setTimeout(resolve, 20));
    await mailer.send({ ...message, text: 'second\n' });
    expect(readdirSync(dir)).toEqual([file]);
    expect(statSync(join(dir, file!)).ino).toBe(first.ino);
    expect(statSync(join(dir, file!)).mtimeMs).toBe(first.mtimeMs);
    expect(readFileSync(join(dir, file!), 'utf8')).toContain('first');
  });

  test('every message is an .eml file named by its Message-ID; a retry writes nothing; the listing is newest first', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'rf-outbox-')), 'outbox');
    expect(await listOutbox(dir)).toEqual([]);
    const activities = createActivities({
      ledger: memoryLedger(),
      mailer: createOutboxMailer(dir, FROM),
      directory,
      messageIdDomain: 'kk.dk',
    });
    const record = notification();
    await deliver(activities, record);
    await deliver(activities, record, { attempt: 2 });
    const files = readdirSync(dir).sort();
    expect(files).toEqual([0, 1, 2].map((i) => `${messageIdFor(record.id, i, 'kk.dk')}.eml`).sort());
    expect(readFileSync(join(dir, files[0]!), 'utf8')).toContain('Auto-Submitted: auto-generated');

    await deliver(
      activities,
      notification({
        id: 'KBH-2027-0042/concluded',
        topic: 'course-concluded',
        facts: { caseId: 'KBH-2027-0042', municipality: '101', outcome: 'job' },
        recipients: [{ role: 'citizen', name: 'Jens Jensen', email: 'jens@example.dk' }],
      }),
    );
    const listing = await listOutbox(dir);
    expect(listing).toHaveLength(4);
    expect(listing[0]).toEqual({
      file: `${messageIdFor('KBH-2027-0042/concluded', 0, 'kk.dk')}.eml`,
      messageId: messageIdFor('KBH-2027-0042/concluded', 0, 'kk.dk'),
      to: 'jens@example.dk',
      subject: 'Sag KBH-2027-0042: ressourceforløbet er afsluttet',
      date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
    });
    expect(listing.slice(1).map((entry) => entry.subject)).toEqual(
      Array(3).fill('Sag KBH-2027-0042: afgørelse'),
    );
    expect(Date.parse(listing[0]!.date)).toBeGreaterThanOrEqual(Date.parse(listing[1]!.date));
    expect(await listOutbox(dir, { limit: 2 })).toHaveLength(2);
  });
});
