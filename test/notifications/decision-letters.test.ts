import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fleksjob, type FleksjobState, type NotificationRecord, openFleksjob } from '../../src/domain';
import {
  DEFAULT_TEMPLATES_DIR,
  loadTemplates,
  renderMessage,
  TemplateError,
} from '../../src/notifications/templates';
import { after, courseAfter, events, inCourse, open, seeds, send, T0 } from '../helpers/core';
import { caseworker, sendOn } from '../helpers/spec';

const templates = loadTemplates();
const context = { municipalityName: 'Aarhus Kommune' };

const DAY = 86_400_000;
const withRelative = <S extends { relatives: unknown }>(
  state: S,
  sender: (state: S, type: string, data: unknown, at: number) => S,
  at: number,
) =>
  sender(
    sender(
      state,
      'relativeRegistered',
      { relativeId: 'r1', name: 'Mette Jensen', relation: 'spouse', email: 'mette@example.dk' },
      at,
    ),
    'relativeConsent',
    { relativeId: 'r1', consent: true, covers: ['decisions'] },
    at,
  );
const sendCourse = (state: ReturnType<typeof open>, type: string, data: unknown, at: number) =>
  send(state, type as never, data as never, at);
const sendFleksjob = (state: FleksjobState, type: string, data: unknown, at: number) =>
  sendOn(fleksjob, state, type, data, at, caseworker);

/** One notification of each decision topic, with the reasoning the caseworker entered. */
function decisions(): NotificationRecord[] {
  const refused = sendCourse(
    sendCourse(
      withRelative(open(), sendCourse, after('P1D')),
      'teamRecommendation',
      { recommends: 'other-measures', unanimous: true, citizenAttendedWholeMeeting: true },
      after('P3W'),
    ),
    'municipalDecision',
    { ...events.refuse, reasoning: 'Dine helbredsforhold gør andre indsatser mere relevante.' },
    after('P1M'),
  );
  const upheld = sendCourse(
    sendCourse(refused, 'complaintReceived', { complaintId: 'k1', about: 'refusal' }, after('P1M', DAY)),
    'complaintReconsidered',
    { complaintId: 'k1', result: 'upheld', reasoning: 'Kommunen har fået nye oplysninger.' },
    after('P1M', 2 * DAY),
  );
  const pension = sendCourse(
    withRelative(open(), sendCourse, after('P1D')),
    'workCapacityCannotDevelop',
    { basis: 'terminal-illness', reasoning: 'Lægens erklæring viser, at arbejdsevnen ikke kan udvikles.' },
    after('P2W'),
  );
  const concluded = sendCourse(
    inCourse(),
    'courseConcluded',
    { outcome: 'job', reasoning: 'Du er ansat i ordinært job fra 1. marts.' },
    courseAfter('P1Y'),
  );
  const fleks = sendFleksjob(
    openFleksjob(
      {
        caseId: 'FJ-2027-7',
        municipality: '751',
        citizen: { cpr: '020285-2222', name: 'Karin', email: 'karin@example.dk' },
        job: { weeklyHours: 12 },
      },
      seeds,
      T0,
      caseworker,
    ),
    'fleksjobEnded',
    { reason: 'ordinary-job', reasoning: 'Du arbejder nu 37 timer om ugen uden tilskud.' },
    T0 + 60 * DAY,
  );
  return [refused, upheld, pension, concluded, fleks].flatMap((state) =>
    state.notifications.filter((n) =>
      ['decision', 'routed-to-pension', 'course-concluded', 'fleksjob-ended'].includes(n.topic),
    ),
  );
}

