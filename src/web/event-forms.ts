import { z } from 'zod';
import { type ActorRole, eventCatalogs } from '../messages';
import { eventSchemaOf } from '../messages/schemas';
import { type Html, html } from './html';
import { eventActionLabels, fieldLabels, fieldValueLabels } from './labels';

/**
 * The case page's forms, generated from the message catalog's zod schemas (the same ones the API
 * validates with), so a new event or field gets its form without a page of its own. The schema is
 * read through its JSON Schema (`z.toJSONSchema`, as the API's input): text, choices, yes/no, dates
 * and numbers become form fields; a list of objects (a team's dissent) cannot be typed into a plain
 * form and is left out of it, said so at the form (an event that needs one is left out entirely).
 * Pure functions: the router reads and checks what was sent, the page draws the forms.
 */
export type FieldKind = 'text' | 'textarea' | 'select' | 'checkbox' | 'choices' | 'date' | 'number' | 'lines';

export interface FormField {
  name: string;
  kind: FieldKind;
  required: boolean;
  /** The values of a select or of checkboxes. */
  options?: string[];
  maxLength?: number;
  /** A typed identifier: its pattern is given as a hint. */
  identifier?: boolean;
}

export interface EventFormSpec {
  type: string;
  fields: FormField[];
  /** Optional fields the form cannot offer (a list of objects): only the API takes them. */
  leftOut: string[];
}

/** What a form shows after it was sent: the values typed, each field's message, a refusal. */
export interface EventFormState {
  values?: Record<string, string | string[]>;
  errors?: Record<string, string>;
  /** Messages that belong to no field of the form. */
  formErrors?: string[];
  /** The case refused the event: why, in Danish, and the rule's own reason (English) where it gave one. */
  refusal?: { text: string; reason?: string };
  open?: boolean;
}

interface JsonSchema {
  type?: string;
  format?: string;
  enum?: unknown[];
  maxLength?: number;
  pattern?: string;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
}

/** Texts above this length get a text area (prose: reasoning, notes); shorter ones a line. */
const MULTILINE_FROM = 500;

/** The form of an event's schema; undefined if a required field cannot be a form field. */
export function eventFormSpec(type: string, schema: z.ZodType): EventFormSpec | undefined {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  const required = new Set(json.required ?? []);
  const fields: FormField[] = [];
  const leftOut: string[] = [];
  for (const [name, property] of Object.entries(json.properties ?? {})) {
    const field = formField(name, property, required.has(name));
    if (field) fields.push(field);
    else if (required.has(name)) return undefined;
    else leftOut.push(name);
  }
  return { type, fields, leftOut };
}

function formField(name: string, property: JsonSchema, required: boolean): FormField | undefined {
  const base = { name, required };
  if (property.type === 'string' && property.enum)
    return { ...base, kind: 'select', options: property.enum.map(String) };
  if (property.type === 'string' && property.format === 'date') return { ...base, kind: 'date' };
  if (property.type === 'string') {
    const maxLength = property.maxLength;
    return {
      ...base,
      kind: maxLength !== undefined && maxLength >= MULTILINE_FROM ? 'textarea' : 'text',
      ...(maxLength !== undefined ? { maxLength } : {}),
      ...(property.pattern && property.format === undefined ? { identifier: true } : {}),
    };
  }
  if (property.type === 'boolean') return { ...base, kind: 'checkbox' };
  if (property.type === 'number' || property.type === 'integer') return { ...base, kind: 'number' };
  if (property.type === 'array' && property.items?.type === 'string') {
    return property.items.enum
      ? { ...base, kind: 'choices', options: property.items.enum.map(String) }
      : { ...base, kind: 'lines' };
  }
  return undefined;
}

const specs = new Map<string, EventFormSpec | undefined>();

/** An event's form (its schema read once per process). */
export function formSpecOf(type: string): EventFormSpec | undefined {
  if (!specs.has(type)) specs.set(type, eventFormSpec(type, eventSchemaOf({ type })));
  return specs.get(type);
}

