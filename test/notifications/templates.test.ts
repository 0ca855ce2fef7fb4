import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  allDeadlineKinds,
  type CourseEventData,
  type CourseState,
  type NotificationRecord,
  OutcomeSchema,
  RecommendationSchema,
} from '../../src/domain';
import { ConfigError } from '../../src/config';
import { loadMailConfig } from '../../src/config/mail';
import {
  AUDIENCES,
  DEFAULT_TEMPLATES_DIR,
  loadTemplates,
  NOTIFICATION_TOPICS,
  renderMessage,
  TemplateError,
} from '../../src/notifications/templates';
import { advanceClock, after, courseAfter, events, inCourse, law, open, send } from '../helpers/core';

const templates = loadTemplates();
const context = { municipalityName: 'Københavns Kommune' };
const CITIZEN_CPR = '010190-1234';
const CPR_LIKE = /(?<!\d)\d{6}-?\d{4}(?!\d)/;
/** Words that would give away a health detail (the basis of a route to førtidspension, a specialty). */
const HEALTH_WORDS = /terminal|illness|sygdom|reumatologi|psykiatri|diagnose/i;

function copyOfTemplates(): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'rf-templates-')), 'da');
  cpSync(DEFAULT_TEMPLATES_DIR, dir, { recursive: true });
  return dir;
}

describe('the template files', () => {
  test('every notification topic has a template file', () => {
    const missing = NOTIFICATION_TOPICS.map((topic) => join(DEFAULT_TEMPLATES_DIR, `${topic}.txt`)).filter(
      (file) => !existsSync(file),
    );
    expect(missing).toEqual([]);
  });

  test('every audience variant in use is a topic and an audience the core knows, and loads', () => {
    const variants = [...templates.templates.keys()].filter((key) => key.includes('.'));
    expect(variants.length).toBeGreaterThan(0);
    for (const key of variants) {
      const [topic, audience] = key.split('.');
      expect(NOTIFICATION_TOPICS).toContain(topic);
      expect(AUDIENCES).toContain(audience);
    }
  });

  test('a folder without a topic’s file does not load, and the error names the missing file', () => {
    const dir = copyOfTemplates();
    rmSync(join(dir, 'decision.txt'));
    rmSync(join(dir, 'escalation.txt'));
    expect(() => loadTemplates(dir)).toThrow(TemplateError);
    expect(() => loadTemplates(dir)).toThrow(`  - missing template ${join(dir, 'decision.txt')}`);
    expect(() => loadTemplates(dir)).toThrow(`  - missing template ${join(dir, 'escalation.txt')}`);
    // …and the worker does not start: loadMailConfig reports it as a configuration problem.
    expect(() => loadMailConfig({ RF_TEMPLATES_DIR: dir })).toThrow(ConfigError);
    expect(() => loadMailConfig({ RF_TEMPLATES_DIR: dir })).toThrow(
      `RF_TEMPLATES_DIR: missing template ${join(dir, 'decision.txt')}`,
    );
  });

  test('misnamed, malformed or indiscreet templates are refused with the file and the reason', () => {
    const dir = copyOfTemplates();
    writeFileSync(join(dir, 'decision.citizens.txt'), 'Emne: x\n\ny\n');
    writeFileSync(join(dir, 'decison.txt'), 'Emne: x\n\ny\n');
    writeFileSync(join(dir, 'team-dissent.txt'), 'Sag {{caseId}}\n\nno subject line\n');
    writeFileSync(join(dir, 'course-concluded.txt'), 'Emne: Sag {{caseId}} for {{recipient.name}}\n\nHej\n');
    writeFileSync(
      join(dir, 'routed-to-pension.txt'),
      'Emne: Sag {{caseId}}\n\nFordi: {{basis}} {{> nope}}\n',
    );
    writeFileSync(join(dir, 'back-to-team.txt'), 'Emne: Sag {{caseId}}\n\n{{#proposed}}unclosed\n');
    let problems: string[] = [];
    try {
      loadTemplates(dir);
    } catch (error) {
      problems = (error as TemplateError).problems;
    }
    // routed-to-pension and course-concluded are decisions: without the reasons and guidance, refused too.
    expect(problems).toHaveLength(10);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/missing template .*team-dissent\.txt$/),
        expect.stringMatching(/back-to-team\.txt: body: Unclosed section "proposed"/),
        expect.stringMatching(
          /course-concluded\.txt: subject: \{\{recipient\.name\}\} is not allowed in a subject/,
        ),
        expect.stringMatching(/decision\.citizens\.txt: "citizens" is not an audience/),
        expect.stringMatching(/decison\.txt: not a notification topic/),
        expect.stringMatching(
          /routed-to-pension\.txt: body: \{\{basis\}\} is not allowed: it may carry health details/,
        ),
        expect.stringMatching(/routed-to-pension\.txt: \{\{> nope\}\}: no partial _nope\.txt/),
        expect.stringMatching(/team-dissent\.txt: the first line must be the subject, "Emne: …"/),
        expect.stringMatching(
          /routed-to-pension\.txt: a decision letter must include .*\{\{> afgoerelse\}\}/,
        ),
        expect.stringMatching(/course-concluded\.txt: a decision letter must include .*\{\{> afgoerelse\}\}/),
      ]),
    );
  });

  test('an operator’s copy in RF_TEMPLATES_DIR is what the worker uses', () => {
    const dir = copyOfTemplates();
    writeFileSync(
      join(dir, 'back-to-team.txt'),
      'Emne: Teamet igen i sag {{caseId}}\n\nHej {{recipient.name}}.\n',
    );
    const config = loadMailConfig({ RF_TEMPLATES_DIR: dir });
    const message = renderMessage(
      config.templates,
      { topic: 'back-to-team', facts: { caseId: 'KBH-1', municipality: '101' } },
      { role: 'citizen', name: 'Jens Jensen' },
      context,
    );
    expect(message).toEqual({
      subject: 'Teamet igen i sag KBH-1',
      text: 'Hej Jens Jensen.\n',
      html: expect.stringContaining('<p>Hej Jens Jensen.</p>'),
      template: 'back-to-team.txt',
      missing: [],
    });
  });

  test('labels.json has plain Danish for every value a template shows through text.*, every deadline of every kind included', () => {
    const alternatives: Record<NonNullable<CourseEventData<'municipalDecision'>['alternative']>, true> = {
      fleksjob: true,
      foertidspension: true,
      revalidering: true,
      'other-measures': true,
      none: true,
    };
    const expected = {
      // Every deadline of every kind of case (the loader refuses templates without them).
      deadline: allDeadlineKinds,
      outcome: OutcomeSchema.options,
      recommends: RecommendationSchema.options,
      alternative: Object.keys(alternatives),
    };
    for (const [fact, values] of Object.entries(expected)) {
      expect([fact, Object.keys(templates.labels[fact] ?? {}).sort()]).toEqual([fact, [...values].sort()]);
    }
  });
});

