import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Mustache from 'mustache';
import { z } from 'zod';
import type { Audience, NotificationRecord, NotificationTopic, Recipient } from '../domain/state';
import { parseDuration } from '../domain/time';
import { describeIssues } from '../domain/validation';
import { maskCprNumbers } from '../domain/fields';

/**
 * Mail templates are files a municipality can edit: one per notification topic, `<topic>.txt`, and
 * optionally one per audience, `<topic>.<audience>.txt` (e.g. `decision.relatives.txt`), which wins for
 * that audience. The first line is the subject (`Emne: …`), the rest is the body. They are Mustache
 * templates (logic-less): `{{caseId}}`, `{{text.outcome}}`, `{{date.dueAt}}`, sections such as
 * `{{#is.decision.refuse}}…{{/is.decision.refuse}}`, and partials `{{> afsender}}` from files named
 * `_afsender.txt`. `labels.json` holds the Danish words for the values of case facts.
 */

/** Every topic the core can queue. A topic added to the core is missing here until it is added (tsc says so). */
const topicNames = {
  'deadline-reminder': true,
  'deadline-breached': true,
  escalation: true,
  'right-to-decision-on-existing-evidence': true,
  'team-dissent': true,
  decision: true,
  'back-to-team': true,
  'complaint-forwarded': true,
  'offer-advised-against': true,
  'routed-to-pension': true,
  'course-concluded': true,
  'fleksjob-reassessment': true,
  'fleksjob-ended': true,
  'right-to-assessment': true,
} satisfies Record<NotificationTopic, true>;
export const NOTIFICATION_TOPICS = Object.keys(topicNames) as NotificationTopic[];

const audienceNames = {
  citizen: true,
  relatives: true,
  caseworker: true,
  supervisor: true,
  'head-of-department': true,
} satisfies Record<Audience, true>;
export const AUDIENCES = Object.keys(audienceNames) as Audience[];

/** The built-in Danish templates; RF_TEMPLATES_DIR points at an operator's copy instead. */
export const DEFAULT_TEMPLATES_DIR = join(findProjectRoot(__dirname), 'templates', 'da');

/**
 * Facts a template may never show: they can carry health details or free text. They are left out of
 * what templates see, and a template that names one is refused when the templates are loaded.
 */
export const WITHHELD_FACTS = ['basis', 'cpr', 'note', 'notes', 'specialty', 'advice', 'opinion', 'dissent'];

/** A subject is seen in inbox lists and notifications on lock screens: it names the case and nothing personal. */
export const SUBJECT_VARIABLES = ['caseId', 'municipality', 'municipalityName', 'escalationId', 'level'];

export interface MessageTemplate {
  file: string;
  subject: string;
  body: string;
}

export interface TemplateSet {
  dir: string;
  /** `<topic>` and `<topic>.<audience>` → template. */
  templates: Map<string, MessageTemplate>;
  partials: Record<string, string>;
  labels: Labels;
}

export type Labels = Record<string, Record<string, string>>;

export interface RenderedMessage {
  subject: string;
  text: string;
  /** The template file used, relative to the templates folder. */
  template: string;
  /** Variables the template names that this notification does not have (rendered as nothing). */
  missing: string[];
}

/** Templates that cannot be used: one line per problem, naming the file. */
export class TemplateError extends Error {
  constructor(readonly problems: string[]) {
    super(
      `mail templates are incomplete or invalid:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`,
    );
  }
}

const LabelsSchema = z.record(z.string(), z.record(z.string(), z.string()));

/** Reads and checks every template in `dir`; throws a TemplateError naming each missing or broken file. */
export function loadTemplates(dir: string = DEFAULT_TEMPLATES_DIR): TemplateSet {
  const problems: string[] = [];
  const absolute = resolve(dir);
  let files: string[];
  try {
    files = readdirSync(absolute).filter((file) => file.endsWith('.txt') || file === 'labels.json');
  } catch (error) {
    throw new TemplateError([
      `cannot read the templates folder ${absolute}: ${(error as NodeJS.ErrnoException).code ?? error}`,
    ]);
  }

  const partials: Record<string, string> = {};
  const templates = new Map<string, MessageTemplate>();
  for (const file of files.sort()) {
    const path = join(absolute, file);
    if (file === 'labels.json') continue;
    const content = readFileSync(path, 'utf8').replace(/\r\n/g, '\n');
    if (file.startsWith('_')) {
      partials[file.slice(1, -'.txt'.length)] = content.replace(/\n*$/, '\n');
      continue;
    }
    const key = file.slice(0, -'.txt'.length);
    const [topic, audience, ...rest] = key.split('.');
    if (!NOTIFICATION_TOPICS.includes(topic as NotificationTopic) || rest.length > 0) {
      problems.push(`${path}: not a notification topic (${NOTIFICATION_TOPICS.join(', ')})`);
      continue;
    }
    if (audience !== undefined && !AUDIENCES.includes(audience as Audience)) {
      problems.push(`${path}: "${audience}" is not an audience (${AUDIENCES.join(', ')})`);
      continue;
    }
    const parsed = parseTemplateFile(content);
    if (typeof parsed === 'string') {
      problems.push(`${path}: ${parsed}`);
      continue;
    }
    templates.set(key, { file, ...parsed });
  }

  for (const topic of NOTIFICATION_TOPICS) {
    if (!templates.has(topic)) problems.push(`missing template ${join(absolute, `${topic}.txt`)}`);
  }

  const labels = readLabels(join(absolute, 'labels.json'), problems);
  for (const template of templates.values()) {
    problems.push(
      ...checkTemplate(template, partials).map((problem) => `${join(absolute, template.file)}: ${problem}`),
    );
  }
  for (const [name, partial] of Object.entries(partials)) {
    problems.push(
      ...checkTokens(partial, partials, 'body').map(
        (problem) => `${join(absolute, `_${name}.txt`)}: ${problem}`,
      ),
    );
  }
  if (problems.length > 0) throw new TemplateError(problems);
  return { dir: absolute, templates, partials, labels };
}

