import { produce } from 'immer';
import { emptyCaseRecords } from '../engine/case';
import { record } from '../engine/draft';
import type { Actor } from '../engine/events';
import type { Ruleset } from '../engine/ruleset';
import { toInstant } from '../engine/time';
import type { OpenCourse } from './events';
import type { CourseState } from './state';
import { msg } from '../messages/message';

/** A new case: referred (or applied for), waiting for the rehabilitation team and a coordinating caseworker. */
export function openCourse(input: OpenCourse, ruleset: Ruleset, now: number, actor: Actor): CourseState {
  const at = toInstant(now);
  const initial: CourseState = {
    kind: 'ressourceforloeb',
    caseId: input.caseId,
    municipality: input.municipality,
    origin: input.origin,
    ruleset,
    citizen: input.citizen,
    phase: 'referred',
    openedAt: at,
    teamReviews: [{ requestedAt: at, reason: 'referral' }],
    decisionRequests: [],
    teamRecommendations: [],
    decisions: [],
    offers: [],
    complaints: [],
    ...emptyCaseRecords(),
  };
  return produce(initial, (draft) => {
    record(draft, {
      at,
      actor,
      type: 'caseOpened',
      outcome: 'recorded',
      summary:
        input.origin === 'application' ? msg('course.opened-application') : msg('course.opened-referral'),
    });
  });
}
