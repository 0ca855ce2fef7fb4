import { CaseViewSchema } from '../../src/api/view-schemas';
import { toCaseView } from '../../src/api/case-view';
import { loadRuleset } from '../../src/config/rulesets';
import { course, type CourseState, type Ruleset, viewOf } from '../../src/domain';
import { applyRulesetMove, planRulesetMove, wasApplied } from '../../src/domain/ruleset-move';
import { advanceClock, courseAfter, events, inCourse, law, open, send, seeds } from '../helpers/core';
import { render, renderTexts, type Text } from '../../src/domain/messages';

/** The plan's texts as the English rendering reads them (the table's `en`). */
const english = (texts: Text[]) => texts.map((text) => render(text, 'en'));

/**
 * Moving a running case to another ruleset version: the plan says which deadlines move, appear or
 * fall away and which letters go out at once, or why the case cannot move — a deadline that would
 * already have passed, or a right the citizen has that the new version would void without keeping it.
 */
const admin = { id: 'admin-1', role: 'admin' as const, municipality: '*' };
const withFirstMeasure = (rules: Ruleset, within: string, reminders: string[] = []): Ruleset => ({
  ...rules,
  name: 'test-move',
  version: 9,
  course: { ...rules.course, firstMeasure: { ...rules.course.firstMeasure, within, reminders } },
});

describe('the plan', () => {
  test('seeds → law: the 1-year real-offer deadline falls away, the first measure moves from 3 to 6 months', () => {
    const state = inCourse(seeds);
    const plan = planRulesetMove(course, state, law, courseAfter('P1W'));
    expect(plan).toMatchObject({
      canMove: true,
      reasons: [],
      from: { name: 'seeds-2017' },
      to: { name: 'law-2022' },
    });
    expect(plan.fallAway.map((change) => change.kind)).toContain('real-offer');
    const firstMeasure = plan.moved.find((change) => change.kind === 'first-measure');
    expect(firstMeasure?.from).toBeDefined();
    expect(Date.parse(firstMeasure!.to!)).toBeGreaterThan(Date.parse(firstMeasure!.from!));
  });

  test('a deadline that would already have passed under the new version: the case cannot move', () => {
    const state = advanceClock(inCourse(law), courseAfter('P4M'));
    const plan = planRulesetMove(course, state, withFirstMeasure(law, 'P3M'), courseAfter('P4M'));
    expect(plan.canMove).toBe(false);
    expect(english(plan.reasons).join()).toMatch(/would already have passed/);
  });

  test('a reminder now due under the new version is a letter the move sends at once', () => {
    const state = advanceClock(inCourse(law), courseAfter('P4M'));
    const plan = planRulesetMove(
      course,
      state,
      withFirstMeasure(law, 'P5M', ['P1M']),
      courseAfter('P4M', 60_000),
    );
    expect(plan.canMove).toBe(true);
    expect(plan.letters.map((letter) => letter.topic)).toContain('deadline-reminder');
  });

  test('a right the citizen already has that the new version would void: the case cannot move', () => {
    // Seeds: no real offer within a year gives the right to a decision on the existing evidence.
    const state = advanceClock(inCourse(seeds), courseAfter('P1Y', 60_000));
    expect(state.decisionOnExistingEvidence).toBeDefined();
    const plan = planRulesetMove(course, state, law, courseAfter('P1Y', 120_000));
    expect(plan.canMove).toBe(false);
    expect(english(plan.reasons).join()).toMatch(/decision-on-existing-evidence.*does not keep/);
    // A version that says it keeps the right lets the case move, and the plan names the right kept.
    const keeping = { ...law, keepsRights: ['decision-on-existing-evidence' as const] };
    const kept = planRulesetMove(course, state, keeping, courseAfter('P1Y', 120_000));
    expect(english(kept.reasons).filter((reason) => /right/.test(reason))).toEqual([]);
    expect(kept.keptRights).toEqual(['decision-on-existing-evidence']);
  });

  test('a referred case moved under law-2026 after intake has closed: the plan warns that no course can be granted', () => {
    const referred = open(law, Date.parse('2026-08-03T08:00:00Z'));
    const plan = planRulesetMove(
      course,
      referred,
      loadRuleset('law-2026'),
      Date.parse('2026-08-04T08:00:00Z'),
    );
    expect(plan.canMove).toBe(true);
    expect(english(plan.warnings).join()).toMatch(/no ressourceforløb can be granted .*Lov nr\. 1750/);
  });

  test('law-2022 → law-2026: the granted period is kept, nothing else changes', () => {
    const plan = planRulesetMove(course, inCourse(law), loadRuleset('law-2026'), courseAfter('P1W'));
    expect(plan).toMatchObject({
      canMove: true,
      moved: [],
      appear: [],
      fallAway: [],
      letters: [],
      warnings: [],
    });
  });

  test('a closed case and a case already under the version cannot move', () => {
    const concluded: CourseState = send(
      inCourse(law),
      'courseConcluded',
      { outcome: 'job' },
      courseAfter('P1M'),
    );
    const closed = advanceClock(concluded, courseAfter('P3M'));
    expect(
      english(planRulesetMove(course, closed, loadRuleset('law-2026'), courseAfter('P3M')).reasons).join(),
    ).toMatch(/closed/);
    expect(english(planRulesetMove(course, inCourse(law), law, courseAfter('P1W')).reasons)).toEqual([
      'the case is already under law-2022@2',
    ]);
  });
});

