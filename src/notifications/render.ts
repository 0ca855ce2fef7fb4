import type { NotificationRecord, Recipient } from '../domain/state';

/**
 * A notification as an email in Danish. Subjects name the case and the matter, never a CPR number or
 * a health detail; bodies say only what the recipient needs to act.
 */
export function renderNotification(
  notification: NotificationRecord,
  recipient: Recipient,
): { subject: string; text: string } {
  const facts = notification.facts;
  const greeting = recipient.name ? `Kære ${recipient.name}` : 'Til rette vedkommende';
  const line = (() => {
    switch (notification.topic) {
      case 'deadline-reminder':
        return `Påmindelse: fristen "${facts.label}" udløber ${date(facts.dueAt)}.`;
      case 'deadline-breached':
        return `Fristen "${facts.label}" udløb ${date(facts.dueAt)} uden at være overholdt.`;
      case 'escalation':
        return `Sagen er eskaleret (niveau ${facts.level}): ${facts.reason}.`;
      case 'right-to-decision-on-existing-evidence':
        return 'Der er ikke startet et reelt tilbud inden for fristen. Borgeren har nu ret til at kræve afklaring på det foreliggende grundlag.';
      case 'team-dissent':
        return `Rehabiliteringsteamet var ikke enigt i sin indstilling (${facts.recommends}). Uenige: ${facts.dissentingMembers}.`;
      case 'decision':
        return facts.complaintUpheld
          ? 'Kommunen har givet dig medhold i din klage og træffer en ny afgørelse.'
          : `Kommunen har truffet afgørelse: ${facts.decision}.`;
      case 'back-to-team':
        return 'Sagen forelægges rehabiliteringsteamet igen, før der træffes afgørelse.';
      case 'complaint-forwarded':
        return 'Klagen er sendt videre til Ankestyrelsen.';
      case 'offer-advised-against':
        return `En speciallæge har frarådet tilbuddet ${facts.offerId}, som er i gang. Tilbuddet skal stoppes.`;
      case 'routed-to-pension':
        return 'Der iværksættes ikke ressourceforløb. Sagen behandles videre med henblik på førtidspension.';
      case 'course-concluded':
        return `Ressourceforløbet er afsluttet (${facts.outcome}).`;
      case 'fleksjob-reassessment':
        return 'Der er ikke sket den forventede udvikling i dit fleksjob. Rehabiliteringsteamet skal se på din sag igen.';
      case 'fleksjob-ended':
        return `Dit fleksjob er afsluttet (${facts.reason}).`;
      case 'right-to-assessment':
        return 'Du har modtaget kontanthjælp i et sammenhængende år og har ret til at få vurderet, om du skal have et ressourceforløb.';
    }
  })();
  return {
    subject: `Sag ${facts.caseId}: ${subjects[notification.topic]}`,
    text: `${greeting}\n\n${line}\n\nSag: ${facts.caseId}\n`,
  };
}

const subjects: Record<NotificationRecord['topic'], string> = {
  'deadline-reminder': 'påmindelse om frist',
  'deadline-breached': 'frist overskredet',
  escalation: 'eskalering',
  'right-to-decision-on-existing-evidence': 'ret til afklaring på det foreliggende grundlag',
  'team-dissent': 'rehabiliteringsteamet var ikke enigt',
  decision: 'afgørelse',
  'back-to-team': 'sagen forelægges rehabiliteringsteamet igen',
  'complaint-forwarded': 'klagen er sendt til Ankestyrelsen',
  'offer-advised-against': 'tilbud frarådet af speciallæge',
  'routed-to-pension': 'førtidspension',
  'course-concluded': 'forløbet er afsluttet',
  'fleksjob-reassessment': 'dit fleksjob skal vurderes igen',
  'fleksjob-ended': 'dit fleksjob er afsluttet',
  'right-to-assessment': 'ret til vurdering for ressourceforløb',
};

function date(value: unknown): string {
  return typeof value === 'string' ? value.slice(0, 10) : String(value);
}