/** The template for a topic and audience: the audience's own if there is one, else the topic's. */
export function templateFor(set: TemplateSet, topic: NotificationTopic, audience: Audience): MessageTemplate {
  const template = set.templates.get(`${topic}.${audience}`) ?? set.templates.get(topic);
  // loadTemplates guarantees one per topic; a topic the templates do not know is a programming error.
  if (!template) throw new TemplateError([`missing template ${join(set.dir, `${topic}.txt`)}`]);
  return template;
}

export interface RenderContext {
  /** How the municipality is named in a message, e.g. "Københavns Kommune". */
  municipalityName: string;
}

/** A notification as plain-text mail for one recipient. */
export function renderMessage(
  set: TemplateSet,
  notification: Pick<NotificationRecord, 'topic' | 'facts'>,
  recipient: Recipient,
  context: RenderContext,
): RenderedMessage {
  const template = templateFor(set, notification.topic, recipient.role);
  const view = buildView(set.labels, notification.facts, recipient, context);
  const missing = [
    ...missingVariables(template.subject, view, set.partials),
    ...missingVariables(template.body, view, set.partials),
  ];
  const options = { escape: (value: unknown) => String(value) };
  const subject = Mustache.render(template.subject, view, set.partials, options).replace(/\s+/g, ' ').trim();
  const text = Mustache.render(template.body, view, set.partials, options)
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return {
    subject: maskCprLike(subject),
    text: `${maskCprLike(text)}\n`,
    template: template.file,
    missing: [...new Set(missing)],
  };
}

/**
 * A last line of defence: anything shaped like a CPR number never leaves in a message. The same rule
 * refuses such identifiers at the API, so a case ID the API accepted is never masked in a letter.
 */
export const maskCprLike = maskCprNumbers;

type View = Record<string, unknown>;

/**
 * What a template sees: the notification's facts (less the withheld ones), the recipient, and derived
 * forms of the facts for plain Danish: `text.<fact>` (the value's words from labels.json),
 * `date.<fact>` ("4. januar 2028"), `duration.<fact>` ("4 uger") and `is.<fact>.<value>` (true).
 */
export function buildView(
  labels: Labels,
  facts: NotificationRecord['facts'],
  recipient: Recipient,
  context: RenderContext,
): View {
  const visible = Object.fromEntries(Object.entries(facts).filter(([key]) => !WITHHELD_FACTS.includes(key)));
  const text: Record<string, string> = {};
  const date: Record<string, string> = {};
  const duration: Record<string, string> = {};
  const is: Record<string, Record<string, true>> = {};
  for (const [key, value] of Object.entries(visible)) {
    const raw = String(value);
    text[key] = labels[key]?.[raw] ?? raw;
    is[key] = { [raw]: true };
    if (typeof value !== 'string') continue;
    const formattedDate = formatDate(value);
    if (formattedDate) date[key] = formattedDate;
    const formattedDuration = formatDuration(value);
    if (formattedDuration) duration[key] = formattedDuration;
  }
  return {
    ...visible,
    municipalityName: context.municipalityName,
    recipient: { role: recipient.role, ...(recipient.name ? { name: recipient.name } : {}) },
    text,
    date,
    duration,
    is,
  };
}

const danishDate = new Intl.DateTimeFormat('da-DK', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'Europe/Copenhagen',
});

function formatDate(value: string): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}(T[\d:.]+Z)?$/.test(value)) return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : danishDate.format(ms);
}

const durationUnits: Array<[keyof ReturnType<typeof parseDuration>, string, string]> = [
  ['years', 'år', 'år'],
  ['months', 'måned', 'måneder'],
  ['weeks', 'uge', 'uger'],
  ['days', 'dag', 'dage'],
  ['hours', 'time', 'timer'],
  ['minutes', 'minut', 'minutter'],
  ['seconds', 'sekund', 'sekunder'],
];

