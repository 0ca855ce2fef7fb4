import { join } from 'node:path';
import addressparser from 'nodemailer/lib/addressparser';
import { z } from 'zod';
import { describeIssues } from '../domain/engine/validation';
import {
  createDirectory,
  type Directory,
  DirectoryFileError,
  readDirectoryFile,
} from '../notifications/directory';
import type { Mailer } from '../notifications/mailer';
import { createOutboxMailer } from '../notifications/outbox';
import { createSmtpMailer, describeSmtpUrl } from '../notifications/smtp';
import {
  DEFAULT_TEMPLATES_DIR,
  loadTemplates,
  TemplateError,
  type TemplateSet,
} from '../notifications/templates';
import { ConfigError } from './index';

/** The sender of the embedded default (the outbox): nothing leaves the machine, so any name will do. */
export const DEFAULT_MAIL_FROM = 'Ressourceforløb <ressourceforloeb@kommune.invalid>';

const optional = z.preprocess(
  (value) => (typeof value === 'string' && value.trim() === '' ? undefined : value),
  z.string().trim().min(1).optional(),
);

const SmtpUrl = z.string().superRefine((value, context) => {
  // Never echo the value: it carries the password.
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    context.addIssue({ code: 'custom', message: 'not a URL; use smtp://user:pass@host:port or smtps://…' });
    return;
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:')
    context.addIssue({
      code: 'custom',
      message: `must start with smtp:// (STARTTLS when offered) or smtps:// (implicit TLS), not ${url.protocol}//`,
    });
  if (!url.hostname) context.addIssue({ code: 'custom', message: 'names no host' });
  if (url.password && !url.username)
    context.addIssue({ code: 'custom', message: 'has a password but no user name' });
});

const MailEnvSchema = z.object({
  RF_SMTP_URL: optional.pipe(SmtpUrl.optional()),
  RF_MAIL_FROM: optional,
  RF_DATA_DIR: optional,
  RF_OUTBOX_DIR: optional,
  RF_TEMPLATES_DIR: optional,
  RF_DIRECTORY_FILE: optional,
});

export type MailTransportConfig =
  | { kind: 'smtp'; url: string; /** for logs: no credentials */ server: string }
  | { kind: 'outbox'; dir: string };

export interface MailConfig {
  transport: MailTransportConfig;
  from: string;
  /** The sender's domain, used on the right of every Message-ID. */
  messageIdDomain: string;
  templates: TemplateSet;
  directory: Directory;
  /** The directory file, or undefined for the built-in fallback addresses. */
  directoryFile?: string;
}

/**
 * Mail settings from the environment: RF_SMTP_URL (none: the outbox folder), RF_MAIL_FROM,
 * RF_OUTBOX_DIR, RF_TEMPLATES_DIR and RF_DIRECTORY_FILE. Reads and checks the templates and the
 * directory too, so a worker does not start with a missing template. Throws a ConfigError with one
 * line per problem.
 */
export function loadMailConfig(env: NodeJS.ProcessEnv = process.env): MailConfig {
  const parsed = MailEnvSchema.safeParse(env);
  if (!parsed.success) throw new ConfigError(describeIssues(parsed.error));
  const settings = parsed.data;
  const problems: string[] = [];

  const transport: MailTransportConfig = settings.RF_SMTP_URL
    ? { kind: 'smtp', url: settings.RF_SMTP_URL, server: describeSmtpUrl(settings.RF_SMTP_URL) }
    : { kind: 'outbox', dir: settings.RF_OUTBOX_DIR ?? join(settings.RF_DATA_DIR ?? 'data', 'outbox') };

  let from = settings.RF_MAIL_FROM ?? DEFAULT_MAIL_FROM;
  if (!settings.RF_MAIL_FROM && transport.kind === 'smtp') {
    problems.push('RF_MAIL_FROM: required with RF_SMTP_URL: the sender address your mail server accepts');
  }
  const sender = parseSender(from);
  if (!sender) {
    problems.push('RF_MAIL_FROM: one address, e.g. "Jobcenter <noreply@kommune.dk>" or noreply@kommune.dk');
    from = DEFAULT_MAIL_FROM;
  }

  let templates: TemplateSet | undefined;
  try {
    templates = loadTemplates(settings.RF_TEMPLATES_DIR ?? DEFAULT_TEMPLATES_DIR);
  } catch (error) {
    if (!(error instanceof TemplateError)) throw error;
    problems.push(...error.problems.map((problem) => `RF_TEMPLATES_DIR: ${problem}`));
  }

  let directory: Directory | undefined = createDirectory({});
  if (settings.RF_DIRECTORY_FILE) {
    try {
      directory = readDirectoryFile(settings.RF_DIRECTORY_FILE);
    } catch (error) {
      if (!(error instanceof DirectoryFileError)) throw error;
      problems.push(...error.problems.map((problem) => `RF_DIRECTORY_FILE: ${problem}`));
      directory = undefined;
    }
  }

  if (problems.length > 0 || !templates || !directory || !sender) throw new ConfigError(problems);
  return {
    transport,
    from,
    messageIdDomain: sender.split('@')[1]!,
    templates,
    directory,
    ...(settings.RF_DIRECTORY_FILE ? { directoryFile: settings.RF_DIRECTORY_FILE } : {}),
  };
}

/** The mailer the configuration asks for. */
export function createMailer(config: Pick<MailConfig, 'transport' | 'from'>): Mailer {
  return config.transport.kind === 'smtp'
    ? createSmtpMailer({ url: config.transport.url, from: config.from })
    : createOutboxMailer(config.transport.dir, config.from);
}

/** One line for the worker's start-up log: where mail goes, never credentials or addresses of people. */
export function describeMailConfig(config: MailConfig): string {
  const where =
    config.transport.kind === 'smtp'
      ? `SMTP ${config.transport.server}`
      : `the outbox folder ${config.transport.dir} (set RF_SMTP_URL to send real mail)`;
  const directory = config.directoryFile ?? 'built-in placeholder addresses';
  return `mail: to ${where}; templates ${config.templates.dir}; staff addresses from ${directory}`;
}

/** The address of a sender such as `Name <a@b.dk>`, if it is exactly one valid address. */
function parseSender(from: string): string | undefined {
  const addresses = addressparser(from, { flatten: true });
  if (addresses.length !== 1) return undefined;
  const address = addresses[0]!.address;
  return z.email().safeParse(address).success ? address : undefined;
}
