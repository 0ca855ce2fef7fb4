import { nextDelivery, nextRetryAt, recordDelivery } from '../../src/domain';
import { RETRY_PAUSES_MS } from '../../src/domain/engine/delivery';
import { advanceClock, after, open, topics } from '../helpers/core';

/** The delivery side of the outbox: what the case records when a message went out, waits, or failed. */
/** Between rounds of attempts the case waits, longer after each round that failed. */
const [FIRST_PAUSE, SECOND_PAUSE] = RETRY_PAUSES_MS as [number, number];
const breached = () => advanceClock(open(), after('P2W')); // caseworker waiting time: breach + escalation

test('a message that cannot go out waits and is tried again later, remembering the copies already sent', () => {
  const state = breached();
  const first = nextDelivery(state, after('P2W'))!;
  const waiting = recordDelivery(
    state,
    first.id,
    { status: 'unavailable', attempts: 3, error: 'ECONNREFUSED', sentTo: [0] },
    after('P2W'),
  );
  const record = waiting.notifications.find((notification) => notification.id === first.id)!;
  expect(record.delivery).toMatchObject({
    status: 'retrying',
    rounds: 1,
    attempts: 3,
    sentTo: [0],
    error: 'ECONNREFUSED',
  });
  expect(nextRetryAt(waiting)).toBe(after('P2W') + FIRST_PAUSE);
  expect(nextDelivery(waiting, after('P2W'))?.id).not.toBe(first.id);
  expect(nextDelivery(waiting, after('P2W') + FIRST_PAUSE)?.id).toBeDefined();
  const again = recordDelivery(
    waiting,
    first.id,
    { status: 'unavailable', attempts: 3, error: 'ECONNREFUSED' },
    after('P2W') + FIRST_PAUSE,
  );
  expect(again.notifications.find((notification) => notification.id === first.id)!.delivery).toMatchObject({
    rounds: 2,
    attempts: 6,
    retryAt: new Date(after('P2W') + FIRST_PAUSE + SECOND_PAUSE).toISOString(),
  });
});

test('a refused address is recorded and escalated; a refused escalation is recorded, not escalated again', () => {
  const state = breached();
  const breach = state.notifications.find((notification) => notification.topic === 'deadline-breached')!;
  const failed = recordDelivery(
    state,
    breach.id,
    { status: 'rejected', attempts: 1, error: 'caseworker: 550' },
    after('P3W'),
  );
  expect(failed.notifications.find((notification) => notification.id === breach.id)!.delivery.status).toBe(
    'failed',
  );
  expect(failed.escalations.map((escalation) => escalation.deadlineId)).toEqual([
    'coordinating-caseworker',
    `delivery:${breach.id}`,
  ]);

  const escalation = failed.notifications
    .filter((notification) => notification.topic === 'escalation')
    .pop()!;
  const refusedAgain = recordDelivery(
    failed,
    escalation.id,
    { status: 'rejected', attempts: 1, error: 'supervisor: 550' },
    after('P3W'),
  );
  expect(refusedAgain.escalations).toHaveLength(2);
  expect(topics(refusedAgain).filter((topic) => topic.startsWith('escalation'))).toHaveLength(2);
});

test('a message sent is recorded with the recipients who had no address', () => {
  const state = breached();
  const first = state.notifications[0]!;
  const sent = recordDelivery(
    state,
    first.id,
    { status: 'sent', attempts: 2, withoutAddress: 1 },
    after('P2W'),
  );
  expect(sent.notifications[0]!.delivery).toMatchObject({ status: 'sent', attempts: 2, withoutAddress: 1 });
});
