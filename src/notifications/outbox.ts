import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import nodemailer from 'nodemailer';

export interface OutgoingMessage {
  /** Deterministic, derived from the case and the event that caused it: a retry rewrites the same file. */
  messageId: string;
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  send(message: OutgoingMessage): Promise<void>;
}

/** The embedded default: every message is written as an .eml file to a folder a person can read. */
export function createOutboxMailer(outboxDir: string, from: string): Mailer {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    async send(message) {
      const info = await transport.sendMail({
        from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        messageId: `<${message.messageId}>`,
      });
      await mkdir(outboxDir, { recursive: true });
      await writeFile(join(outboxDir, `${message.messageId}.eml`), info.message as Buffer);
    },
  };
}