/**
 * The forms of the events a person in this role may send to this kind of case, in the catalog's
 * order; `apiOnly` names the events whose required fields no plain form can take.
 */
export function caseEventForms(kind: string, role: ActorRole): { forms: EventFormSpec[]; apiOnly: string[] } {
  const forms: EventFormSpec[] = [];
  const apiOnly: string[] = [];
  for (const message of Object.values(eventCatalogs[kind as keyof typeof eventCatalogs] ?? {})) {
    if (!message.roles.includes(role)) continue;
    const spec = formSpecOf(message.type);
    if (spec) forms.push(spec);
    else apiOnly.push(message.type);
  }
  return { forms, apiOnly };
}

/** What a form sent, by field: a text, or the values of checkboxes ticked. */
export function formValues(
  spec: EventFormSpec,
  body: Record<string, unknown>,
): Record<string, string | string[]> {
  const values: Record<string, string | string[]> = {};
  for (const field of spec.fields) {
    const sent = body[field.name];
    const all = (Array.isArray(sent) ? sent : [sent]).filter(
      (value): value is string => typeof value === 'string',
    );
    if (field.kind === 'choices') values[field.name] = all.map((value) => value.slice(0, 200));
    else if (all[0] !== undefined) values[field.name] = all[0].slice(0, 20_000);
  }
  return values;
}

/**
 * The event's data from the form's values, for its schema to check: an empty field is left out (a
 * required one is then reported missing), a checkbox is yes or no, a number may be written with a
 * decimal comma, a list is one item per line.
 */
export function formData(
  spec: EventFormSpec,
  values: Record<string, string | string[]>,
): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const field of spec.fields) {
    const value = values[field.name];
    if (field.kind === 'checkbox') {
      if (value === 'ja') data[field.name] = true;
      else if (field.required) data[field.name] = false;
      continue;
    }
    if (field.kind === 'choices') {
      if (Array.isArray(value) && value.length > 0) data[field.name] = value;
      continue;
    }
    if (typeof value !== 'string' || value.trim() === '') continue;
    if (field.kind === 'number') {
      const number = Number(value.trim().replace(',', '.'));
      data[field.name] = Number.isFinite(number) ? number : value;
    } else if (field.kind === 'lines') {
      const lines = value
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter((line) => line !== '');
      if (lines.length > 0) data[field.name] = lines;
    } else data[field.name] = value;
  }
  return data;
}

/** The schema's verdict on the form's data: the data, or a Danish message per field (and for the form). */
export function checkForm(
  spec: EventFormSpec,
  schema: z.ZodType,
  data: Record<string, unknown>,
):
  | { ok: true; data: Record<string, unknown> }
  | { ok: false; errors: Record<string, string>; formErrors: string[] } {
  const result = schema.safeParse(data);
  if (result.success) return { ok: true, data: result.data as Record<string, unknown> };
  const errors: Record<string, string> = {};
  const formErrors: string[] = [];
  for (const issue of result.error.issues) {
    const name = issue.path[0] === undefined ? undefined : String(issue.path[0]);
    const field = spec.fields.find((candidate) => candidate.name === name);
    const message = danishIssue(issue, field);
    if (field) errors[field.name] ??= message;
    else if (name && spec.leftOut.includes(name)) formErrors.push(`${leftOutNote(name)} ${message}`);
    else formErrors.push(message);
  }
  return { ok: false, errors, formErrors };
}

