import type { Effect } from '../src/domain/case';
import type { Mailer } from '../src/notifications/outbox';

export interface ActivityDependencies {
  mailer: Mailer;
  /** Where escalations go until the escalation chain (supervisor, head of department) is configured. */
  escalationAddress: string;
}

export function createActivities({ mailer, escalationAddress }: ActivityDependencies) {
  return {
    async escalateDeadlineBreach(effect: Extract<Effect, { type: 'escalate' }>): Promise<void> {
      await mailer.send({
        messageId: `${effect.caseId}.${effect.deadline}.${effect.dueAt}.escalation@ressourceforloeb`,
        to: escalationAddress,
        subject: `Sag ${effect.caseId}: fristen "${effect.deadline}" er overskredet`,
        text: `Fristen "${effect.deadline}" i sag ${effect.caseId} udløb ${effect.dueAt}. Sagen er eskaleret.`,
      });
    },
  };
}
