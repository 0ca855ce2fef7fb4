import { createTableIfMissing, type Database } from '../store/database';

/**
 * Which mail went out, by Message-ID, kept where a crash cannot take it: a copy is recorded as sent
 * the moment the mail server has accepted it, before the activity reports back to Temporal. When that
 * report is lost (Temporal restarted, the network dropped) and the activity runs again, the copies
 * already sent are recognised and not sent a second time.
 */
export interface DeliveryLedger {
  wasSent(messageId: string): Promise<boolean>;
  markSent(messageId: string, at: Date): Promise<void>;
}

/** How long a sent copy is remembered: far longer than any retry of its delivery takes. */
const KEEP_DAYS = 90;

export async function createDeliveryLedger(db: Database, now: Date = new Date()): Promise<DeliveryLedger> {
  await createTableIfMissing(
    db,
    'CREATE TABLE IF NOT EXISTS mail_sent (message_id TEXT PRIMARY KEY, sent_at TEXT NOT NULL)',
  );
  const cutoff = new Date(now.getTime() - KEEP_DAYS * 86_400_000).toISOString();
  await db.run('DELETE FROM mail_sent WHERE sent_at < $1', [cutoff]);
  return {
    async wasSent(messageId) {
      return (await db.all('SELECT 1 AS sent FROM mail_sent WHERE message_id = $1', [messageId])).length > 0;
    },
    async markSent(messageId, at) {
      await db.run(
        'INSERT INTO mail_sent (message_id, sent_at) VALUES ($1, $2) ON CONFLICT (message_id) DO NOTHING',
        [messageId, at.toISOString()],
      );
    },
  };
}

/** For tests that need no durability: the same contract, in memory. */
export function memoryLedger(): DeliveryLedger {
  const sent = new Set<string>();
  return {
    async wasSent(messageId) {
      return sent.has(messageId);
    },
    async markSent(messageId) {
      sent.add(messageId);
    },
  };
}
