import { createHash } from 'node:crypto';
import { ApplicationFailure, Context } from '@temporalio/activity';
import type { NotificationRecord } from '../src/domain/state';
import type { Directory } from '../src/notifications/directory';
import type { Mailer } from '../src/notifications/outbox';
import { renderNotification } from '../src/notifications/render';

export interface ActivityDependencies {
  mailer: Mailer;
  directory: Directory;
}

/** The error type a workflow treats as final: the address was refused, trying again will not help. */
export const DELIVERY_REJECTED = 'DeliveryRejected';

export function createActivities({ mailer, directory }: ActivityDependencies) {
  return {
    /**
     * Sends one notification to each of its recipients that has an address. The Message-ID is derived
     * from the notification's ID, so a retry after a crash sends the same message, not a second one.
     */
    async deliverNotification(
      notification: NotificationRecord,
      municipality: string,
    ): Promise<{ attempt: number }> {
      const attempt = Context.current().info.attempt;
      for (const [index, recipient] of notification.recipients.entries()) {
        const to = directory.addressFor(recipient, municipality);
        if (!to) continue;
        const { subject, text } = renderNotification(notification, recipient);
        try {
          await mailer.send({ messageId: messageIdFor(notification.id, index), to, subject, text });
        } catch (error) {
          if ((error as { permanent?: boolean }).permanent) {
            throw ApplicationFailure.nonRetryable(
              `${recipient.role}: ${(error as Error).message}`,
              DELIVERY_REJECTED,
            );
          }
          throw error;
        }
      }
      return { attempt };
    },
  };
}

export function messageIdFor(notificationId: string, recipientIndex: number): string {
  const digest = createHash('sha256').update(notificationId).digest('hex').slice(0, 32);
  return `${digest}.${recipientIndex}@ressourceforloeb.invalid`;
}
