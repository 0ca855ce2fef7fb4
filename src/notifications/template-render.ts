import { join } from 'node:path';
import Mustache from 'mustache';
import type { Audience, NotificationRecord, NotificationTopic, Recipient } from '../domain/engine/case';
import { maskCprNumbers } from '../domain/engine/fields';
import { parseDuration } from '../domain/engine/time';
import {
  CITIZEN_ONLY_FACTS,
  LABELLED_FACTS,
  type Labels,
  type MessageTemplate,
  TemplateError,
  type TemplateSet,
  walkTokens,
  WITHHELD_FACTS,
} from './template-load';

/** Rendering a notification for one recipient: the facts in plain Danish, through the loaded templates. */
export interface RenderedMessage {
  subject: string;
  text: string;
  /** The same letter as a simple, accessible HTML document (lang="da", headings, lists; no images). */
  html: string;
  /** The template file used, relative to the templates folder. */
  template: string;
  /** Variables the template names that this notification does not have (rendered as nothing). */
  missing: string[];
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
  const source = Mustache.render(template.body, view, set.partials, options)
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return {
    subject: maskCprLike(subject),
    text: `${maskCprLike(plainText(source))}\n`,
    html: maskCprLike(htmlDocument(maskCprLike(subject), source)),
    template: template.file,
    missing: [...new Set(missing)],
  };
}

/**
 * A letter's structure in its template is plain text: paragraphs apart by a blank line, a line
 * `# Heading` a heading, lines `- item` a list. The plain-text part shows a heading as its words.
 */
const HEADING = /^# (.+)$/;
const ITEM = /^- (.+)$/;

function plainText(source: string): string {
  return source.replace(/^# (.+)$/gm, '$1');
}

const escapeHtml = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The HTML part: the subject as the page's title and first heading, the letter's headings one level below. */
function htmlDocument(subject: string, source: string): string {
  const body: string[] = [`<h1>${escapeHtml(subject)}</h1>`];
  for (const block of source.split(/\n{2,}/)) {
    const lines = block.split('\n');
    const heading = lines.length === 1 ? HEADING.exec(lines[0]!) : null;
    if (heading) {
      body.push(`<h2>${escapeHtml(heading[1]!)}</h2>`);
      continue;
    }
    let paragraph: string[] = [];
    let items: string[] = [];
    const flush = () => {
      if (paragraph.length > 0) body.push(`<p>${paragraph.map(escapeHtml).join('<br>\n')}</p>`);
      if (items.length > 0)
        body.push(`<ul>\n${items.map((item) => `<li>${escapeHtml(item)}</li>`).join('\n')}\n</ul>`);
      paragraph = [];
      items = [];
    };
    for (const line of lines) {
      const item = ITEM.exec(line);
      if (item) {
        if (paragraph.length > 0) flush();
        items.push(item[1]!);
      } else {
        if (items.length > 0) flush();
        paragraph.push(line);
      }
    }
    flush();
  }
  return [
    '<!DOCTYPE html>',
    '<html lang="da">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(subject)}</title>`,
    '</head>',
    '<body>',
    ...body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
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
  const visible = Object.fromEntries(
    Object.entries(facts).filter(
      ([key]) =>
        !WITHHELD_FACTS.includes(key) && (recipient.role === 'citizen' || !CITIZEN_ONLY_FACTS.includes(key)),
    ),
  );
  const text: Record<string, string> = {};
  const date: Record<string, string> = {};
  const duration: Record<string, string> = {};
  const is: Record<string, Record<string, true>> = {};
  for (const [key, value] of Object.entries(visible)) {
    const raw = String(value);
    // A key without its Danish words is left out (and reported as missing), never shown as it is.
    const label = labels[key]?.[raw];
    if (label !== undefined || !(key in LABELLED_FACTS)) text[key] = label ?? raw;
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

/** Variables the rendering would look up and not find, following the sections the view opens. */
function missingVariables(source: string, view: View, partials: Record<string, string>, depth = 0): string[] {
  const missing: string[] = [];
  walkTokens(Mustache.parse(source), (type, name) => {
    if (type === 'name' || type === '&' || type === '{') {
      if (name !== '.' && lookup(view, name) === undefined) missing.push(name);
      return;
    }
    if (type === '#' || type === '^') {
      const value = lookup(view, name);
      const truthy = Array.isArray(value) ? value.length > 0 : Boolean(value);
      return (type === '#') === truthy;
    }
    if (type === '>' && depth < 5 && partials[name] !== undefined) {
      missing.push(...missingVariables(partials[name], view, partials, depth + 1));
    }
    return;
  });
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
