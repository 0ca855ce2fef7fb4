import type { AnyCaseState, CaseRules } from '../src/domain';
import { msg, render, texts } from '../src/domain/messages';

/**
 * How a case reads in the Temporal Web UI: short Danish names on its timers and delivery activities,
 * and its phase and next deadline as the workflow's current details. The letters' long Danish
 * wording of each deadline is in templates/da/labels.json (read from disk by the worker, which a
 * workflow cannot); these are the short names, from the message table (`ui.*`), and a unit test
 * keeps both lists of deadlines equal.
 * Only case facts: never a name, CPR number or address (the UI shows summaries to whoever may read
 * the namespace).
 */
export const DEADLINE_NAMES: Record<string, string> = namesOf('ui.deadline.');

export const PHASE_NAMES: Record<string, string> = namesOf('ui.phase.');

const RECIPIENT_NAMES: Record<string, string> = namesOf('ui.recipient.');

/** The Danish texts of a family of keys of the message table, by the rest of their key. */
function namesOf(prefix: string): Record<string, string> {
  return Object.fromEntries(
    Object.entries(texts)
      .filter(([key]) => key.startsWith(prefix))
      .map(([key, text]) => [key.slice(prefix.length), text.da]),
  );
}

export function deadlineName(kind: string): string {
  return DEADLINE_NAMES[kind] ?? kind;
}

/** "brev til borger, pårørende": whom one delivery writes to, by role. */
export function deliverySummary(roles: readonly string[]): string {
  const names = [...new Set(roles.map((role) => RECIPIENT_NAMES[role] ?? role))];
  return render(msg('ui.letter-to', { names: names.join(', ') || msg('ui.nobody') }));
}

/** What the case's next timer waits for: a deadline, a reminder of one, a delivery retry, an escalation. */
export function timerSummary<S extends AnyCaseState>(
  rules: CaseRules<S>,
  state: S,
  wakeAt: number,
  retryAt: number | undefined,
): string {
  if (retryAt !== undefined && retryAt <= wakeAt) return render(msg('ui.delivery-retry'));
  for (const deadline of rules.deadlines(state)) {
    if (deadline.status !== 'pending') continue;
    if (Date.parse(deadline.dueAt) === wakeAt) return deadlineName(deadline.kind);
    if (deadline.reminders.some((reminder) => !reminder.sentAt && Date.parse(reminder.at) === wakeAt)) {
      return render(msg('ui.reminder', { name: deadlineName(deadline.kind) }));
    }
  }
  return state.escalations.some((escalation) => escalation.status === 'open')
    ? render(msg('ui.escalation-next'))
    : render(msg('ui.next-step'));
}

/** The workflow's current details (Markdown in the UI): the phase and the next deadline. */
export function currentDetails<S extends AnyCaseState>(rules: CaseRules<S>, state: S): string {
  const next = rules
    .deadlines(state)
    .filter((deadline) => deadline.status === 'pending')
    .sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt))[0];
  const escalations = state.escalations.filter((escalation) => escalation.status === 'open').length;
  return [
    render(msg('ui.details.phase', { phase: PHASE_NAMES[state.phase] ?? state.phase })),
    render(
      msg('ui.details.next-deadline', {
        deadline: next
          ? msg('ui.details.deadline-on', { name: deadlineName(next.kind), on: next.dueAt.slice(0, 10) })
          : msg('ui.nobody'),
      }),
    ),
    ...(escalations > 0 ? [render(msg('ui.details.open-escalations', { count: escalations }))] : []),
  ].join('\n\n');
}
