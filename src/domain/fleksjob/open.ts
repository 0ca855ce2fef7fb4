import { produce } from 'immer';
import { emptyCaseRecords } from '../engine/case';
import { record, SYSTEM } from '../engine/draft';
import type { Actor } from '../engine/events';
import type { Ruleset } from '../engine/ruleset';
import { toInstant } from '../engine/time';
import type { CourseState } from '../course/state';
import type { OpenFleksjob } from './events';
import { startJob } from './periods';
import type { FleksjobState } from './state';
import { msg } from '../messages/message';

function emptyFollowUp(
  base: Pick<FleksjobState, 'caseId' | 'municipality' | 'citizen' | 'ruleset' | 'origin' | 'openedAt'>,
): FleksjobState {
  return {
    kind: 'fleksjob',
    ...base,
    phase: 'awaiting-start',
    hours: [],
    shortHourPeriods: [],
    yearlyChecks: [],
    reassessments: [],
    followUpConversations: [],
    ...emptyCaseRecords(),
  };
}

/** A fleksjob registered directly for a citizen. */
export function openFleksjob(
  input: OpenFleksjob,
  ruleset: Ruleset,
  now: number,
  actor: Actor,
): FleksjobState {
  const at = toInstant(now);
  const { job: _job, ...identity } = input;
  const initial = emptyFollowUp({ ...identity, ruleset, origin: 'direct', openedAt: at });
  return produce(initial, (draft) => {
    record(draft, {
      at,
      actor,
      type: 'caseOpened',
      outcome: 'recorded',
      summary: msg('fleksjob.opened'),
    });
    if (input.job) startJob(draft, input.job, at);
  });
}

/** The follow-up of a course that ended with a fleksjob: same case, same citizen, caseworker and relatives. */
export function fleksjobFromCourse(course: CourseState, now: number): FleksjobState {
  const at = toInstant(now);
  const initial: FleksjobState = {
    ...emptyFollowUp({
      caseId: course.caseId,
      municipality: course.municipality,
      citizen: course.citizen,
      ruleset: course.ruleset,
      origin: 'course',
      openedAt: at,
    }),
    course: { openedAt: course.openedAt, concludedAt: course.outcome?.at ?? at },
    ...(course.coordinatingCaseworker ? { coordinatingCaseworker: course.coordinatingCaseworker } : {}),
    ...(course.caseworkerFirstAssignedAt
      ? { caseworkerFirstAssignedAt: course.caseworkerFirstAssignedAt }
      : {}),
    relatives: course.relatives,
  };
  return produce(initial, (draft) => {
    record(draft, {
      at,
      actor: SYSTEM,
      type: 'caseOpened',
      outcome: 'recorded',
      summary: msg('fleksjob.opened-from-course', { on: draft.course!.concludedAt.slice(0, 10) }),
    });
  });
}
