import * as wf from '@temporalio/workflow';
import type { createActivities } from '../activities';
import type { DeliveryResult, NotificationRecord } from '../src/domain/core';
import { failureTypes } from '../src/messages';
import { deliverySummary } from './ui-summaries';

/**
 * Attempts within one delivery round: Temporal tries again at most 30 seconds apart for about 13
 * minutes (2 s, 4 s, 8 s, 16 s, then every 30 s), so mail waiting out a mail server's outage of up to
 * 10 minutes goes within 30 seconds of its return. Retries inside a round cost the case's history
 * nothing; between rounds the case itself waits, longer each time (see src/domain/engine/delivery.ts).
 */
const DELIVERY_ATTEMPTS_PER_ROUND = 30;

const { deliverNotification } = wf.proxyActivities<ReturnType<typeof createActivities>>({
  startToCloseTimeout: '1 minute',
  heartbeatTimeout: '30 seconds',
  retry: {
    initialInterval: '2 seconds',
    backoffCoefficient: 2,
    maximumInterval: '30 seconds',
    maximumAttempts: DELIVERY_ATTEMPTS_PER_ROUND,
    nonRetryableErrorTypes: [failureTypes.deliveryRejected],
  },
});

/** One round of delivering a notification, and what the case records of it. */
export async function deliverOnce(
  notification: NotificationRecord,
  municipality: string,
): Promise<DeliveryResult> {
  try {
    const sentTo = notification.delivery.sentTo;
    const { attempt, withoutAddress } = await deliverNotification.executeWithOptions(
      { summary: deliverySummary(notification.recipients.map((recipient) => recipient.role)) },
      [notification, municipality, ...(sentTo ? [{ sent: sentTo }] : [])] as Parameters<
        typeof deliverNotification
      >,
    );
    return { status: 'sent', attempts: attempt, ...(withoutAddress ? { withoutAddress } : {}) };
  } catch (error) {
    return deliveryFailure(error);
  }
}

/** A final refusal (a person's own address refused for good), or a failure worth another round. */
function deliveryFailure(error: unknown): DeliveryResult {
  const cause = error instanceof wf.ActivityFailure ? error.cause : error;
  const message = cause instanceof Error ? cause.message : String(cause);
  if (cause instanceof wf.ApplicationFailure && cause.type === failureTypes.deliveryRejected) {
    return { status: 'rejected', attempts: 1, error: message };
  }
  // Which copies went out before the failure, as the activity reported them.
  const progress =
    cause instanceof wf.ApplicationFailure ? (cause.details?.[0] as { sent?: unknown }) : undefined;
  const sent = Array.isArray(progress?.sent) ? progress.sent.filter((index) => Number.isInteger(index)) : [];
  return {
    status: 'unavailable',
    attempts: DELIVERY_ATTEMPTS_PER_ROUND,
    error: message,
    sentTo: sent as number[],
  };
}
