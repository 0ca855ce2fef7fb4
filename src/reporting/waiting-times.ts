/**
 * Waiting times between the steps of a case (seed 001 §9: the waits — to the team meeting, to a
 * decision, to a coordinating caseworker, to measures — must shrink, so they are "measured and
 * chased"). Pure: a case's view in, its step records out; step records in, the figures out. No I/O:
 * the projection (./projection.ts) stores the records, the API and the staff page show the figures.
 *
 * A step runs from one moment of the case to another. Which fields each step reads:
 * - `team-meeting` (ressourceforløb): referral → the team's first recommendation. From `openedAt`
 *   (= `teamReviews[0].requestedAt`, the referral review) to `teamReviews[0].answeredAt`.
 * - `decision` (ressourceforløb): the team's recommendation → the municipality's decision that stands.
 *   From `teamReviews[0].answeredAt` to the `at` of the first `decisions[]` entry with `stands`; a
 *   decision against the team goes back to the team first (LAB § 25 a, stk. 6), and that second round
 *   is part of the citizen's wait.
 * - `coordinating-caseworker` (every kind): opened → the first coordinating caseworker. From
 *   `openedAt` to `caseworkerFirstAssignedAt` (later reassignments do not count, as the ruleset's
 *   waiting-time deadline counts it). A fleksjob follow-up that keeps the course's caseworker waited
 *   0 days.
 * - `first-measure` (ressourceforløb): the course's start (the grant) → the first measure. From
 *   `course.startedAt` to the `metAt` of the case's `first-measure` deadline: the first
 *   `offers[].startedAt` of an offer that counts as a measure under the case's ruleset (LAB § 113,
 *   stk. 2 counts only some bases).
 * - `sent-to-team` (kontanthjælp, seeds rulesets): the right to an assessment → the case put to the
 *   team. From `rightGivenAt` to `sentToTeamAt` (seed 001 §8).
 * Fleksjob has no team meeting, decision or first-measure wait of its own (its job starts when the
 * case opens or at `startFleksjob`, which is not a wait the seeds name): only the caseworker step.
 */

export const STEPS = [
  'team-meeting',
  'decision',
  'coordinating-caseworker',
  'first-measure',
  'sent-to-team',
] as const;
export type Step = (typeof STEPS)[number];

export const REPORT_KINDS = ['ressourceforloeb', 'fleksjob', 'cash-benefit'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

/** The steps each kind of case has, in the order a case goes through them. */
export const STEPS_OF_KIND: Record<ReportKind, Step[]> = {
  ressourceforloeb: ['team-meeting', 'decision', 'coordinating-caseworker', 'first-measure'],
  fleksjob: ['coordinating-caseworker'],
  'cash-benefit': ['coordinating-caseworker', 'sent-to-team'],
};

/** One step of one case as the projection stores it: no CPR number, no name — IDs and instants only. */
export interface StepRecord {
  caseId: string;
  kind: ReportKind;
  municipality: string;
  step: Step;
  /** When the wait began. */
  startedAt: string;
  /** When the step was done; null while it is not. */
  doneAt: string | null;
  /** When the case ended (its outcome); null while it runs. */
  caseEndedAt: string | null;
}

/** The fields of a case's view the steps read (the whole view or an event's answer both have them). */
export interface ReportableCase {
  caseId: string;
  kind: string;
  municipality: string;
  openedAt: string;
  caseworkerFirstAssignedAt?: string;
  teamReviews?: Array<{ requestedAt: string; reason: string; answeredAt?: string }>;
  decisions?: Array<{ at: string; stands: boolean }>;
  course?: { startedAt: string };
  deadlines?: Array<{ id: string; metAt?: string }>;
  phase?: string;
  outcome?: { at: string; outcome?: string };
  interrupted?: { at: string };
  rightGivenAt?: string;
  sentToTeamAt?: string;
}

/** A case's step records: every step whose wait has begun (a step that has not begun is no wait yet). */
export function stepRecords(view: ReportableCase): StepRecord[] {
  if (!(REPORT_KINDS as readonly string[]).includes(view.kind)) return [];
  const kind = view.kind as ReportKind;
  const caseEndedAt = view.outcome?.at ?? view.interrupted?.at ?? null;
  const records: StepRecord[] = [];
  const add = (step: Step, startedAt: string | undefined, doneAt: string | undefined) => {
    if (!startedAt) return;
    records.push({
      caseId: view.caseId,
      kind,
      municipality: view.municipality,
      step,
      startedAt,
      // A caseworker carried over from an earlier course was there before this case opened: no wait.
      doneAt: doneAt ? (doneAt < startedAt ? startedAt : doneAt) : null,
      caseEndedAt,
    });
  };
  if (kind === 'ressourceforloeb') {
    const referral = view.teamReviews?.find((review) => review.reason === 'referral');
    add('team-meeting', referral?.requestedAt ?? view.openedAt, referral?.answeredAt);
    add('decision', referral?.answeredAt, view.decisions?.find((decision) => decision.stands)?.at);
  }
  add('coordinating-caseworker', view.openedAt, view.caseworkerFirstAssignedAt);
  if (kind === 'ressourceforloeb') {
    const firstMeasure = view.deadlines?.find((deadline) => deadline.id === 'first-measure');
    add('first-measure', view.course?.startedAt, firstMeasure?.metAt);
  }
  if (kind === 'cash-benefit') add('sent-to-team', view.rightGivenAt, view.sentToTeamAt);
  return records;
}

/**
 * A course concluded with a fleksjob goes on, under the same case ID, as its fleksjob follow-up (the
 * workflow continues as one, keeping the coordinating caseworker): the follow-up's steps as it opens,
 * so the projection has them without waiting for its first event. Its opening instant is the course's
 * outcome here (the workflow's own is a moment later; the follow-up's first event or a rebuild writes it).
 */
export function followUpOf(view: ReportableCase): ReportableCase | undefined {
  if (view.kind !== 'ressourceforloeb' || view.phase !== 'concluded' || view.outcome?.outcome !== 'fleksjob')
    return undefined;
  return {
    caseId: view.caseId,
    kind: 'fleksjob',
    municipality: view.municipality,
    openedAt: view.outcome.at,
    ...(view.caseworkerFirstAssignedAt ? { caseworkerFirstAssignedAt: view.caseworkerFirstAssignedAt } : {}),
  };
}

const DAY_MS = 86_400_000;

export function daysBetween(from: string, to: string | number): number {
  const end = typeof to === 'number' ? to : Date.parse(to);
  return Math.max(0, (end - Date.parse(from)) / DAY_MS);
}

/**
 * The p-th percentile (0–100) of the values, interpolating linearly between the two nearest ranks
 * (the method of Excel's PERCENTILE.INC and R's default): the 50th is the ordinary median. Null for
 * no values.
 */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p / 100) * (sorted.length - 1);
  const below = Math.floor(rank);
  const above = Math.ceil(rank);
  return sorted[below]! + (sorted[above]! - sorted[below]!) * (rank - below);
}