/**
 * Every notification the pure core queues along the ways a case can go, with the facts it really
 * gives. The citizen's CPR number is in every case's state.
 */
function notificationsFromTheCore(): NotificationRecord[] {
  const DAY = 86_400_000;
  const withRelatives = (state: CourseState, at: number, covers: string[]) => {
    let next = send(
      state,
      'relativeRegistered',
      { relativeId: 'r1', name: 'Mette Jensen', relation: 'spouse', email: 'mette@example.dk' },
      at,
    );
    next = send(
      next,
      'relativeRegistered',
      { relativeId: 'r2', name: 'Ole Jensen', relation: 'son', email: 'ole@example.dk' },
      at,
    );
    return send(next, 'relativeConsent', { relativeId: 'r1', consent: true, covers }, at);
  };
  /** The clock as the workflow runs it: waking up along the way, not once at the end. */
  const weekByWeek = (state: CourseState, until: number) => {
    let next = state;
    for (let at = Date.parse(state.openedAt); at < until; at += 7 * DAY) next = advanceClock(next, at);
    return advanceClock(next, until);
  };
  const cases: CourseState[] = [];

  // Dissent, a grant, then a year without a real offer and three years without an outcome: reminders,
  // breaches, the right to a decision on the existing evidence, escalations to both levels.
  let state = withRelatives(open(), after('P1D'), ['decisions', 'deadlines']);
  state = send(state, 'caseworkerAssigned', events.assign, after('P1W'));
  state = send(state, 'teamRecommendation', events.recommendCourseWithDissent, after('P3W'));
  state = send(state, 'municipalDecision', events.grant, after('P1M'));
  cases.push(weekByWeek(state, courseAfter('P3Y', 30 * DAY)));

  // A refusal with an alternative; a complaint kept, one upheld, one not reconsidered in time.
  state = withRelatives(open(), after('P1D'), ['decisions']);
  state = send(
    state,
    'teamRecommendation',
    { recommends: 'other-measures', unanimous: true, citizenAttendedWholeMeeting: true },
    after('P3W'),
  );
  state = send(state, 'municipalDecision', events.refuse, after('P1M'));
  state = send(state, 'complaintReceived', { complaintId: 'k1', about: 'refusal' }, after('P1M', DAY));
  state = send(
    state,
    'complaintReconsidered',
    { complaintId: 'k1', result: 'kept', reasoning: 'the decision stands' },
    after('P1M', 2 * DAY),
  );
  // The citizen hears that it went to Ankestyrelsen once a caseworker has sent it.
  state = send(state, 'complaintForwarded', { complaintId: 'k1' }, after('P1M', 3 * DAY));
  cases.push(state);
  state = inCourse();
  state = send(state, 'complaintReceived', { complaintId: 'k2', about: 'grant' }, courseAfter('P1D'));
  state = send(
    state,
    'complaintReconsidered',
    { complaintId: 'k2', result: 'upheld', reasoning: 'agreed' },
    courseAfter('P2D'),
  );
  cases.push(state);
  state = withRelatives(inCourse(), courseAfter('P1D'), ['decisions']);
  state = send(state, 'complaintReceived', { complaintId: 'k3', about: 'grant' }, courseAfter('P2D'));
  cases.push(weekByWeek(state, courseAfter('P6W')));

  // The municipality deviates from the team; under the law in force, no measure within 6 months.
  state = withRelatives(open(), after('P1D'), ['decisions']);
  state = send(
    state,
    'teamRecommendation',
    { recommends: 'fleksjob', unanimous: true, citizenAttendedWholeMeeting: true },
    after('P3W'),
  );
  cases.push(send(state, 'municipalDecision', events.grant, after('P1M')));
  cases.push(weekByWeek(inCourse(law), courseAfter('P7M')));

  // A specialist advises against a running offer; pension instead of a course; a concluded course.
  state = send(inCourse(), 'offerRegistered', events.realOffer('o1'), courseAfter('P1D'));
  state = send(state, 'offerStarted', { offerId: 'o1' }, courseAfter('P2D'));
  cases.push(
    send(state, 'specialistAdvisedAgainst', { offerId: 'o1', specialty: 'reumatologi' }, courseAfter('P3D')),
  );
  state = withRelatives(open(), after('P1D'), ['decisions']);
  cases.push(send(state, 'workCapacityCannotDevelop', { basis: 'terminal-illness' }, after('P2W')));
  state = withRelatives(inCourse(), courseAfter('P1D'), ['decisions']);
  cases.push(send(state, 'courseConcluded', { outcome: 'job' }, courseAfter('P1Y')));

  for (const one of cases) expect(one.citizen.cpr).toBe(CITIZEN_CPR);
  return cases.flatMap((one) => one.notifications);
}

