import addressparser from "nodemailer/lib/addressparser";
import type Mail from "nodemailer/lib/mailer";
import { nextAttemptAt } from "@/lib/webhooks/retry-schedule";

/**
 * The pure half of sending mail: what goes over SMTP for an outbox row, what a failed attempt
 * leads to, and how the SMTP URL may appear in a log. The worker (mail-worker.ts) does the I/O.
 */

/** An outbox row as the worker claims it. */
export interface OutgoingMail {
  id: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  unsubscribeUrl: string;
  /** Attempts made so far, this one included. */
  attempts: number;
  /** How long ago the message was queued, by the database's clock. */
  ageMs: number;
}

/** The domain of the sender address ("Preflight <preflight@example.com>" → "example.com"), "localhost" when there is none. */
export function senderDomain(mailFrom: string): string {
  const [first] = addressparser(mailFrom, { flatten: true });
  const at = first?.address.lastIndexOf("@") ?? -1;
  const domain = at >= 0 ? first!.address.slice(at + 1).trim() : "";
  return domain || "localhost";
}

/**
 * The Message-ID of an outbox row: the same on every attempt, so that a message sent again after
 * a crash between the SMTP server's "250 OK" and our record of it is recognisable as the same
 * message (mail clients and many servers drop the second copy).
 */
export function messageIdFor(mailId: string, mailFrom: string): string {
  return `<mail-${mailId}@${senderDomain(mailFrom)}>`;
}

/** The nodemailer message for a row: both parts, the one-click unsubscribe headers (RFC 2369, RFC 8058), the stable Message-ID. */
export function composeMail(mail: Pick<OutgoingMail, "id" | "to" | "subject" | "text" | "html" | "unsubscribeUrl">, mailFrom: string): Mail.Options {
  return {
    from: mailFrom,
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    messageId: messageIdFor(mail.id, mailFrom),
    headers: {
      "List-Unsubscribe": `<${mail.unsubscribeUrl}>`,
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    },
  };
}

export type AttemptOutcome = { status: "FAILED"; error: string } | { status: "PENDING"; error: string; retryInMs: number };

/**
 * What a failed attempt leads to. A permanent refusal (an SMTP 5xx reply: no such mailbox,
 * message rejected) is not retried; anything else (a 4xx such as greylisting, a refused or
 * dropped connection, a time-out) is tried again with backoff, and given up 24 hours after the
 * message was queued.
 */
export function outcomeOfFailure(error: unknown, mail: Pick<OutgoingMail, "attempts" | "ageMs">, retryBaseMs: number, random: number): AttemptOutcome {
  const described = describeSmtpError(error);
  const responseCode = typeof error === "object" && error !== null && "responseCode" in error ? Number((error as { responseCode: unknown }).responseCode) : NaN;
  if (responseCode >= 500 && responseCode < 600) return { status: "FAILED", error: described };
  const now = new Date(0 + mail.ageMs);
  const next = nextAttemptAt({ attempts: mail.attempts, queuedAt: new Date(0), now, baseMs: retryBaseMs, random });
  if (!next) return { status: "FAILED", error: `gave up after ${mail.attempts} attempts: ${described}` };
  return { status: "PENDING", error: described, retryInMs: next.getTime() - now.getTime() };
}

/** An error as one short line for the outbox row and the log. */
export function describeSmtpError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/\s+/g, " ").trim().slice(0, 500);
}

/** The SMTP URL fit for a log line: the password (and any query, which may carry credentials) left out. */
export function redactSmtpUrl(smtpUrl: string): string {
  try {
    const url = new URL(smtpUrl);
    if (url.password) url.password = "***";
    url.search = "";
    return url.toString();
  } catch {
    return "(unreadable SMTP_URL)";
  }
}
