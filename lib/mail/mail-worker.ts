import nodemailer from "nodemailer";
import { parseConnectionUrl } from "nodemailer/lib/shared";
import { createPool, endPool } from "@/lib/db";
import { isShuttingDown } from "@/lib/boot/shutdown-state";
import { createOutboxWakeup } from "@/lib/db/outbox-wakeup";
import { MAIL_CHANNEL } from "@/lib/mail/enqueue-mail";
import { composeMail, describeSmtpError, outcomeOfFailure, redactSmtpUrl, type OutgoingMail } from "@/lib/mail/mail-envelope";
import { claimDueMail, recordFailure, recordSent, releaseMail } from "@/lib/mail/mail-store";

export interface MailWorkerOptions {
  databaseUrl: string;
  /** smtp:// or smtps:// with any credentials; unset: mail is kept in the database only (shown on /dev/mail). */
  smtpUrl?: string;
  /** The sender, "Name <address>". */
  mailFrom: string;
  /** First retry delay after a temporary failure (doubling after each one). */
  retryBaseMs: number;
  /** How often an idle worker looks for due retries (new mail wakes it at once through NOTIFY). */
  pollMs: number;
  /** Messages one claim takes; they are sent one after another. */
  batchSize?: number;
  log: (line: string) => void;
}

export interface MailWorker {
  /** Stops claiming, finishes the message in flight, hands the rest of its claim back, and closes its connections. */
  stop(): Promise<void>;
}

// Each SMTP step is bounded, so a claimed message is certainly finished (or abandoned) well
// within its lease; after the lease another worker may take it: at least once, never lost.
const SMTP_TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 };
const LEASE_PER_MESSAGE_MS = 60_000;

/**
 * The mail outbox's sender, one loop per process: claim due messages, send each over SMTP,
 * record the outcome, and when nothing is due wait for a NOTIFY from a committed enqueue or the
 * poll interval. Several processes share the outbox safely (FOR UPDATE SKIP LOCKED and leases).
 */
export function startMailWorker(options: MailWorkerOptions): MailWorker {
  const pool = createPool(options.databaseUrl, 2);
  const batchSize = options.batchSize ?? 10;
  // One connection per message: no idle connection to keep alive, and a dropped one affects one message.
  const transport = options.smtpUrl ? nodemailer.createTransport({ ...SMTP_TIMEOUTS, ...parseConnectionUrl(options.smtpUrl) }) : null;
  let stopped = false;
  const wakeup = createOutboxWakeup(options.databaseUrl, MAIL_CHANNEL);

  if (transport) options.log(`mail: sending over ${redactSmtpUrl(options.smtpUrl!)} as ${options.mailFrom}`);
  else options.log("mail: SMTP_URL is not set; mail is kept, not sent (see /dev/mail)");

  const deliver = async (mail: OutgoingMail) => {
    if (!transport) {
      // Nothing leaves the machine without SMTP_URL (a development run, a newcomer with no mail
      // server): the message counts as sent so the outbox does not grow, and so that setting
      // SMTP_URL later does not suddenly mail real people everything queued in development.
      // /dev/mail shows it.
      await recordSent(pool, mail);
      return;
    }
    try {
      await transport.sendMail(composeMail(mail, options.mailFrom));
    } catch (error) {
      const outcome = outcomeOfFailure(error, mail, options.retryBaseMs, Math.random());
      options.log(`mail: message ${mail.id} ${outcome.status === "FAILED" ? "failed for good" : "will be retried"}: ${outcome.error}`);
      await recordFailure(pool, mail, outcome);
      return;
    }
    await recordSent(pool, mail);
  };

  const sendBatch = async (batch: OutgoingMail[]) => {
    for (let index = 0; index < batch.length; index += 1) {
      if (stopped) {
        await releaseMail(pool, batch.slice(index)).catch(() => {});
        return;
      }
      const mail = batch[index]!;
      try {
        await deliver(mail);
      } catch (error) {
        // Not recorded: the lease runs out and the message is claimed again.
        options.log(`mail: message ${mail.id} could not be recorded: ${describeSmtpError(error)}`);
      }
    }
  };

  const loop = async () => {
    while (!stopped) {
      let claimed: OutgoingMail[] = [];
      wakeup.clearPending();
      try {
        await wakeup.listen();
        claimed = await claimDueMail(pool, batchSize, batchSize * LEASE_PER_MESSAGE_MS);
      } catch (error) {
        if (stopped) break;
        // The database closing under a process that is shutting down is expected, not news.
        if (!isShuttingDown()) options.log(`mail: cannot claim messages: ${describeSmtpError(error)}`);
      }
      if (claimed.length === 0) {
        await wakeup.sleep(options.pollMs);
        continue;
      }
      await sendBatch(claimed);
    }
  };
  const running = loop();

  return {
    async stop() {
      stopped = true;
      const closing = wakeup.close();
      await running;
      transport?.close();
      await closing;
      await endPool(pool).catch(() => {});
    },
  };
}
