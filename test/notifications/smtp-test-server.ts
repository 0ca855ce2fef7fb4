import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { freePort } from '../../scripts/lib/processes';

export interface ReceivedMail {
  messageId: string;
  from: string;
  /** The envelope recipients (RCPT TO). */
  to: string[];
  subject: string;
  text: string;
  /** The HTML part, '' when the message has none. */
  html: string;
  headers: Map<string, unknown>;
}

export type RcptReply = { code: number; message: string } | undefined;

/**
 * A real SMTP server on 127.0.0.1 for tests (the npm package smtp-server), keeping every message it
 * accepts. `stop()` closes the port (connections are refused) and `start()` opens the same port again.
 * `rcpt` decides the reply to each RCPT TO; `credentials` requires AUTH.
 */
export class TestSmtpServer {
  readonly received: ReceivedMail[] = [];
  /** Every RCPT TO the server was asked, accepted or not. */
  readonly rcptAttempts: string[] = [];
  rcpt: (address: string) => RcptReply = () => undefined;
  /** How long the server takes to acknowledge a message it has received (a slow mail server). */
  acknowledgeAfterMs = 0;
  private server: SMTPServer | undefined;
  /** Errors the server reported other than a client's reset connection. */
  readonly serverErrors: Error[] = [];

  private constructor(
    readonly port: number,
    private readonly credentials?: { user: string; pass: string },
  ) {}

  /** A server on a free port; with `listening: false` the port is chosen but refuses connections. */
  static async create(
    options: { credentials?: { user: string; pass: string }; listening?: boolean } = {},
  ): Promise<TestSmtpServer> {
    const server = new TestSmtpServer(await freePort(), options.credentials);
    if (options.listening ?? true) await server.start();
    return server;
  }

  get url(): string {
    const auth = this.credentials
      ? `${encodeURIComponent(this.credentials.user)}:${encodeURIComponent(this.credentials.pass)}@`
      : '';
    return `smtp://${auth}127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    if (this.server) return;
    const credentials = this.credentials;
    const server = new SMTPServer({
      logger: false,
      disabledCommands: credentials ? ['STARTTLS'] : ['STARTTLS', 'AUTH'],
      authOptional: !credentials,
      // smtp-server only offers AUTH over TLS unless told otherwise; this one is on loopback only.
      allowInsecureAuth: true,
      onAuth: (auth, _session, callback) => {
        if (credentials && auth.username === credentials.user && auth.password === credentials.pass)
          callback(null, { user: auth.username });
        else callback(Object.assign(new Error('Invalid username or password'), { responseCode: 535 }));
      },
      onRcptTo: (address, _session, callback) => {
        this.rcptAttempts.push(address.address);
        const reply = this.rcpt(address.address);
        if (reply) callback(Object.assign(new Error(reply.message), { responseCode: reply.code }));
        else callback();
      },
      onData: (stream, session, callback) => {
        simpleParser(stream)
          .then((parsed) => {
            this.received.push({
              messageId: (parsed.messageId ?? '').replace(/^<|>$/g, ''),
              from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
              to: session.envelope.rcptTo.map((recipient) => recipient.address),
              subject: parsed.subject ?? '',
              text: parsed.text ?? '',
              html: typeof parsed.html === 'string' ? parsed.html : '',
              headers: parsed.headers,
            });
            setTimeout(callback, this.acknowledgeAfterMs);
          })
          .catch(callback);
      },
    });
    // A client that dies mid-session (a worker killed with SIGKILL in the fault tests) resets its
    // connection; smtp-server reports that as an 'error' event, which is the fault under test, not a
    // failure of the server: without a listener Node would throw it and fail the whole test file.
    server.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'ECONNRESET' && error.code !== 'EPIPE') this.serverErrors.push(error);
    });
    await new Promise<void>((resolve, reject) => {
      server.server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.server = server;
  }

  /** Closes the port: from now on connections are refused, until start(). */
  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** How many times each Message-ID arrived. */
  countsByMessageId(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const mail of this.received) counts.set(mail.messageId, (counts.get(mail.messageId) ?? 0) + 1);
    return counts;
  }

  /** Messages that arrived more than once. */
  duplicates(): string[] {
    return [...this.countsByMessageId()].filter(([, count]) => count > 1).map(([id]) => id);
  }

  to(address: string): ReceivedMail[] {
    return this.received.filter((mail) => mail.to.includes(address));
  }
}
