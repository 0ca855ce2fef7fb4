import { loadRuleset } from '../../src/config/rulesets';
import {
  type Actor,
  type AnyCaseState,
  type CaseRules,
  cashBenefit,
  course,
  fleksjob,
  type NotificationRecord,
  openCashBenefit,
  openCourse,
  openFleksjob,
  OutcomeSchema,
  recordDelivery,
  type Ruleset,
} from '../../src/domain';
import { addDuration } from '../../src/domain/engine/time';
import { officialMunicipalityName } from '../../src/notifications/municipalities';
import { renderMessage, type TemplateSet } from '../../src/notifications/templates';

/**
 * A sample of every letter the product sends: cases of every kind run through the pure core along
 * the ways that reach every topic and audience, each distinct letter rendered once. The samples in
 * docs/letters/ are these (`npm run letters` writes them; a test checks they are current).
 */
const T0 = Date.parse('2027-01-04T08:00:00.000Z');
const DAY = 86_400_000;
const at = (duration: string, extraMs = 0) => addDuration(T0, duration) + extraMs;
const caseworker: Actor = { id: 'cw-17', role: 'caseworker' };
const citizen = { cpr: '010190-1234', name: 'Jens Jensen', email: 'jens@example.dk' };

function send<S extends AnyCaseState>(
  rules: CaseRules<S>,
  state: S,
  type: string,
  data: unknown,
  now: number,
): S {
  const parsed = rules.parse(type, data);
  if (!parsed.ok) throw new Error(`${type}: ${parsed.reason}`);
  const result = rules.decide(rules.advanceClock(state, now), parsed.event, caseworker, now);
  if (!result.ok) throw new Error(`${type} refused: ${result.reason}`);
  return result.state;
}

/** The clock as the workflow runs it: waking up week by week. */
function weekByWeek<S extends AnyCaseState>(rules: CaseRules<S>, state: S, until: number): S {
  let next = state;
  for (let now = Date.parse(state.openedAt); now < until; now += 7 * DAY)
    next = rules.advanceClock(next, now);
  return rules.advanceClock(next, until);
}

function withPeople<S extends AnyCaseState>(rules: CaseRules<S>, state: S, now: number): S {
  let next = send(rules, state, 'caseworkerAssigned', { caseworkerId: 'cw-17', name: 'Sara Holm' }, now);
  next = send(
    rules,
    next,
    'relativeRegistered',
    { relativeId: 'r1', name: 'Mette Jensen', relation: 'ægtefælle', email: 'mette@example.dk' },
    now,
  );
  return send(
    rules,
    next,
    'relativeConsent',
    { relativeId: 'r1', consent: true, covers: ['decisions', 'deadlines'] },
    now,
  );
}

const grant = {
  decision: 'grant-course',
  reasoning:
    'Rehabiliteringsteamet anbefaler et ressourceforløb, og kommunen er enig: dine mål om arbejde kræver en sammenhængende indsats over længere tid.',
};
const recommend = (recommends: string) => ({
  recommends,
  unanimous: true,
  citizenAttendedWholeMeeting: true,
});

