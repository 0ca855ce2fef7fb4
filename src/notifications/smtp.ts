import nodemailer from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport';
import { classifyMailError, type Mailer } from './mailer';

export interface SmtpMailerOptions {
  /**
   * `smtp://user:pass@host:port` (STARTTLS when the server offers it, as nodemailer does; add
   * `?requireTLS=true` to insist) or `smtps://…` (TLS from the first byte, port 465 by default).
   */
  url: string;
  from: string;
  /** How long to wait to connect, for the greeting, and for any reply: well inside an activity's timeout. */
  timeoutsMs?: { connection?: number; greeting?: number; socket?: number };
}

/**
 * Real mail through an SMTP server. One message per recipient, so a refused address concerns exactly
 * one person. Errors come out as MailDeliveryError: a 5xx reply to RCPT TO or DATA is final, anything
 * else (refused connection, timeout, 4xx) may pass and is tried again by the caller.
 */
export function createSmtpMailer({ url, from, timeoutsMs = {} }: SmtpMailerOptions): Mailer {
  const transport = nodemailer.createTransport({
    url,
    connectionTimeout: timeoutsMs.connection ?? 10_000,
    greetingTimeout: timeoutsMs.greeting ?? 10_000,
    socketTimeout: timeoutsMs.socket ?? 20_000,
    // nodemailer logs nothing unless asked; it must never log envelopes (addresses) here.
    logger: false,
    debug: false,
  } satisfies SMTPTransport.Options);
  return {
    async send(message) {
      try {
        await transport.sendMail({
          from,
          to: message.to,
          subject: message.subject,
          text: message.text,
          ...(message.html ? { html: message.html } : {}),
          messageId: `<${message.messageId}>`,
          headers: { 'Auto-Submitted': 'auto-generated' },
        });
      } catch (error) {
        throw classifyMailError(error);
      }
    },
    close() {
      transport.close();
    },
  };
}

/** The server part of an SMTP URL, for logs: never the user name or password. */
export function describeSmtpUrl(url: string): string {
  const parsed = new URL(url);
  const port = parsed.port || (parsed.protocol === 'smtps:' ? '465' : '587');
  return `${parsed.protocol}//${parsed.hostname}:${port}`;
}
