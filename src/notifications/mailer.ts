import { createHash } from 'node:crypto';

export interface OutgoingMessage {
  /**
   * Deterministic, derived from the notification and the recipient (see messageIdFor), without angle
   * brackets: a retry sends the same message again, never a different one.
   */
  messageId: string;
  to: string;
  subject: string;
  text: string;
  /** The same letter as HTML: sent with the text as multipart/alternative. */
  html?: string;
}

export interface Mailer {
  /** Resolves once the message is accepted; rejects with a MailDeliveryError. */
  send(message: OutgoingMessage): Promise<void>;
  /** Closes connections, if the transport keeps any. */
  close?(): void;
}

/**
 * Why a message was not sent, in words that are safe to store in the case and log: an SMTP code and
 * the command, never the server's reply text (which repeats the recipient's address).
 * `recipient-rejected`: the server refused this recipient or this message for good (a 5xx reply to
 * RCPT TO or DATA); trying again will not help. `unavailable`: anything else, which may pass.
 */
export class MailDeliveryError extends Error {
  constructor(
    readonly kind: 'recipient-rejected' | 'unavailable',
    message: string,
    readonly responseCode?: number,
  ) {
    super(message);
    this.name = 'MailDeliveryError';
  }
}

interface NodemailerLikeError {
  code?: string;
  originalCode?: string;
  errno?: string;
  responseCode?: number;
  command?: string;
}

/** Turns a nodemailer (or file system) error into a MailDeliveryError with a safe message. */
export function classifyMailError(error: unknown): MailDeliveryError {
  if (error instanceof MailDeliveryError) return error;
  const details = (typeof error === 'object' && error !== null ? error : {}) as NodemailerLikeError;
  const command = typeof details.command === 'string' ? details.command.split(' ')[0]!.toUpperCase() : '';
  const responseCode = typeof details.responseCode === 'number' ? details.responseCode : undefined;
  if (responseCode !== undefined) {
    const step = command === 'RCPT' ? 'RCPT TO' : command || 'a command';
    if (responseCode >= 500 && (command === 'RCPT' || command === 'DATA')) {
      return new MailDeliveryError(
        'recipient-rejected',
        `the mail server refused the address or the message (${responseCode} to ${step})`,
        responseCode,
      );
    }
    return new MailDeliveryError(
      'unavailable',
      `the mail server answered ${responseCode} to ${step}`,
      responseCode,
    );
  }
  const code = [details.originalCode, details.errno, details.code].find(
    (candidate) => typeof candidate === 'string' && /^E[A-Z]+$/.test(candidate),
  );
  return new MailDeliveryError(
    'unavailable',
    code ? `the mail server could not be reached (${code})` : 'the message could not be sent',
  );
}

/**
 * The Message-ID of one recipient's copy of a notification. It depends only on the notification's ID
 * (which is deterministic in the case) and the recipient's place in it, so every retry, after a crash
 * too, sends the same message; a receiving system can recognise a repeat.
 */
export function messageIdFor(notificationId: string, recipientIndex: number, domain: string): string {
  const digest = createHash('sha256').update(notificationId).digest('hex').slice(0, 32);
  return `${digest}.${recipientIndex}@${domain}`;
}
