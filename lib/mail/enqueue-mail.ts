import type { DatabaseOrTransaction } from "@/lib/db";

/** Wakes the mail workers at commit (PostgreSQL delivers a NOTIFY only when its transaction commits). */
export const MAIL_CHANNEL = "preflight_mail";

export interface MailToQueue {
  /** Why and to whom ("notification:<id>", "update:<eventId>:<subscriberId>"): queued at most once. */
  dedupeKey: string;
  to: string;
  /** The recipient's account, when there is one. */
  userId?: string | null;
  subject: string;
  text: string;
  html: string;
  /** Absolute one-click unsubscribe URL (the List-Unsubscribe header and the link in the body). */
  unsubscribeUrl: string;
}

/**
 * The mail outbox write: records a message to send, inside the caller's transaction, so it
 * commits or rolls back with whatever caused it. A second call with the same dedupeKey does
 * nothing: a worker that redoes its job after a crash cannot queue a message twice.
 * Returns whether a new message was queued.
 */
export async function enqueueMail(tx: DatabaseOrTransaction, mail: MailToQueue): Promise<boolean> {
  const queued = await tx.$executeRaw`
    INSERT INTO "MailMessage" (id, "dedupeKey", "to", "userId", subject, text, html, "unsubscribeUrl")
    VALUES (gen_random_uuid()::text, ${mail.dedupeKey}, ${mail.to}, ${mail.userId ?? null}, ${mail.subject}, ${mail.text}, ${mail.html}, ${mail.unsubscribeUrl})
    ON CONFLICT ("dedupeKey") DO NOTHING`;
  if (queued > 0) await tx.$executeRawUnsafe(`SELECT pg_notify('${MAIL_CHANNEL}', '')`);
  return queued > 0;
}