describe('decision letters (forvaltningsloven §§ 22–25)', () => {
  const all = decisions();

  test('every decision topic is reached, the reconsidered complaint included', () => {
    expect(new Set(all.map((n) => n.topic))).toEqual(
      new Set(['decision', 'routed-to-pension', 'course-concluded', 'fleksjob-ended']),
    );
    expect(all.some((n) => n.facts.complaintUpheld === true)).toBe(true);
  });

  test.each(decisions().map((n) => [n.id, n] as const))(
    '%s: the citizen reads the reasons, the legal basis and complete complaint guidance with its date',
    (_id, notification) => {
      const { text, html } = renderMessage(
        templates,
        notification,
        { role: 'citizen', name: 'Jens' },
        context,
      );
      expect(text).toContain('\nBegrundelse\n');
      expect(text).toContain(String(notification.facts.reasoning));
      expect(text).toContain(`Afgørelsen er truffet efter ${notification.facts.legalSource}.`);
      expect(text).toMatch(/(lov|bekendtgørelse).*§/);
      expect(text).toContain('\nSådan klager du\n');
      expect(text).toContain('Du klager til Aarhus Kommune, ikke direkte til Ankestyrelsen');
      expect(text).toMatch(/skriftligt.*\n.*digitalt.*\n.*ringe/);
      // 4 weeks from the day it was received, to the end of that day (Copenhagen time), moved off a
      // day off: the date the engine counts.
      const decided = new Date(String(notification.facts.decidedAt));
      const by = new Date(String(notification.facts.complaintBy));
      expect(by.getTime() - decided.getTime()).toBeGreaterThanOrEqual(28 * DAY);
      expect(by.getTime() - decided.getTime()).toBeLessThan(33 * DAY);
      expect(text).toMatch(
        /Har du fået den den \d{1,2}\. [a-zæøå]+ 20\d\d, skal kommunen have din klage senest/,
      );
      expect(text).toContain('Ankestyrelsens Beskæftigelsesudvalg');
      expect(text).toContain('Afgørelsen gælder, mens klagen bliver behandlet.');
      expect(html).toContain('<h2>Sådan klager du</h2>');
    },
  );

  test('a refusal dated 4 February 2027 can be complained about until 4 March 2027', () => {
    const refusal = all.find((n) => n.facts.decision === 'refuse')!;
    expect(refusal.facts.decidedAt).toBe('2027-02-04T08:00:00.000Z');
    const { text } = renderMessage(templates, refusal, { role: 'citizen' }, context);
    expect(text).toContain(
      'Har du fået den den 4. februar 2027, skal kommunen have din klage senest den 4. marts 2027.',
    );
  });

  test('the reasoning is written to the citizen: relatives and staff never read it', () => {
    for (const notification of all) {
      for (const role of ['relatives', 'caseworker'] as const) {
        const { text, html } = renderMessage(templates, notification, { role }, context);
        expect(text).not.toContain(String(notification.facts.reasoning));
        expect(html).not.toContain(String(notification.facts.reasoning));
      }
    }
  });

  test('the dissent letter names the dissenters and their views, to the citizen only', () => {
    const state = sendCourse(
      withRelative(open(), sendCourse, after('P1D')),
      'teamRecommendation',
      events.recommendCourseWithDissent,
      after('P3W'),
    );
    const dissent = state.notifications.find((n) => n.topic === 'team-dissent')!;
    const citizen = renderMessage(templates, dissent, { role: 'citizen' }, context);
    const member = events.recommendCourseWithDissent.dissent[0]!;
    expect(citizen.text).toContain(`- ${member.member}: ${member.opinion}`);
    expect(citizen.html).toContain(`<li>${member.member}: ${member.opinion}</li>`);
    const relatives = renderMessage(templates, dissent, { role: 'relatives' }, context);
    expect(relatives.text).toContain(member.member);
    expect(relatives.text).not.toContain(member.opinion);
  });

  test('the HTML part is a simple accessible document in Danish: headings, lists, no images', () => {
    const { html, subject } = renderMessage(templates, all[0]!, { role: 'citizen', name: 'Jens' }, context);
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="da">/);
    expect(html).toContain(`<title>${subject}</title>`);
    expect(html).toContain(`<h1>${subject}</h1>`);
    expect(html).toContain('<h2>Begrundelse</h2>');
    expect(html).toMatch(/<ul>\n<li>skriftligt/);
    expect(html).not.toMatch(/<img|<script|style=/);
  });
});

describe('the template loader refuses what would make a letter unlawful or unreadable', () => {
  function problemsWith(files: Record<string, string>): string[] {
    const dir = join(mkdtempSync(join(tmpdir(), 'rf-templates-')), 'da');
    cpSync(DEFAULT_TEMPLATES_DIR, dir, { recursive: true });
    for (const [file, content] of Object.entries(files)) writeFileSync(join(dir, file), content);
    try {
      loadTemplates(dir);
      return [];
    } catch (error) {
      return (error as TemplateError).problems.map((problem) => problem.replace(`${dir}/`, ''));
    }
  }

  test('a decision topic without the reasons and guidance partial', () => {
    expect(
      problemsWith({ 'fleksjob-ended.txt': 'Emne: Sag {{caseId}}: slut\n\nDit fleksjob er slut.\n' }),
    ).toEqual([
      'fleksjob-ended.txt: a decision letter must include the reasons and complaint guidance, {{> afgoerelse}}',
    ]);
    // …reached through another partial counts.
    expect(
      problemsWith({
        '_brev.txt': '{{> afgoerelse}}\n',
        'fleksjob-ended.txt': 'Emne: Sag {{caseId}}: slut\n\nDit fleksjob er slut.\n\n{{> brev}}\n',
      }),
    ).toEqual([]);
  });

  test('a missing Danish label', () => {
    const labels = JSON.parse(readFileSync(join(DEFAULT_TEMPLATES_DIR, 'labels.json'), 'utf8')) as Record<
      string,
      Record<string, string>
    >;
    delete labels.deadline!['progression-review'];
    delete labels.ending!['resigned'];
    expect(problemsWith({ 'labels.json': JSON.stringify(labels) })).toEqual([
      'labels.json: "deadline" has no Danish label for progression-review',
      'labels.json: "ending" has no Danish label for resigned',
    ]);
  });

  test('a raw key or English text shown as it is', () => {
    expect(
      problemsWith({
        'deadline-reminder.txt': 'Emne: Sag {{caseId}}: frist\n\nFrist: {{deadline}} ({{label}}).\n',
      }),
    ).toEqual([
      'deadline-reminder.txt: body: {{deadline}} would show a raw key or English: use {{text.deadline}}',
      'deadline-reminder.txt: body: {{label}} would show a raw key or English',
    ]);
  });

  test('the citizen’s reasoning in a letter to someone else', () => {
    expect(
      problemsWith({
        'decision.relatives.txt': 'Emne: Sag {{caseId}}: afgørelse\n\nBegrundelse: {{reasoning}}\n',
      }),
    ).toEqual([
      'decision.relatives.txt: {{reasoning}} is written to the citizen: not in a letter to the relatives',
    ]);
  });
});
