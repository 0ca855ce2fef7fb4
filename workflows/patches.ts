import * as wf from '@temporalio/workflow';

/**
 * Every change to what the case workflows do (the commands they write) since cases first ran, up to
 * the release below. Each is behind its patch, so that a run recorded before the change replays as it
 * ran (the histories in test/histories are such runs).
 */
const inRelease = [
  'fleksjob-follow-up-after-course',
  'fleksjob-yearly-check-every-year',
  'case-figures-search-attributes',
  'worklist-search-attributes',
  'ruleset-move',
  'whole-answers-for-a-day',
  'standing-timer',
  'mail-figures-when-settled',
] as const;
/**
 * Changes made after the release (none yet), each with its own marker in every run that takes it:
 * a union of their names, e.g. `'some-change' | 'another'`.
 */
type SinceRelease = never;
export type CasePatch = (typeof inRelease)[number] | SinceRelease;

/**
 * A run that starts with this marker has every patch in the release without a marker of its own. Each
 * `wf.patched()` that is true writes a marker, and the SDK upserts the `TemporalChangeVersion` search
 * attribute with it: a history event and a visibility write each. A new run of a ressourceforløb wrote
 * three of each in its first workflow task, a fleksjob run four, and more when a move, a
 * continue-as-new or the course's end asked for theirs; with this, one.
 *
 * A change made after this release goes in `SinceRelease`: a run that started with this marker
 * asks it by its own marker, for the run may have been recorded before the change. The next release
 * folds those in under a new name, checked here before this one; this one stays for the runs that
 * started with it.
 */
export const RELEASE_PATCH = 'case-patches-2026-12-01';

/** The patches of one run: whether this run takes a change. */
export interface RunPatches {
  patched(id: CasePatch): boolean;
}

/**
 * Called once, at the very start of a run (before anything else writes a command). A run recorded
 * before the release has no release marker: it is asked each patch itself, as it was when it ran.
 */
export function runPatches(): RunPatches {
  const release = wf.patched(RELEASE_PATCH);
  const released: readonly string[] = inRelease;
  return { patched: (id) => (release && released.includes(id)) || wf.patched(id) };
}
