import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Mustache from 'mustache';
import { z } from 'zod';
import { courseEvents, OutcomeSchema, RecommendationSchema } from '../domain/course/events';
import {
  type Audience,
  DECISION_TOPICS,
  NOTIFICATION_TOPICS,
  type NotificationTopic,
} from '../domain/engine/case';
import { describeIssues } from '../domain/engine/validation';
import { fleksjobEvents } from '../domain/fleksjob/events';
import { allDeadlineKinds } from '../domain/kinds';

export { NOTIFICATION_TOPICS };

/**
 * Mail templates are files a municipality can edit: one per notification topic, `<topic>.txt`, and
 * optionally one per audience, `<topic>.<audience>.txt` (e.g. `decision.relatives.txt`), which wins for
 * that audience. The first line is the subject (`Emne: …`), the rest is the body. They are Mustache
 * templates (logic-less): `{{caseId}}`, `{{text.outcome}}`, `{{date.dueAt}}`, sections such as
 * `{{#is.decision.refuse}}…{{/is.decision.refuse}}`, and partials `{{> afsender}}` from files named
 * `_afsender.txt`. `labels.json` holds the Danish words for the values of case facts.
 */

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

/**
 * Free text written for the citizen — the caseworker's reasoning, the dissenting team members' views —
 * is shown only in letters to the citizen: never to relatives or staff (the renderer leaves it out
 * for them, and the loader refuses a template for them that names it), never in a subject.
 */
export const CITIZEN_ONLY_FACTS = ['reasoning', 'dissentViews'];

/** The partial every decision letter to the citizen includes: the reasons and the complaint guidance. */
export const DECISION_PARTIAL = 'afgoerelse';

/**
 * Facts whose values are keys (`real-offer`, `grant-course`): a letter shows them only in Danish,
 * through `text.<fact>` from labels.json, and the loader requires a label for every value.
 */
export const LABELLED_FACTS: Record<string, readonly string[]> = {
  deadline: allDeadlineKinds,
  outcome: OutcomeSchema.options,
  recommends: RecommendationSchema.options,
  alternative: courseEvents.municipalDecision.shape.alternative.unwrap().options,
  ending: [...fleksjobEvents.fleksjobEnded.shape.reason.options, 'end-fleksjob', 'temporary-period-ended'],
  undelivered: NOTIFICATION_TOPICS,
};

/** Facts that are keys or English, for sections (`is.<fact>.<value>`) and logic only: never shown as they are. */
export const RAW_FACTS = [
  ...Object.keys(LABELLED_FACTS),
  'decision',
  'because',
  'proposed',
  'reason',
  'label',
  'about',
  'cause',
];

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
  // Every value a letter can name (every deadline of every kind of case, every outcome…) needs its Danish words.
  if (Object.keys(labels).length > 0) {
    for (const [fact, values] of Object.entries(LABELLED_FACTS)) {
      const unnamed = values.filter((value) => labels[fact]?.[value] === undefined);
      if (unnamed.length > 0)
        problems.push(
          `${join(absolute, 'labels.json')}: "${fact}" has no Danish label for ${unnamed.join(', ')}`,
        );
    }
  }
  // A decision to the citizen gives its reasons and the complaint guidance (forvaltningsloven §§ 22–25).
  for (const topic of DECISION_TOPICS) {
    const template = templates.get(`${topic}.citizen`) ?? templates.get(topic);
    if (template && !partialsReached(template.body, partials).has(DECISION_PARTIAL))
      problems.push(
        `${join(absolute, template.file)}: a decision letter must include the reasons and complaint guidance, {{> ${DECISION_PARTIAL}}}`,
      );
  }
  if (!(DECISION_PARTIAL in partials))
    problems.push(`missing partial ${join(absolute, `_${DECISION_PARTIAL}.txt`)}`);
  for (const [key, template] of templates) {
    problems.push(
      ...checkTemplate(template, partials).map((problem) => `${join(absolute, template.file)}: ${problem}`),
    );
    const audience = key.split('.')[1];
    if (audience && audience !== 'citizen') {
      const named = variablesReached(template.body, partials).filter((name) =>
        CITIZEN_ONLY_FACTS.includes(name.split('.')[0]!),
      );
      for (const name of new Set(named))
        problems.push(
          `${join(absolute, template.file)}: {{${name}}} is written to the citizen: not in a letter to the ${audience}`,
        );
    }
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
  walkTokens(tokens, (type, name) => {
    const root = name.split('.')[0]!;
    const fact = ['text', 'date', 'duration', 'is'].includes(root) ? (name.split('.')[1] ?? '') : root;
    if (type === '>') {
      if (part === 'subject') problems.push('subject: partials are not allowed in a subject');
      else if (!(name in partials)) problems.push(`{{> ${name}}}: no partial _${name}.txt`);
      return;
    }
    if (WITHHELD_FACTS.includes(fact))
      problems.push(`${part}: {{${name}}} is not allowed: it may carry health details or free text`);
    else if ((type === 'name' || type === '&' || type === '{') && RAW_FACTS.includes(name))
      problems.push(
        `${part}: {{${name}}} would show a raw key or English${name in LABELLED_FACTS ? `: use {{text.${name}}}` : ''}`,
      );
    else if (part === 'subject' && !SUBJECT_VARIABLES.includes(name))
      problems.push(
        `subject: {{${name}}} is not allowed in a subject (use only ${SUBJECT_VARIABLES.join(', ')})`,
      );
  });
  return problems;
}

/** The partials a template includes, directly or through other partials. */
function partialsReached(
  source: string,
  partials: Record<string, string>,
  seen = new Set<string>(),
): Set<string> {
  let tokens: Mustache.TemplateSpans;
  try {
    tokens = Mustache.parse(source);
  } catch {
    return seen;
  }
  walkTokens(tokens, (type, name) => {
    if (type !== '>' || seen.has(name)) return;
    seen.add(name);
    if (partials[name] !== undefined) partialsReached(partials[name], partials, seen);
  });
  return seen;
}

/** The variables a template shows or tests, its partials' included. */
function variablesReached(source: string, partials: Record<string, string>): string[] {
  const sources = [source, ...[...partialsReached(source, partials)].map((name) => partials[name] ?? '')];
  const names: string[] = [];
  for (const one of sources) {
    try {
      walkTokens(Mustache.parse(one), (type, name) => {
        if (type !== '>') names.push(name);
      });
    } catch {
      // Syntax errors are reported by checkTokens.
    }
  }
  return names;
}

/** What a token walk sees: each tag's type and name; `false` from the visitor skips a section's inside. */
export type TokenVisitor = (
  type: string,
  name: string,
  token: Mustache.TemplateSpans[number],
) => boolean | void;

/** The one walk over a template's Mustache tokens, for checking templates and for rendering them. */
export function walkTokens(tokens: Mustache.TemplateSpans, visit: TokenVisitor): void {
  for (const token of tokens) {
    const [type, name] = token;
    if (type === 'text' || type === '!' || type === '=') continue;
    const descend = visit(type, name, token);
    if (descend !== false && (type === '#' || type === '^') && Array.isArray(token[4]))
      walkTokens(token[4], visit);
  }
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