/** The messages of the schemas' own rules, in Danish (the schemas give them in English). */
const ruleMessages: Array<[RegExp, string | ((match: RegExpExecArray) => string)]> = [
  [/looks like a CPR number/, 'Ligner et cpr-nummer. Et id må ikke indeholde personoplysninger.'],
  [/^must not contain control characters/, 'Teksten må ikke indeholde kontroltegn.'],
  [/^one line, without control characters/, 'Skriv på én linje, uden kontroltegn.'],
  [
    /^must be a date from (\d{4}-\d{2}-\d{2}) to (\d{4}-\d{2}-\d{2})/,
    (match) => `Skriv en dato fra ${danishDay(match[1]!)} til ${danishDay(match[2]!)}.`,
  ],
  [
    /^consent names what it covers/,
    'Et samtykke skal sige, hvad det omfatter (afgørelser, frister, møder); en tilbagetrækning omfatter intet.',
  ],
  [
    /^a recommendation that is not unanimous/,
    'Når teamet ikke var enigt, skal det stå, hvem der var uenig og hvorfor.',
  ],
  [
    /^a refusal says what the citizen is directed to/,
    'Ved et afslag skal det stå, hvad borgeren henvises til i stedet ("Ingen", hvis intet); ved en bevilling ikke.',
  ],
  [/^only a grant gives the period/, 'Kun en bevilling har en periode ("Bevilget til og med").'],
  [/^a course ends after it starts/, 'Slutdatoen skal ligge efter startdatoen.'],
  [
    /^a complaint about an offer names the offer/,
    'En klage over et tilbud skal angive tilbuddets id; andre klager ikke.',
  ],
  [/^at least a quarter of an hour/, 'Mindst et kvarter (0,25 timer).'],
  [/^at most 37 hours/, 'Højst 37 timer.'],
];

/** A zod issue as a Danish message a caseworker can act on. */
export function danishIssue(issue: z.core.$ZodIssue, field?: FormField): string {
  for (const [pattern, text] of ruleMessages) {
    const match = pattern.exec(issue.message);
    if (match) return typeof text === 'string' ? text : text(match);
  }
  if (issue.input === undefined && (issue.code === 'invalid_type' || issue.code === 'invalid_value'))
    return field?.kind === 'select' ? 'Vælg en værdi.' : 'Udfyld feltet.';
  switch (issue.code) {
    case 'invalid_type':
      return issue.expected === 'number' ? 'Skriv et tal, fx 7,5.' : 'Værdien har ikke den rigtige form.';
    case 'too_small':
      if (issue.origin === 'string') return 'Udfyld feltet.';
      if (issue.origin === 'number') return `Skriv mindst ${String(issue.minimum).replace('.', ',')}.`;
      return `Vælg mindst ${String(issue.minimum)}.`;
    case 'too_big':
      if (issue.origin === 'string') return `Skriv højst ${String(issue.maximum)} tegn.`;
      if (issue.origin === 'number') return `Skriv højst ${String(issue.maximum).replace('.', ',')}.`;
      return `Højst ${String(issue.maximum)} ${field?.kind === 'lines' ? 'linjer' : 'valg'}.`;
    case 'invalid_format':
      if (issue.format === 'date') return 'Skriv en gyldig dato.';
      if (issue.format === 'email') return 'Skriv en gyldig e-mailadresse, fx navn@kommune.dk.';
      return "Id'et kan ikke bruges: kun bogstaverne a–z, tal, punktum, bindestreg eller understreg, uden mellemrum.";
    case 'invalid_value':
      return 'Vælg en værdi fra listen.';
    default:
      return 'Værdien kan ikke bruges. Tjek feltet.';
  }
}

const identifierHint = 'Brug bogstaverne a–z, tal, punktum, bindestreg eller understreg (højst 64 tegn).';

function danishDay(day: string): string {
  const [year, month, date] = day.split('-');
  return `${Number(date)}.${Number(month)}.${year}`;
}

function leftOutNote(name: string): string {
  return `${fieldLabels[name] ?? name} kan ikke udfyldes her, kun gennem API'et.`;
}

export function eventLabel(type: string): string {
  return eventActionLabels[type] ?? type;
}

function valueLabel(field: string, value: string): string {
  return fieldValueLabels[`${field}.${value}`] ?? fieldValueLabels[value] ?? value;
}

/** Where a form is sent: the case's event, by its type. */
export function eventFormAction(caseId: string, type: string): string {
  return `/sager/${encodeURIComponent(caseId)}/haendelser/${encodeURIComponent(type)}`;
}