function courseCases(ruleset: Ruleset, law: Ruleset): AnyCaseState[] {
  const open = (caseId: string, rules = ruleset) =>
    openCourse({ caseId, municipality: '101', origin: 'referral', citizen }, rules, T0, caseworker);
  const s = <T extends AnyCaseState>(state: T, type: string, data: unknown, now: number) =>
    send(course as unknown as CaseRules<T>, state, type, data, now);
  const cases: AnyCaseState[] = [];

  // Dissent, a grant, and years without a real offer or an outcome: reminders, breaches, escalations.
  let state = withPeople(course, open('KBH-2027-0001'), at('P1D'));
  state = s(
    state,
    'teamRecommendation',
    {
      recommends: 'ressourceforloeb',
      unanimous: false,
      dissent: [
        {
          member: 'sundhedskoordinatoren',
          opinion: 'Et ressourceforløb er for tidligt: behandlingen bør afsluttes først.',
        },
      ],
      citizenAttendedWholeMeeting: true,
    },
    at('P3W'),
  );
  state = s(state, 'municipalDecision', grant, at('P1M'));
  cases.push(weekByWeek(course, state, at('P3Y', 60 * DAY)));
  // No caseworker: the job centre's inbox gets the caseworker's letters.
  cases.push(weekByWeek(course, open('KBH-2027-0002'), at('P4W')));

  // A refusal; a complaint kept, one upheld, one not reconsidered in time.
  state = withPeople(course, open('KBH-2027-0003'), at('P1D'));
  state = s(state, 'teamRecommendation', recommend('other-measures'), at('P3W'));
  state = s(
    state,
    'municipalDecision',
    {
      decision: 'refuse',
      alternative: 'other-measures',
      reasoning:
        'Rehabiliteringsteamet vurderer, og kommunen er enig, at du er bedst hjulpet af en kortere indsats med mentorstøtte.',
    },
    at('P1M'),
  );
  state = s(state, 'complaintReceived', { complaintId: 'k1', about: 'refusal' }, at('P1M', DAY));
  cases.push(
    s(
      state,
      'complaintReconsidered',
      {
        complaintId: 'k1',
        result: 'kept',
        reasoning: 'Klagen giver ikke nye oplysninger, som ændrer vurderingen.',
      },
      at('P1M', 2 * DAY),
    ),
  );
  // Kept and sent to Ankestyrelsen (the citizen is told when it was sent); a late complaint; partial medhold.
  cases.push(
    s(
      s(
        state,
        'complaintReconsidered',
        {
          complaintId: 'k1',
          result: 'kept',
          reasoning: 'Klagen giver ikke nye oplysninger, som ændrer vurderingen.',
        },
        at('P1M', 2 * DAY),
      ),
      'complaintForwarded',
      { complaintId: 'k1' },
      at('P1M', 3 * DAY),
    ),
  );
  cases.push(
    s(
      s(
        state,
        'complaintReceived',
        { complaintId: 'k2', about: 'refusal', lateReason: 'Jeg var indlagt, da afgørelsen kom.' },
        at('P1M', 29 * DAY),
      ),
      'complaintForwarded',
      { complaintId: 'k2' },
      at('P1M', 30 * DAY),
    ),
  );
  cases.push(
    s(
      state,
      'complaintReconsidered',
      {
        complaintId: 'k1',
        result: 'partly-upheld',
        reasoning: 'Kommunen giver dig ret i, at mentorstøtten skal begynde tidligere.',
      },
      at('P1M', 2 * DAY),
    ),
  );
  cases.push(
    s(
      state,
      'complaintReconsidered',
      {
        complaintId: 'k1',
        result: 'upheld',
        reasoning: 'Med lægens nye erklæring er betingelserne for et ressourceforløb opfyldt.',
      },
      at('P1M', 2 * DAY),
    ),
  );
  cases.push(weekByWeek(course, state, at('P3M')));

  // The municipality deviates from the team; under the law in force, no measure within 6 months.
  state = withPeople(course, open('KBH-2027-0004'), at('P1D'));
  state = s(state, 'teamRecommendation', recommend('fleksjob'), at('P3W'));
  cases.push(s(state, 'municipalDecision', grant, at('P1M')));
  state = withPeople(course, open('KBH-2027-0005', law), at('P1D'));
  state = s(state, 'teamRecommendation', recommend('ressourceforloeb'), at('P3W'));
  // The law's grant says until when the course is granted ("frem til").
  state = s(state, 'municipalDecision', { ...grant, grantedUntil: '2029-02-04' }, at('P1M'));
  cases.push(weekByWeek(course, state, at('P8M')));

  // A specialist advises against a running offer; pension instead of a course; a concluded course.
  state = withPeople(course, open('KBH-2027-0006'), at('P1D'));
  state = s(state, 'teamRecommendation', recommend('ressourceforloeb'), at('P3W'));
  state = s(state, 'municipalDecision', grant, at('P1M'));
  state = s(
    state,
    'offerRegistered',
    { offerId: 'o1', kind: 'internship', real: true, plannedStart: '2027-03-01' },
    at('P5W'),
  );
  state = s(state, 'offerStarted', { offerId: 'o1' }, at('P6W'));
  cases.push(s(state, 'specialistAdvisedAgainst', { offerId: 'o1', specialty: 'reumatologi' }, at('P7W')));
  for (const outcome of OutcomeSchema.options)
    cases.push(
      s(
        state,
        'courseConcluded',
        {
          outcome,
          reasoning:
            'Kommunen har sammen med dig vurderet, hvad der skal ske, når forløbet slutter, ud fra de oplysninger og erfaringer, forløbet har givet.',
        },
        at('P1Y'),
      ),
    );
  state = withPeople(course, open('KBH-2027-0007'), at('P1D'));
  cases.push(
    s(
      state,
      'workCapacityCannotDevelop',
      {
        basis: 'no-prospect-of-development',
        reasoning:
          'Oplysningerne fra din læge og fra dine tidligere forløb viser, at din arbejdsevne ikke kan udvikles.',
      },
      at('P2W'),
    ),
  );
  // The citizen's address is refused for good: the supervisor is told which letter did not arrive.
  state = s(
    open('KBH-2027-0008'),
    'teamRecommendation',
    {
      recommends: 'ressourceforloeb',
      unanimous: false,
      dissent: [{ member: 'jobkonsulenten', opinion: 'En kortere indsats bør prøves først.' }],
      citizenAttendedWholeMeeting: true,
    },
    at('P3W'),
  );
  const dissent = state.notifications.find((notification) => notification.topic === 'team-dissent')!;
  state = recordDelivery(
    state,
    dissent.id,
    { status: 'rejected', attempts: 1, error: 'refused' },
    at('P3W', DAY),
  );
  cases.push(state);
  return cases;
}