describe('rendering what the core queues', () => {
  const notifications = notificationsFromTheCore();
  const rendered = notifications.flatMap((notification) =>
    notification.recipients.map((recipient) => ({
      notification,
      recipient,
      message: renderMessage(templates, notification, recipient, context),
    })),
  );

  test('the scenarios reach every topic of a ressourceforløb and every audience', () => {
    const reached = new Set(notifications.map((notification) => notification.topic));
    const courseTopics = NOTIFICATION_TOPICS.filter(
      (topic) =>
        ![
          'fleksjob-reassessment',
          'fleksjob-reassessment-offered',
          'fleksjob-ended',
          'right-to-assessment',
        ].includes(topic),
    );
    expect([...reached].sort()).toEqual([...courseTopics].sort());
    expect(new Set(rendered.map(({ recipient }) => recipient.role))).toEqual(new Set(AUDIENCES));
  });

  test('every message renders in full: the facts each template names are there', () => {
    const incomplete = rendered
      .filter(({ message }) => message.missing.length > 0)
      .map(
        ({ notification, message }) =>
          `${notification.id} via ${message.template}: ${message.missing.join(', ')}`,
      );
    expect(incomplete).toEqual([]);
  });

  test('no CPR number and no health detail in any subject or body', () => {
    for (const { message } of rendered) {
      expect(message.subject).not.toMatch(CPR_LIKE);
      expect(message.text).not.toMatch(CPR_LIKE);
      expect(message.subject).not.toMatch(HEALTH_WORDS);
      expect(message.text).not.toMatch(HEALTH_WORDS);
    }
  });

  test('subjects name the case and the matter, never a person', () => {
    for (const { message, notification } of rendered) {
      expect(message.subject).toMatch(new RegExp(`^Sag ${notification.facts.caseId}: `));
      expect(message.subject).not.toMatch(/Jens|Mette|Sara/);
    }
  });

  test('relatives are written to as relatives, and only the one who consented (Ole never did)', () => {
    const toRelatives = rendered.filter(({ recipient }) => recipient.role === 'relatives');
    expect(toRelatives.length).toBeGreaterThan(0);
    expect(new Set(toRelatives.map(({ recipient }) => recipient.name))).toEqual(new Set(['Mette Jensen']));
    // Mette's consent covers deadlines too in the first scenario; the delivery tests check each consent.
    expect(new Set(toRelatives.map(({ notification }) => notification.topic))).toContain('deadline-reminder');
    for (const { message } of toRelatives) {
      expect(message.text).toContain('har givet samtykke til, at du som pårørende bliver orienteret');
      expect(message.template).toMatch(/\.relatives\.txt$/);
    }
  });

  test('plain Danish: a refusal, a reminder and an escalation as the recipient reads them', () => {
    const find = (topic: string, role: string) =>
      rendered.find(({ notification, recipient }) => notification.topic === topic && recipient.role === role)!
        .message;
    const refusal = rendered.find(
      ({ notification, recipient }) =>
        notification.facts.decision === 'refuse' && recipient.role === 'citizen',
    )!.message;
    expect(refusal.subject).toBe('Sag KBH-2027-0042: afgørelse');
    expect(refusal.text).toContain('Kære Jens Jensen\n');
    expect(refusal.text).toContain('Kommunen har besluttet, at du ikke skal have et ressourceforløb.');
    expect(refusal.text).toContain('I stedet behandles din sag videre med henblik på andre indsatser.');
    // The reasons and the complaint guidance are in the letter itself (forvaltningsloven §§ 22–25).
    expect(refusal.text).toContain('Fristen er 4 uger fra den dag, du har fået afgørelsen.');
    expect(refusal.text).toMatch(/skal kommunen have din klage senest den \d{1,2}\. [a-zæøå]+ 20\d\d\./);
    expect(refusal.text).toContain('Jobcentret, Københavns Kommune');

    const reminder = find('deadline-reminder', 'citizen');
    expect(reminder.text).toMatch(/skal være gået i gang senest den \d{1,2}\. [a-zæøå]+ 20\d\d\./);

    const escalation = find('escalation', 'head-of-department');
    expect(escalation.subject).toBe('Sag KBH-2027-0042: eskalering (niveau 2)');
    expect(escalation.text).toContain('Til rette vedkommende');
    expect(escalation.text).toContain('ikke blevet kvitteret af en leder inden for fristen');

    const pension = find('routed-to-pension', 'citizen');
    expect(pension.text).toContain('behandles din sag videre med henblik på førtidspension');
  });

  test('a CPR number slipped into a fact is masked, and withheld facts are never shown', () => {
    const message = renderMessage(
      templates,
      {
        topic: 'decision',
        facts: {
          caseId: 'KBH-1',
          municipality: '101',
          decision: 'grant-course',
          reasoning: `see ${CITIZEN_CPR} and 0101901234`,
          basis: 'terminal-illness',
        },
      },
      { role: 'citizen' },
      context,
    );
    expect(message.html).toContain('see xxxxxx-xxxx and xxxxxx-xxxx');
    expect(message.text).toContain('see xxxxxx-xxxx and xxxxxx-xxxx');
    // Even a template that slipped past the loader's check cannot show a withheld fact.
    const careless = {
      ...templates,
      templates: new Map([
        ['escalation', { file: 'escalation.txt', subject: 'Sag {{caseId}}', body: 'Fordi: {{basis}}' }],
      ]),
    };
    const withheld = renderMessage(
      careless,
      { topic: 'escalation', facts: { caseId: 'KBH-1', municipality: '101', basis: 'terminal-illness' } },
      { role: 'supervisor' },
      context,
    );
    expect(withheld).toMatchObject({ text: 'Fordi:\n', missing: ['basis'] });
    expect(message.text).not.toMatch(CPR_LIKE);
    expect(message.text).not.toContain('terminal');
  });
});
