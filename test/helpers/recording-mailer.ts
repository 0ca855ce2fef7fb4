import type { Mailer, OutgoingMessage } from '../../src/notifications/outbox';

/** A mailer that keeps what it was asked to send, for assertions. */
export class RecordingMailer implements Mailer {
  readonly sent: OutgoingMessage[] = [];

  async send(message: OutgoingMessage): Promise<void> {
    this.sent.push(message);
  }
}
