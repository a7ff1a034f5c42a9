import type pg from "pg";
import type { AttemptOutcome, OutgoingMail } from "@/lib/mail/mail-envelope";

/**
 * The SQL of the mail worker. A claimed message stays PENDING with a lease (`lockedUntil`):
 * while the lease runs no other worker takes it; once it has run out (the worker died mid-send)
 * the message is claimed again. Times are the database's (now()), so that app instances with
 * slightly different clocks agree on what is due.
 */

const CLAIM = `
  WITH due AS (
    SELECT id FROM "MailMessage"
     WHERE status = 'PENDING' AND "nextAttemptAt" <= now() AND ("lockedUntil" IS NULL OR "lockedUntil" < now())
     ORDER BY "nextAttemptAt", "createdAt"
     LIMIT $1
       FOR UPDATE SKIP LOCKED
  )
  UPDATE "MailMessage" m
     SET attempts = m.attempts + 1, "lockedUntil" = now() + make_interval(secs => $2::double precision / 1000)
    FROM due
   WHERE m.id = due.id
RETURNING m.id, m."to", m.subject, m.text, m.html, m."unsubscribeUrl", m.attempts,
          (EXTRACT(EPOCH FROM (now() - m."createdAt")) * 1000)::float8 AS age_ms`;

/** Claims up to `limit` due messages for `leaseMs`; each claim counts as an attempt. */
export async function claimDueMail(pool: pg.Pool, limit: number, leaseMs: number): Promise<OutgoingMail[]> {
  const { rows } = await pool.query(CLAIM, [limit, leaseMs]);
  return rows.map((row) => ({
    id: row.id,
    to: row.to,
    subject: row.subject,
    text: row.text,
    html: row.html,
    unsubscribeUrl: row.unsubscribeUrl,
    attempts: row.attempts,
    ageMs: row.age_ms,
  }));
}

// Guarded by the attempt number: a worker that outlived its lease does not overwrite the
// outcome recorded by the worker that claimed the message after it.
const RECORD_SENT = `
  UPDATE "MailMessage" SET status = 'SENT', "sentAt" = now(), "lockedUntil" = NULL, "lastError" = NULL
   WHERE id = $1 AND attempts = $2 AND status = 'PENDING'`;

export async function recordSent(pool: pg.Pool, mail: Pick<OutgoingMail, "id" | "attempts">): Promise<void> {
  await pool.query(RECORD_SENT, [mail.id, mail.attempts]);
}

const RECORD_FAILURE = `
  UPDATE "MailMessage"
     SET status = $3::"MailStatus", "lockedUntil" = NULL, "lastError" = $4,
         "nextAttemptAt" = CASE WHEN $3 = 'PENDING' THEN now() + make_interval(secs => $5::double precision / 1000) ELSE "nextAttemptAt" END
   WHERE id = $1 AND attempts = $2 AND status = 'PENDING'`;

export async function recordFailure(pool: pg.Pool, mail: Pick<OutgoingMail, "id" | "attempts">, outcome: AttemptOutcome): Promise<void> {
  await pool.query(RECORD_FAILURE, [mail.id, mail.attempts, outcome.status, outcome.error, outcome.status === "PENDING" ? outcome.retryInMs : 0]);
}

// Messages claimed but not yet tried when the worker stops go back as they were (the claim's
// attempt is taken back), so the next worker sends them at once instead of after the lease.
const RELEASE = `
  UPDATE "MailMessage" m SET attempts = m.attempts - 1, "lockedUntil" = NULL
    FROM unnest($1::text[], $2::int[]) AS released(id, attempts)
   WHERE m.id = released.id AND m.attempts = released.attempts AND m.status = 'PENDING'`;

export async function releaseMail(pool: pg.Pool, mails: Pick<OutgoingMail, "id" | "attempts">[]): Promise<void> {
  if (!mails.length) return;
  await pool.query(RELEASE, [mails.map((mail) => mail.id), mails.map((mail) => mail.attempts)]);
}
