import type { AnyCaseState, CaseRules } from '../src/domain';

/**
 * How a case reads in the Temporal Web UI: short Danish names on its timers and delivery activities,
 * and its phase and next deadline as the workflow's current details. The letters' long Danish
 * wording of each deadline is in templates/da/labels.json (read from disk by the worker, which a
 * workflow cannot); these are the short names, and a unit test keeps both lists of deadlines equal.
 * Only case facts: never a name, CPR number or address (the UI shows summaries to whoever may read
 * the namespace).
 */
export const DEADLINE_NAMES: Record<string, string> = {
  'coordinating-caseworker': 'frist for koordinerende sagsbehandler',
  'team-meeting': 'frist for møde i rehabiliteringsteamet',
  'team-reassessment': 'frist for teamets nye vurdering',
  decision: 'frist for afgørelse',
  'real-offer': '1-årsfrist for reelt tilbud',
  'first-measure': 'frist for første indsats',
  'maximum-duration': '3-årsfrist',
  'what-follows': 'frist for beslutning om, hvad der følger efter forløbet',
  'existing-evidence-decision': 'frist for afgørelse på det foreliggende grundlag',
  'complaint-reconsideration': 'frist for genvurdering af klage',
  'complaint-answer': 'borgerens svar: fastholdes klagen',
  'complaint-forwarding': 'frist for at sende klagen til Ankestyrelsen',
  'health-advice': 'frist for sundhedskoordinatorens vurdering',
  'progression-review': 'opfølgning på arbejdsevnen i fleksjob',
  'yearly-check': 'årlig opfølgning på fleksjob',
  reassessment: 'teamets nye vurdering af fleksjob',
  'fleksjob-status': 'status for midlertidigt fleksjob',
  'temporary-period-end': 'udløb af midlertidigt fleksjob',
  'follow-up-conversation': 'opfølgningssamtale om fleksjob',
  'assessment-right': 'ret til vurdering efter et år',
  'team-referral': 'frist for at forelægge sagen for teamet',
  'municipal-assessment': 'afklaring efter 2 år (LAB § 36 a)',
};

export const PHASE_NAMES: Record<string, string> = {
  referred: 'visiteret, venter på rehabiliteringsteamet',
  'awaiting-decision': 'venter på kommunens afgørelse',
  'in-course': 'i ressourceforløb',
  refused: 'afslag, klagefrist løber',
  concluded: 'afsluttet',
  'awaiting-start': 'fleksjob, venter på start',
  employed: 'i fleksjob',
  reassessment: 'fleksjob til ny vurdering',
  ended: 'afsluttet',
  'on-benefit': 'på kontanthjælp',
  'right-given': 'ret til vurdering givet',
  interrupted: 'afbrudt',
};

const RECIPIENT_NAMES: Record<string, string> = {
  citizen: 'borger',
  relatives: 'pårørende',
  caseworker: 'sagsbehandler',
  supervisor: 'leder',
  'head-of-department': 'afdelingschef',
};

export function deadlineName(kind: string): string {
  return DEADLINE_NAMES[kind] ?? kind;
}

/** "brev til borger, pårørende": whom one delivery writes to, by role. */
export function deliverySummary(roles: readonly string[]): string {
  const names = [...new Set(roles.map((role) => RECIPIENT_NAMES[role] ?? role))];
  return `brev til ${names.join(', ') || 'ingen'}`;
}

/** What the case's next timer waits for: a deadline, a reminder of one, a delivery retry, an escalation. */
export function timerSummary<S extends AnyCaseState>(
  rules: CaseRules<S>,
  state: S,
  wakeAt: number,
  retryAt: number | undefined,
): string {
  if (retryAt !== undefined && retryAt <= wakeAt) return 'nyt forsøg på at sende brev';
  for (const deadline of rules.deadlines(state)) {
    if (deadline.status !== 'pending') continue;
    if (Date.parse(deadline.dueAt) === wakeAt) return deadlineName(deadline.kind);
    if (deadline.reminders.some((reminder) => !reminder.sentAt && Date.parse(reminder.at) === wakeAt)) {
      return `påmindelse: ${deadlineName(deadline.kind)}`;
    }
  }
  return state.escalations.some((escalation) => escalation.status === 'open')
    ? 'eskalering til næste niveau'
    : 'næste skridt i sagen';
}

/** The workflow's current details (Markdown in the UI): the phase and the next deadline. */
export function currentDetails<S extends AnyCaseState>(rules: CaseRules<S>, state: S): string {
  const next = rules
    .deadlines(state)
    .filter((deadline) => deadline.status === 'pending')
    .sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt))[0];
  const escalations = state.escalations.filter((escalation) => escalation.status === 'open').length;
  return [
    `**Fase:** ${PHASE_NAMES[state.phase] ?? state.phase}`,
    `**Næste frist:** ${next ? `${deadlineName(next.kind)}, ${next.dueAt.slice(0, 10)}` : 'ingen'}`,
    ...(escalations > 0 ? [`**Åbne eskaleringer:** ${escalations}`] : []),
  ].join('\n\n');
}
