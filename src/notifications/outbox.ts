import { link, mkdir, readdir, readFile, stat, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type AddressObject, simpleParser } from 'mailparser';
import nodemailer from 'nodemailer';
import { classifyMailError, type Mailer } from './mailer';

/**
 * The embedded default: every message is written as an .eml file to a folder a person can read (open
 * it in any mail program). The file is named by the Message-ID and written once: a retried message
 * whose file is there already writes nothing, so a reader (or a program watching the folder) never
 * sees the same message twice.
 */
export function createOutboxMailer(outboxDir: string, from: string): Mailer {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    async send(message) {
      try {
        const info = await transport.sendMail({
          from,
          to: message.to,
          subject: message.subject,
          text: message.text,
          ...(message.html ? { html: message.html } : {}),
          messageId: `<${message.messageId}>`,
          headers: { 'Auto-Submitted': 'auto-generated' },
        });
        await mkdir(outboxDir, { recursive: true });
        const file = join(outboxDir, outboxFileName(message.messageId));
        // Written whole or not at all (a reader never sees half a message), and only if it is not there.
        const draft = `${file}.${process.pid}.${Date.now()}.tmp`;
        await writeFile(draft, info.message as Buffer);
        try {
          await link(draft, file);
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        } finally {
          await unlink(draft);
        }
      } catch (error) {
        throw classifyMailError(error);
      }
    },
  };
}

export function outboxFileName(messageId: string): string {
  return `${messageId.replace(/[^A-Za-z0-9@._-]/g, '_')}.eml`;
}

export interface OutboxEntry {
  /** The file name in the outbox folder. */
  file: string;
  messageId: string;
  to: string;
  subject: string;
  /** ISO instant: the message's Date header, or the file's time if it has none. */
  date: string;
}

/** The messages in the outbox, newest first. A folder that does not exist yet is an empty outbox. */
export async function listOutbox(outboxDir: string, { limit = 100 } = {}): Promise<OutboxEntry[]> {
  let files: string[];
  try {
    files = (await readdir(outboxDir)).filter((file) => file.endsWith('.eml'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const entries = await Promise.all(
    files.map(async (file): Promise<OutboxEntry & { writtenAt: number }> => {
      const path = join(outboxDir, file);
      const [content, info] = await Promise.all([readFile(path), stat(path)]);
      const parsed = await simpleParser(content, { skipHtmlToText: true, skipTextToHtml: true });
      return {
        file,
        messageId: (parsed.messageId ?? '').replace(/^<|>$/g, ''),
        to: addressText(parsed.to),
        subject: parsed.subject ?? '',
        date: (parsed.date ?? info.mtime).toISOString(),
        writtenAt: info.mtimeMs,
      };
    }),
  );
  // The Date header has whole seconds; the file's time orders messages written within one second.
  return entries
    .sort((a, b) => b.date.localeCompare(a.date) || b.writtenAt - a.writtenAt || b.file.localeCompare(a.file))
    .slice(0, limit)
    .map(({ writtenAt: _writtenAt, ...entry }) => entry);
}

function addressText(to: AddressObject | AddressObject[] | undefined): string {
  if (!to) return '';
  return (Array.isArray(to) ? to : [to])
    .flatMap((group) => group.value.map((address) => address.address ?? ''))
    .filter(Boolean)
    .join(', ');
}