/**
 * One event's form in a disclosure: the fields with their Danish labels, each message next to its
 * field (aria-describedby, aria-invalid), a refusal above the button. The hidden key makes a double
 * submit record the event once (the API's Idempotency-Key).
 */
export function renderEventForm(
  caseId: string,
  spec: EventFormSpec,
  hidden: { csrfToken: string; idempotencyKey: string },
  state: EventFormState = {},
): Html {
  const values = state.values ?? {};
  const errors = state.errors ?? {};
  const id = (field: string) => `${spec.type}-${field}`;
  const described = (field: FormField, hint: boolean) => {
    const ids = [errors[field.name] ? `${id(field.name)}-error` : '', hint ? `${id(field.name)}-hint` : '']
      .filter(Boolean)
      .join(' ');
    return html`${ids ? html` aria-describedby="${ids}"` : ''}${errors[field.name] ? html` aria-invalid="true"` : ''}`;
  };
  const errorOf = (field: FormField) =>
    errors[field.name]
      ? html`<span class="form-error-message" id="${id(field.name)}-error"
          ><span class="sr-only">Fejl: </span>${errors[field.name]}</span
        >`
      : '';
  const labelText = (field: FormField) =>
    html`${fieldLabels[field.name] ?? html`<span lang="en">${field.name}</span>`}${field.required || field.kind === 'checkbox' ? '' : html` <span class="weight-normal">(valgfrit)</span>`}`;
  const group = (field: FormField) => `form-group${errors[field.name] ? ' form-error' : ''}`;
  const text = (field: FormField) => {
    const value = values[field.name];
    return typeof value === 'string' ? value : '';
  };

  const renderField = (field: FormField): Html => {
    const fieldId = id(field.name);
    const required = field.required ? html` required` : '';
    switch (field.kind) {
      case 'checkbox':
        return html`<div class="${group(field)}">
          ${errorOf(field)}
          <div class="form-group-checkbox">
            <input
              class="form-checkbox"
              type="checkbox"
              id="${fieldId}"
              name="${field.name}"
              value="ja"
              ${values[field.name] === 'ja' ? html` checked` : ''}${described(field, false)}
            />
            <label for="${fieldId}">${labelText(field)}</label>
          </div>
        </div>`;
      case 'choices': {
        const ticked = Array.isArray(values[field.name]) ? (values[field.name] as string[]) : [];
        return html`<fieldset class="${group(field)}" ${described(field, false)}>
          <legend class="form-label">${labelText(field)}</legend>
          ${errorOf(field)}
          ${(field.options ?? []).map(
            (option) =>
              html`<div class="form-group-checkbox">
                <input
                  class="form-checkbox"
                  type="checkbox"
                  id="${fieldId}-${option}"
                  name="${field.name}"
                  value="${option}"
                  ${ticked.includes(option) ? html` checked` : ''}
                />
                <label for="${fieldId}-${option}">${valueLabel(field.name, option)}</label>
              </div>`,
          )}
        </fieldset>`;
      }
      case 'select':
        return html`<div class="${group(field)}">
          <label class="form-label" for="${fieldId}">${labelText(field)}</label>
          ${errorOf(field)}
          <select
            class="form-select"
            id="${fieldId}"
            name="${field.name}"
            ${required}${described(field, false)}
          >
            <option value="">${field.required ? 'Vælg' : 'Ikke angivet'}</option>
            ${(field.options ?? []).map(
              (option) =>
                html`<option value="${option}" ${text(field) === option ? html` selected` : ''}>
                  ${valueLabel(field.name, option)}
                </option>`,
            )}
          </select>
        </div>`;
      case 'textarea':
      case 'lines':
        return html`<div class="${group(field)}">
          <label class="form-label" for="${fieldId}">${labelText(field)}</label>
          ${errorOf(field)}
          <textarea
            class="form-input"
            id="${fieldId}"
            name="${field.name}"
            rows="4"
            ${required}${described(field, false)}
          >
${text(field)}</textarea>
        </div>`;
      default: {
        const hint = field.identifier
          ? identifierHint
          : field.kind === 'number'
            ? 'Decimaltal med komma, fx 7,5.'
            : '';
        return html`<div class="${group(field)}">
          <label class="form-label" for="${fieldId}">${labelText(field)}</label>
          ${hint ? html`<span class="form-hint" id="${fieldId}-hint">${hint}</span>` : ''} ${errorOf(field)}
          <input
            class="form-input"
            type="${field.kind === 'date' ? 'date' : 'text'}"
            id="${fieldId}"
            name="${field.name}"
            value="${text(field)}"
            ${field.kind === 'number' ? html` inputmode="decimal"` : ''}${field.identifier ? html` spellcheck="false" autocomplete="off"` : ''}${required}${described(field, Boolean(hint))}
          />
        </div>`;
      }
    }
  };

  const heading = eventLabel(spec.type);
  return html`<details class="details" id="handling-${spec.type}" ${state.open ? html` open` : ''}>
    <summary class="details-summary"><span class="details-summary-text">${heading}</span></summary>
    <div class="details-text">
      ${
        state.refusal
          ? html`<div class="alert alert-error" role="alert" id="${spec.type}-refusal">
              <div class="alert-body">
                <p class="alert-heading">Sagen afviste handlingen</p>
                <p class="alert-text">${state.refusal.text}</p>
                ${
                  state.refusal.reason
                    ? html`<p class="alert-text">Sagens regel: ${state.refusal.reason}</p>`
                    : ''
                }
              </div>
            </div>`
          : ''
      }
      ${
        state.formErrors?.length
          ? html`<div class="alert alert-error" role="alert">
              <div class="alert-body">
                <p class="alert-heading">Handlingen blev ikke registreret</p>
                ${state.formErrors.map((message) => html`<p class="alert-text">${message}</p>`)}
              </div>
            </div>`
          : ''
      }
      <form method="post" action="${eventFormAction(caseId, spec.type)}" novalidate>
        <input type="hidden" name="_csrf" value="${hidden.csrfToken}" />
        <input type="hidden" name="_noegle" value="${hidden.idempotencyKey}" />
        ${spec.fields.length === 0 ? html`<p>Handlingen har ingen felter at udfylde.</p>` : ''}
        ${spec.fields.map(renderField)}
        ${spec.leftOut.map((name) => html`<p class="form-hint">${leftOutNote(name)}</p>`)}
        <button type="submit" class="button button-primary mt-5">Registrér</button>
      </form>
    </div>
  </details>`;
}

