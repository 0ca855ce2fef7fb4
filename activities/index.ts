import { ApplicationFailure, Context } from '@temporalio/activity';
import { z } from 'zod';
import type { NotificationRecord, Recipient } from '../src/domain/engine/case';
import { failureTypes } from '../src/messages/failures';
import type { Directory } from '../src/notifications/directory';
import type { DeliveryLedger } from '../src/notifications/ledger';
import { classifyMailError, type Mailer, messageIdFor } from '../src/notifications/mailer';
import { loadTemplates, renderMessage, type TemplateSet } from '../src/notifications/templates';

export interface ActivityDependencies {
  mailer: Mailer;
  directory: Directory;
  /** Which copies went out: consulted before each copy, written as soon as the mail server accepts it. */
  ledger: DeliveryLedger;
  /** The mail templates; the built-in Danish ones when not given. */
  templates?: TemplateSet;
  /** The right-hand side of every Message-ID, e.g. the sender's domain. */
  messageIdDomain?: string;
  /** Told of every notification that failed for good (the worker's `rf_mails_failed_total`). */
  onMailFailed?: () => void;
}

/** What became of one recipient's copy: logged for each, with the topic and role, never an address or name. */
type CopyOutcome = 'sent' | 'sent-before' | 'no-address' | 'rejected' | 'unavailable' | 'directory-refused';

const { deliveryRejected: DELIVERY_REJECTED, deliveryUnavailable: DELIVERY_UNAVAILABLE } = failureTypes;

/** Heartbeat details (and failure details): which recipients, by their place in the notification, have their copy. */
const ProgressSchema = z.object({ sent: z.array(z.number().int().nonnegative()) });
export type DeliveryProgress = z.infer<typeof ProgressSchema>;

/** Staff are always reached through the directory; without an address there the message must wait. */
const STAFF_ROLES: ReadonlySet<Recipient['role']> = new Set([
  'caseworker',
  'supervisor',
  'head-of-department',
]);

export function createActivities({
  mailer,
  directory,
  ledger,
  templates,
  messageIdDomain,
  onMailFailed,
}: ActivityDependencies) {
  const templateSet = templates ?? loadTemplates();
  const domain = messageIdDomain ?? 'ressourceforloeb.invalid';
  return {
    /**
     * Sends one notification to each of its recipients that has an address, one message each. Once:
     * the Message-ID follows from the notification and the recipient; every copy is recorded in the
     * delivery ledger as soon as the mail server accepts it (and in the heartbeat details), so a retry
     * — after a partial failure, or after Temporal lost the activity's completion — sends only the
     * copies still missing, never one twice. A recipient's own address
     * refused for good fails the activity with DeliveryRejected (naming the role, never the address);
     * anything else, a refused directory address too, fails it retryably with DeliveryUnavailable.
     */
    async deliverNotification(
      notification: NotificationRecord,
      municipality: string,
      /** Copies sent in an earlier round (from a DeliveryUnavailable failure's details). */
      progress?: DeliveryProgress,
    ): Promise<{ attempt: number; sent: number; withoutAddress: number }> {
      const context = Context.current();
      const logCopy = (role: Recipient['role'], outcome: CopyOutcome, extra: Record<string, unknown> = {}) =>
        context.log[
          outcome === 'sent' || outcome === 'sent-before' || outcome === 'no-address' ? 'info' : 'warn'
        ]('delivery', {
          topic: notification.topic,
          notificationId: notification.id,
          role,
          outcome,
          ...extra,
        });
      const sent = new Set([...sentBefore(context.info.heartbeatDetails), ...sentBefore(progress)]);
      let withoutAddress = 0;
      for (const [index, recipient] of notification.recipients.entries()) {
        if (sent.has(index)) continue;
        const to = directory.addressFor(recipient, municipality);
        if (!to) {
          logCopy(recipient.role, STAFF_ROLES.has(recipient.role) ? 'unavailable' : 'no-address');
          if (STAFF_ROLES.has(recipient.role)) {
            // A configuration gap, not a refusal: wait for the directory to be completed.
            context.log.error('no address in the directory', { role: recipient.role, municipality });
            throw ApplicationFailure.retryable(
              `no address for the ${recipient.role} of municipality ${municipality}: add it to RF_DIRECTORY_FILE`,
              DELIVERY_UNAVAILABLE,
              { sent: [...sent] } satisfies DeliveryProgress,
            );
          }
          withoutAddress += 1;
          continue;
        }
        const messageId = messageIdFor(notification.id, index, domain);
        if (await ledger.wasSent(messageId)) {
          logCopy(recipient.role, 'sent-before');
          sent.add(index);
          continue;
        }
        const message = renderMessage(templateSet, notification, recipient, {
          municipalityName: directory.municipalityName(municipality),
        });
        if (message.missing.length > 0) {
          context.log.warn('a mail template names facts this notification does not have', {
            template: message.template,
            missing: message.missing,
          });
        }
        try {
          await mailer.send({
            messageId,
            to,
            subject: message.subject,
            text: message.text,
            html: message.html,
          });
        } catch (error) {
          const failure = classifyMailError(error);
          const outcome: CopyOutcome =
            failure.kind !== 'recipient-rejected'
              ? 'unavailable'
              : recipient.email
                ? 'rejected'
                : 'directory-refused';
          logCopy(recipient.role, outcome, {
            attempt: context.info.attempt,
            ...(failure.responseCode ? { responseCode: failure.responseCode } : {}),
          });
          if (outcome === 'rejected') onMailFailed?.();
          if (failure.kind === 'recipient-rejected' && !recipient.email) {
            // An address from the directory: a configuration problem to fix, not a person to escalate
            // about (escalating a refused supervisor address to that supervisor would go round forever).
            context.log.error('the mail server refused an address from the directory', {
              role: recipient.role,
              municipality,
              responseCode: failure.responseCode,
            });
            throw ApplicationFailure.retryable(
              `the ${recipient.role}'s address in the directory was refused (${failure.responseCode}): correct RF_DIRECTORY_FILE`,
              DELIVERY_UNAVAILABLE,
              { sent: [...sent] } satisfies DeliveryProgress,
            );
          }
          if (failure.kind === 'recipient-rejected') {
            throw ApplicationFailure.nonRetryable(
              `the ${recipient.role}'s address was refused: ${failure.message}`,
              DELIVERY_REJECTED,
            );
          }
          throw ApplicationFailure.retryable(
            `mail to the ${recipient.role} was not sent: ${failure.message}`,
            DELIVERY_UNAVAILABLE,
            { sent: [...sent] } satisfies DeliveryProgress,
          );
        }
        await ledger.markSent(messageId, new Date());
        logCopy(recipient.role, 'sent', { attempt: context.info.attempt });
        sent.add(index);
        context.heartbeat({ sent: [...sent] } satisfies DeliveryProgress);
      }
      return { attempt: context.info.attempt, sent: sent.size, withoutAddress };
    },
  };
}

function sentBefore(details: unknown): number[] {
  const parsed = ProgressSchema.safeParse(details);
  return parsed.success ? parsed.data.sent : [];
}
