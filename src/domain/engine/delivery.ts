import { produce } from 'immer';
import type { CaseBase, NotificationRecord } from './case';
import { DELIVERY_PREFIX, escalate } from './draft';
import { type Instant, toEpochMs, toInstant } from './time';
import { msg } from '../messages/message';

/**
 * The delivery side of the notification outbox. The workflow asks which notification to deliver
 * next, runs the delivery activity, and records what happened; a mail server that is down is tried
 * again with a growing pause, a permanent refusal is recorded and escalated.
 */
/** Pauses after a round of attempts failed (a round itself lasts about 13 minutes: see the workflow shell). */
export const RETRY_PAUSES_MS = [5 * 60_000, 30 * 60_000, 2 * 3_600_000, 6 * 3_600_000];

export function nextDelivery(state: CaseBase, now: number): NotificationRecord | undefined {
  return state.notifications.find(
    (notification) =>
      notification.delivery.status === 'pending' ||
      (notification.delivery.status === 'retrying' && toEpochMs(notification.delivery.retryAt!) <= now),
  );
}

/** When a notification waiting to be retried is next due, if any. */
export function nextRetryAt(state: CaseBase): number | undefined {
  const times = state.notifications
    .filter((notification) => notification.delivery.status === 'retrying')
    .map((notification) => toEpochMs(notification.delivery.retryAt!));
  return times.length > 0 ? Math.min(...times) : undefined;
}

export function hasUndelivered(state: CaseBase): boolean {
  return state.notifications.some(
    (notification) =>
      notification.delivery.status === 'pending' || notification.delivery.status === 'retrying',
  );
}

export type DeliveryResult =
  /** `withoutAddress`: recipients with no address to send to (a citizen without email, say). */
  | { status: 'sent'; attempts: number; withoutAddress?: number }
  /** `sentTo`: recipients (by their place in the notification) whose copy went out before the failure. */
  | { status: 'unavailable'; attempts: number; error: string; sentTo?: number[] }
  | { status: 'rejected'; attempts: number; error: string };

export function recordDelivery<S extends CaseBase>(
  state: S,
  id: string,
  result: DeliveryResult,
  now: number,
): S {
  const at: Instant = toInstant(now);
  return produce(state, (draft) => {
    const notification = draft.notifications.find((candidate) => candidate.id === id);
    if (!notification) return;
    const attempts = notification.delivery.attempts + result.attempts;
    switch (result.status) {
      case 'sent':
        notification.delivery = {
          status: 'sent',
          at,
          attempts,
          ...(result.withoutAddress ? { withoutAddress: result.withoutAddress } : {}),
        };
        return;
      case 'unavailable': {
        const rounds =
          notification.delivery.status === 'retrying' ? (notification.delivery.rounds ?? 1) + 1 : 1;
        const pause = RETRY_PAUSES_MS[Math.min(rounds - 1, RETRY_PAUSES_MS.length - 1)]!;
        notification.delivery = {
          status: 'retrying',
          at,
          attempts,
          rounds,
          retryAt: toInstant(now + pause),
          error: result.error,
          ...(result.sentTo?.length ? { sentTo: result.sentTo } : {}),
        };
        return;
      }
      case 'rejected':
        notification.delivery = { status: 'failed', at, attempts, error: result.error };
        // An escalation that cannot be delivered is recorded, not escalated again: that would go round.
        if (notification.topic === 'escalation') return;
        escalate(
          draft,
          `${DELIVERY_PREFIX}${id}`,
          msg('delivery.undeliverable', { topic: notification.topic, error: result.error }),
          at,
        );
        return;
    }
  });
}
