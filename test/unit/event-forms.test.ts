import { allEventMessages } from '../../src/messages';
import { eventSchemaOf } from '../../src/messages/schemas';
import {
  caseEventForms,
  checkForm,
  formData,
  formSpecOf,
  formValues,
  renderEventForm,
} from '../../src/web/event-forms';
import { eventActionLabels } from '../../src/web/labels';

/**
 * The case page's forms come from the message catalog's zod schemas: every field a form can take is
 * offered with its Danish label, what is typed is checked by the same schema the API uses, and a
 * message is shown next to its field in Danish.
 */
const hidden = { csrfToken: 'csrf-token-1', idempotencyKey: 'key-12345678' };

test('every event a caseworker sends has a form and a Danish heading, so no action needs the API', () => {
  for (const type of Object.keys(allEventMessages)) {
    expect(formSpecOf(type)).toBeDefined();
    expect(eventActionLabels[type]).toBeDefined();
  }
});

test('a caseworker gets the forms of the case kind they may send; a supervisor only acknowledges', () => {
  const course = caseEventForms('ressourceforloeb', 'caseworker').forms.map((form) => form.type);
  expect(course).toEqual(
    expect.arrayContaining(['caseworkerAssigned', 'offerRegistered', 'courseConcluded']),
  );
  expect(course).not.toContain('escalationAcknowledged');
  expect(course).not.toContain('fleksjobStarted');
  expect(caseEventForms('fleksjob', 'caseworker').forms.map((form) => form.type)).toContain(
    'fleksjobStarted',
  );
  expect(caseEventForms('ressourceforloeb', 'supervisor').forms.map((form) => form.type)).toEqual([
    'escalationAcknowledged',
  ]);
});

test('a schema becomes fields by type: choices as selects, yes/no as checkboxes, dates, prose as text areas', () => {
  const offer = formSpecOf('offerRegistered')!;
  const kinds = Object.fromEntries(offer.fields.map((field) => [field.name, [field.kind, field.required]]));
  expect(kinds).toEqual({
    offerId: ['text', true],
    kind: ['select', true],
    real: ['checkbox', true],
    plannedStart: ['date', true],
    description: ['textarea', false],
    basis: ['select', false],
  });
  expect(formSpecOf('municipalDecision')!.fields.find((f) => f.name === 'reasoning')!.kind).toBe('textarea');
  expect(formSpecOf('relativeConsent')!.fields.find((f) => f.name === 'covers')!.kind).toBe('choices');
  expect(formSpecOf('fleksjobStarted')!.fields.find((f) => f.name === 'weeklyHours')!.kind).toBe('number');
});

test("a team's dissent (a list of objects) is left out of the form and said so; the lines of a list are one per line", () => {
  const team = formSpecOf('teamRecommendation')!;
  expect(team.leftOut).toEqual(['dissent']);
  expect(team.fields.find((field) => field.name === 'plannedMeasures')!.kind).toBe('lines');
  const markup = renderEventForm('C-1', team, hidden).toString();
  expect(markup).toContain(
    'Uenighed i teamet (hvem og hvorfor) kan ikke udfyldes her, kun gennem API&#39;et',
  );
  const data = formData(team, { recommends: 'fleksjob', plannedMeasures: 'Mentor\r\n\r\n Praktik ' });
  expect(data).toEqual({
    recommends: 'fleksjob',
    unanimous: false,
    citizenAttendedWholeMeeting: false,
    plannedMeasures: ['Mentor', 'Praktik'],
  });
});

test('what is typed becomes the event the schema accepts: empty fields left out, a decimal comma read', () => {
  const spec = formSpecOf('fleksjobStarted')!;
  const values = formValues(spec, { weeklyHours: '7,5', employer: '', _csrf: 'x' });
  const checked = checkForm(spec, eventSchemaOf({ type: 'fleksjobStarted' }), formData(spec, values));
  expect(checked).toEqual({ ok: true, data: { weeklyHours: 7.5 } });
});

test('an invalid form gives a Danish message per field, shown next to it with aria-invalid and aria-describedby', () => {
  const spec = formSpecOf('offerRegistered')!;
  const values = { offerId: 'tilbud 1', kind: '', plannedStart: '2199-01-01' };
  const checked = checkForm(spec, eventSchemaOf({ type: 'offerRegistered' }), formData(spec, values));
  expect(checked.ok).toBe(false);
  if (checked.ok) return;
  expect(checked.errors).toEqual({
    offerId: expect.stringContaining("Id'et kan ikke bruges"),
    kind: 'Vælg en værdi.',
    plannedStart: 'Skriv en dato fra 1.1.2000 til 31.12.2099.',
  });
  const markup = renderEventForm('C-1', spec, hidden, {
    values,
    errors: checked.errors,
    open: true,
  }).toString();
  expect(markup).toContain('<details class="details" id="handling-offerRegistered"  open>');
  expect(markup).toMatch(
    /id="offerRegistered-offerId"[^>]*value="tilbud 1"[^>]*aria-describedby="offerRegistered-offerId-error offerRegistered-offerId-hint" aria-invalid="true"/,
  );
  expect(markup).toContain('id="offerRegistered-plannedStart-error"');
  expect(markup).toContain('name="_csrf" value="csrf-token-1"');
  expect(markup).toContain('name="_noegle" value="key-12345678"');
  expect(markup).toContain('action="/sager/C-1/haendelser/offerRegistered"');
});

test('a rule of the schema across fields is given in Danish at the field it names', () => {
  const spec = formSpecOf('municipalDecision')!;
  const data = formData(spec, { decision: 'refuse', reasoning: 'Ikke grundlag' });
  const checked = checkForm(spec, eventSchemaOf({ type: 'municipalDecision' }), data);
  expect(checked.ok).toBe(false);
  if (!checked.ok) expect(checked.errors.alternative).toMatch(/^Ved et afslag skal det stå/);
});

test('typed text is escaped, never markup', () => {
  const spec = formSpecOf('caseworkerAssigned')!;
  const markup = renderEventForm('C-1', spec, hidden, {
    values: { name: '"><script>x</script>' },
  }).toString();
  expect(markup).not.toContain('<script>');
  expect(markup).toContain('&quot;&gt;&lt;script&gt;');
});