describe('the move', () => {
  test('pins the case to the new version and records old, new, who, when and why once', () => {
    const state = inCourse(seeds);
    const request = { moveId: 'move-1', to: law, reason: 'Lov nr. 1160 af 8. juni 2021' };
    const first = applyRulesetMove(course, state, request, admin, courseAfter('P1W'));
    if (!first.ok) throw new Error(english(first.plan.reasons).join());
    expect(first.state.ruleset.name).toBe('law-2022');
    const entry = first.state.timeline[first.state.timeline.length - 1]!;
    expect(entry).toMatchObject({ type: 'rulesetMoved', actor: admin, reason: request.reason });
    expect(render(entry.summary, 'en')).toMatch(/from ruleset seeds-2017@2 to law-2022@2 \(move move-1\)/);
    expect(wasApplied(first.state, 'move-1')).toBe(true);
    expect(first.state.rulesetMoves).toEqual([
      {
        moveId: 'move-1',
        at: expect.any(String),
        by: 'admin-1',
        from: { name: 'seeds-2017', version: 2 },
        to: { name: 'law-2022', version: 2 },
      },
    ]);
    // The API documents the move record: the moved case's view matches its schema.
    expect(
      CaseViewSchema.safeParse(renderTexts(toCaseView(viewOf(first.state), { role: 'admin' }))).error,
    ).toBeUndefined();
    const again = applyRulesetMove(course, first.state, request, admin, courseAfter('P2W'));
    expect(again).toMatchObject({ ok: true, repeated: true });
    if (again.ok) expect(again.state.timeline).toHaveLength(first.state.timeline.length);
  });

  test('a case that cannot move is left as it is', () => {
    const state = advanceClock(inCourse(seeds), courseAfter('P1Y', 60_000));
    const result = applyRulesetMove(
      course,
      state,
      { moveId: 'm', to: law, reason: 'r' },
      admin,
      courseAfter('P1Y', 120_000),
    );
    expect(result.ok).toBe(false);
  });

  test('a moved case keeps running under the new rules', () => {
    const moved = applyRulesetMove(
      course,
      inCourse(seeds),
      { moveId: 'm', to: law, reason: 'r' },
      admin,
      courseAfter('P1W'),
    );
    if (!moved.ok) throw new Error('not moved');
    const next = send(
      moved.state,
      'offerRegistered',
      { ...events.realOffer('o1'), basis: 'lab-kap-11' },
      courseAfter('P2W'),
    );
    expect(next.offers).toHaveLength(1);
  });
});
