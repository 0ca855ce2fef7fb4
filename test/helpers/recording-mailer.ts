import type { Mailer, OutgoingMessage } from '../../src/notifications/mailer';

/**
 * A mailer that keeps what it was asked to send, for assertions. Given another mailer (a real SMTP
 * transport in the notification tests), it passes every message on and keeps only those that went.
 */
export class RecordingMailer implements Mailer {
  readonly sent: OutgoingMessage[] = [];

  constructor(private readonly next?: Mailer) {}

  async send(message: OutgoingMessage): Promise<void> {
    await this.next?.send(message);
    this.sent.push(message);
  }
}
