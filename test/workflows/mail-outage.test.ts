import { Context } from '@temporalio/activity';
import type { Actor } from '../../src/domain';
import { loadRuleset } from '../../src/config/rulesets';
import { MailDeliveryError, type Mailer } from '../../src/notifications/mailer';
import { startTimeSkipping, type TimeSkippingHarness } from '../helpers/time-skipping';

/**
 * After a mail server's outage of up to 10 minutes, the mail that waited goes out within 90 seconds
 * of its return. The outage is kept on the test server's clock (time-skipped): the mail server is
 * "down" for every attempt Temporal schedules before the outage ends.
 */
const caseworker: Actor = { id: 'cw-1', role: 'caseworker' };
const MINUTE = 60_000;
let outageEndsAt = 0;
const attempts: Array<{ scheduledAt: number; sent: boolean }> = [];

const mailServerWithOutage: Mailer = {
  async send() {
    const scheduledAt = Context.current().info.currentAttemptScheduledTimestampMs;
    const sent = scheduledAt >= outageEndsAt;
    attempts.push({ scheduledAt, sent });
    if (!sent)
      throw new MailDeliveryError('unavailable', 'the mail server could not be reached (ECONNREFUSED)');
  },
};

let h: TimeSkippingHarness;
beforeAll(async () => {
  h = await startTimeSkipping({ transport: mailServerWithOutage });
});
afterAll(async () => {
  await h?.teardown();
});

test.each([2, 10])(
  'an outage of %i minutes: the waiting mail goes within 90 s of the return',
  async (minutes) => {
    attempts.length = 0;
    const caseId = `outage-${minutes}`;
    outageEndsAt = (await h.env.currentTimeMs()) + minutes * MINUTE;
    await h.cases.open(
      {
        caseId,
        municipality: '101',
        citizen: { cpr: '010190-1234', name: 'Jens', email: 'jens@example.dk' },
      },
      loadRuleset('seeds-2017'),
      caseworker,
    );
    // The team's dissent is told to the citizen at once: that letter meets the outage.
    await h.cases.send(
      caseId,
      'teamRecommendation',
      {
        recommends: 'ressourceforloeb',
        unanimous: false,
        dissent: [{ member: 'jobkonsulent', opinion: 'another measure first' }],
        citizenAttendedWholeMeeting: true,
      },
      caseworker,
    );
    await h.sleepUntil(outageEndsAt + 5 * MINUTE);
    const sent = attempts.find((attempt) => attempt.sent);
    expect(attempts.filter((attempt) => !attempt.sent).length).toBeGreaterThan(2);
    expect(sent).toBeDefined();
    expect(sent!.scheduledAt - outageEndsAt).toBeLessThanOrEqual(90_000);
    const state = await h.cases.state(caseId);
    expect(
      state.notifications.find((notification) => notification.topic === 'team-dissent')!.delivery.status,
    ).toBe('sent');
  },
);