/** Days with one decimal: what a supervisor reads. */
const round = (days: number | null) => (days === null ? null : Math.round(days * 10) / 10);

export interface StepFigures {
  step: Step;
  /** Steps done: how long they took. */
  done: { n: number; medianDays: number | null; p90Days: number | null };
  /** Open cases whose step is not done yet: how long they have waited so far. */
  stillWaiting: { n: number; medianDays: number | null };
  /** Cases that ended without the step (refused, moved, concluded before it): no wait to count. */
  endedWithout: number;
}

export interface MunicipalityFigures {
  municipality: string;
  cases: number;
  kinds: Array<{ kind: ReportKind; cases: number; steps: StepFigures[] }>;
}

export interface WaitingTimesReport {
  asOf: string;
  /** Cases that ended before this instant are left out: open cases and those ended in the last 12 months count. */
  endedSince: string;
  municipalities: MunicipalityFigures[];
}

/** The window: open cases, and cases ended in the last 12 months. */
export function windowStart(now: number): string {
  const start = new Date(now);
  start.setUTCFullYear(start.getUTCFullYear() - 1);
  return start.toISOString();
}

/** The figures per municipality, kind and step over the records of open and recently ended cases. */
export function waitingTimes(records: readonly StepRecord[], now: number): WaitingTimesReport {
  const endedSince = windowStart(now);
  const inWindow = records.filter(
    (record) => record.caseEndedAt === null || record.caseEndedAt >= endedSince,
  );
  const municipalities = [...new Set(inWindow.map((record) => record.municipality))].sort();
  return {
    asOf: new Date(now).toISOString(),
    endedSince,
    municipalities: municipalities.map((municipality) => {
      const own = inWindow.filter((record) => record.municipality === municipality);
      const kinds = REPORT_KINDS.filter((kind) => own.some((record) => record.kind === kind)).map((kind) => {
        const ofKind = own.filter((record) => record.kind === kind);
        return {
          kind,
          cases: new Set(ofKind.map((record) => record.caseId)).size,
          steps: STEPS_OF_KIND[kind].map((step) =>
            figures(
              step,
              ofKind.filter((record) => record.step === step),
              now,
            ),
          ),
        };
      });
      return { municipality, cases: new Set(own.map((record) => record.caseId)).size, kinds };
    }),
  };
}

function figures(step: Step, records: readonly StepRecord[], now: number): StepFigures {
  const done = records
    .filter((record) => record.doneAt !== null)
    .map((r) => daysBetween(r.startedAt, r.doneAt!));
  const waiting = records
    .filter((record) => record.doneAt === null && record.caseEndedAt === null)
    .map((record) => daysBetween(record.startedAt, now));
  return {
    step,
    done: { n: done.length, medianDays: round(percentile(done, 50)), p90Days: round(percentile(done, 90)) },
    stillWaiting: { n: waiting.length, medianDays: round(percentile(waiting, 50)) },
    endedWithout: records.filter((record) => record.doneAt === null && record.caseEndedAt !== null).length,
  };
}