/** The one form sent back to the page (invalid or refused), with what it showed. */
export interface SentForm {
  type: string;
  state: EventFormState;
  /** The key the form carried: kept while nothing reached the case, so a resubmit is still one event. */
  idempotencyKey: string;
}

/**
 * The case page's actions: one disclosure per event the person may send, closed unless it is the
 * form just sent. Each form gets a fresh idempotency key when the page is drawn.
 */
export function actionsSection(
  caseId: string,
  csrfToken: string,
  available: { forms: EventFormSpec[]; apiOnly: string[] },
  newKey: () => string,
  sent?: SentForm,
): Html {
  if (available.forms.length === 0 && available.apiOnly.length === 0) return html``;
  return html`<h2 id="handlinger" class="mt-8">Handlinger</h2>
    <p>
      Registrér det, der er sket i sagen. Sagen tjekker hver handling mod sine regler; en handling, der ikke
      passer til sagen, bliver afvist med en begrundelse og ændrer intet.
    </p>
    ${available.forms.map((spec) =>
      sent?.type === spec.type
        ? renderEventForm(caseId, spec, { csrfToken, idempotencyKey: sent.idempotencyKey }, sent.state)
        : renderEventForm(caseId, spec, { csrfToken, idempotencyKey: newKey() }),
    )}
    ${
      available.apiOnly.length > 0
        ? html`<p class="form-hint">
            Kan kun registreres gennem API'et: ${available.apiOnly.map(eventLabel).join(', ')}.
          </p>`
        : ''
    }`;
}