function fleksjobCases(ruleset: Ruleset): AnyCaseState[] {
  const open = (caseId: string, weeklyHours: number) =>
    openFleksjob({ caseId, municipality: '751', citizen, job: { weeklyHours } }, ruleset, T0, caseworker);
  const s = (state: AnyCaseState, type: string, data: unknown, now: number) =>
    send(fleksjob as unknown as CaseRules<AnyCaseState>, state, type, data, now);
  const cases: AnyCaseState[] = [];
  // Few hours and no progression: reminders, a breach, the team reassesses, the fleksjob ends.
  let state: AnyCaseState = withPeople(fleksjob, open('AAR-2027-0101', 3), at('P1D'));
  state = weekByWeek(fleksjob, state as never, at('P5M'));
  state = s(state, 'progressionReviewRecorded', { workCapacity: 'as-expected', weeklyHours: 3 }, at('P5M'));
  // The fleksjob ends for each reason a caseworker records.
  for (const reason of ['foertidspension', 'ordinary-job', 'resigned', 'other'])
    cases.push(
      s(
        state,
        'fleksjobEnded',
        {
          reason,
          reasoning:
            'Kommunen har fået oplyst, hvorfor fleksjobbet slutter, og har vurderet sagen ud fra det.',
        },
        at('P6M'),
      ),
    );
  state = weekByWeek(fleksjob, state as never, at('P11M'));
  state = s(
    state,
    'yearlyCheckRecorded',
    { progression: false, planFollowed: false, weeklyHours: 3 },
    at('P11M'),
  );
  // Under the seeds the reassessment is the citizen's option, offered in a letter; here they ask for it.
  state = s(state, 'reassessmentRequested', {}, at('P11M', DAY));
  // The team recommends; the municipality decides, with its reasons (the decision letter).
  cases.push(
    s(
      s(state, 'teamReassessment', { recommends: 'end-fleksjob' }, at('P12M')),
      'reassessmentDecided',
      {
        decision: 'end-fleksjob',
        reasoning: 'Timetallet er ikke steget i løbet af året, og planen er ikke fulgt.',
      },
      at('P12M', DAY),
    ),
  );
  return cases;
}

function cashBenefitCases(ruleset: Ruleset): AnyCaseState[] {
  const state = openCashBenefit(
    { caseId: 'ODE-2027-0201', municipality: '461', citizen },
    ruleset,
    T0,
    caseworker,
  );
  return [weekByWeek(cashBenefit, state, at('P1Y', DAY))];
}

/** A letter's variant within its topic: the fact that changes its wording most. */
function variantOf(notification: NotificationRecord): string {
  const facts = notification.facts;
  if (facts.complaintUpheld) return 'complaint-upheld';
  if (facts.complaintPartlyUpheld) return 'complaint-partly-upheld';
  if (facts.cause === 'delivery') return 'undelivered';
  for (const fact of ['decision', 'because', 'outcome', 'ending', 'deadline', 'proposed'])
    if (typeof facts[fact] === 'string' && facts[fact]) return String(facts[fact]);
  return '';
}

export interface LetterSample {
  /** File name in docs/letters/, without extension: `<kind>.<topic>.<audience>[.<variant>]`. */
  name: string;
  subject: string;
  text: string;
  html: string;
}

/** Every distinct letter: one per kind × topic × audience × variant. */
export function letterSamples(templates: TemplateSet): LetterSample[] {
  const seeds = loadRuleset('seeds-2017');
  const law = loadRuleset('law-2022');
  const states = [...courseCases(seeds, law), ...fleksjobCases(seeds), ...cashBenefitCases(seeds)];
  const samples = new Map<string, LetterSample>();
  for (const state of states) {
    for (const notification of state.notifications) {
      for (const recipient of notification.recipients) {
        const variant = variantOf(notification);
        const name = [state.kind, notification.topic, recipient.role, ...(variant ? [variant] : [])].join(
          '.',
        );
        if (samples.has(name)) continue;
        const message = renderMessage(templates, notification, recipient, {
          municipalityName: officialMunicipalityName(state.municipality),
        });
        samples.set(name, { name, subject: message.subject, text: message.text, html: message.html });
      }
    }
  }
  return [...samples.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/** A sample as the file a jurist reads: the subject line, a blank line, the letter. */
export function sampleFile(sample: LetterSample): string {
  return `Emne: ${sample.subject}\n\n${sample.text}`;
}