function formatDuration(value: string): string | undefined {
  if (!value.startsWith('P')) return undefined;
  try {
    const parts = parseDuration(value);
    const words = durationUnits
      .filter(([unit]) => parts[unit] > 0)
      .map(([unit, one, many]) => `${parts[unit]} ${parts[unit] === 1 ? one : many}`);
    if (words.length === 0) return undefined;
    return words.length === 1 ? words[0] : `${words.slice(0, -1).join(', ')} og ${words[words.length - 1]}`;
  } catch {
    return undefined;
  }
}

function parseTemplateFile(content: string): Omit<MessageTemplate, 'file'> | string {
  const [first = '', ...rest] = content.split('\n');
  const match = /^Emne:\s*(.*\S)\s*$/.exec(first);
  if (!match) return 'the first line must be the subject, "Emne: …"';
  const body = rest.join('\n').replace(/^\n+/, '').replace(/\s+$/, '');
  if (body.length === 0) return 'the body after the subject line is empty';
  return { subject: match[1]!, body };
}

function readLabels(path: string, problems: string[]): Labels {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    problems.push(
      code === 'ENOENT' ? `missing ${path}` : `${path}: not valid JSON (${(error as Error).message})`,
    );
    return {};
  }
  const parsed = LabelsSchema.safeParse(raw);
  if (!parsed.success) {
    problems.push(...describeIssues(parsed.error).map((issue) => `${path}: ${issue}`));
    return {};
  }
  return parsed.data;
}

function checkTemplate(template: MessageTemplate, partials: Record<string, string>): string[] {
  return [
    ...checkTokens(template.subject, partials, 'subject'),
    ...checkTokens(template.body, partials, 'body'),
  ];
}

/** Syntax, partials that exist, no withheld facts anywhere and only case references in a subject. */
function checkTokens(source: string, partials: Record<string, string>, part: 'subject' | 'body'): string[] {
  let tokens: Mustache.TemplateSpans;
  try {
    tokens = Mustache.parse(source);
  } catch (error) {
    return [`${part}: ${(error as Error).message}`];
  }
  const problems: string[] = [];
  walk(tokens, (type, name) => {
    const root = name.split('.')[0]!;
    const fact = ['text', 'date', 'duration', 'is'].includes(root) ? (name.split('.')[1] ?? '') : root;
    if (type === '>') {
      if (part === 'subject') problems.push('subject: partials are not allowed in a subject');
      else if (!(name in partials)) problems.push(`{{> ${name}}}: no partial _${name}.txt`);
      return;
    }
    if (WITHHELD_FACTS.includes(fact))
      problems.push(`${part}: {{${name}}} is not allowed: it may carry health details or free text`);
    else if (part === 'subject' && !SUBJECT_VARIABLES.includes(name))
      problems.push(
        `subject: {{${name}}} is not allowed in a subject (use only ${SUBJECT_VARIABLES.join(', ')})`,
      );
  });
  return problems;
}

type TokenVisitor = (type: string, name: string) => void;

function walk(tokens: Mustache.TemplateSpans, visit: TokenVisitor): void {
  for (const token of tokens) {
    const [type, name] = token;
    if (type === 'text' || type === '!' || type === '=') continue;
    visit(type, name);
    if ((type === '#' || type === '^') && Array.isArray(token[4])) walk(token[4], visit);
  }
}

/** Variables the rendering would look up and not find, following the sections the view opens. */
function missingVariables(source: string, view: View, partials: Record<string, string>, depth = 0): string[] {
  const missing: string[] = [];
  const visit = (tokens: Mustache.TemplateSpans) => {
    for (const token of tokens) {
      const [type, name] = token as unknown as [string, string];
      if (type === 'name' || type === '&' || type === '{') {
        if (name !== '.' && lookup(view, name) === undefined) missing.push(name);
      } else if (type === '#' || type === '^') {
        const value = lookup(view, name);
        const truthy = Array.isArray(value) ? value.length > 0 : Boolean(value);
        if ((type === '#') === truthy && Array.isArray(token[4])) visit(token[4]);
      } else if (type === '>' && depth < 5 && partials[name] !== undefined) {
        missing.push(...missingVariables(partials[name], view, partials, depth + 1));
      }
    }
  };
  visit(Mustache.parse(source));
  return missing;
}

function lookup(view: View, name: string): unknown {
  let value: unknown = view;
  for (const part of name.split('.')) {
    if (value === null || typeof value !== 'object' || !(part in value)) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

/** The folder with package.json: the repository in development, /app in the image. */
function findProjectRoot(from: string): string {
  let dir = from;
  for (;;) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    const parent = resolve(dir, '..');
    if (parent === dir) return from;
    dir = parent;
  }
}
