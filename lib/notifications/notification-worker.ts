import { db, type Database } from "@/lib/db";
import { isShuttingDown } from "@/lib/boot/shutdown-state";
import { createOutboxWakeup } from "@/lib/db/outbox-wakeup";
import { NOTIFICATION_CHANNEL } from "@/lib/notifications/enqueue-notification-job";
import { notify, type SentNotification } from "@/lib/notifications/notify";
import type { CommittedEvent, NotificationRule } from "@/lib/notifications/rules/notification-rule";
import { NOTIFICATION_RULES } from "@/lib/notifications/rules";
import { notifyUser } from "@/lib/realtime/broadcast";

export interface NotificationWorkerOptions {
  databaseUrl: string;
  /** How often an idle worker looks for due retries (new jobs wake it at once through NOTIFY). */
  pollMs: number;
  log: (line: string) => void;
}

export interface NotificationWorker {
  /** Stops claiming, lets the job in hand finish, and closes its listening connection. */
  stop(): Promise<void>;
}

export interface RunOptions {
  /** The rules to run; the real list unless a test hands its own. */
  rules?: readonly NotificationRule[];
  log?: (line: string) => void;
  /** First retry delay after a rule failed; doubles per attempt, at most an hour. */
  retryBaseMs?: number;
  /** Told of each recorded notification after its job committed (the live push; tests listen here). */
  onSent?: (sent: SentNotification) => void;
  /** Stops before the next job when it returns true (the worker's shutdown). */
  stopped?: () => boolean;
}

export interface RunResult {
  /** Jobs done and deleted. */
  processed: number;
  /** Jobs whose rules failed: left for a retry. */
  failed: number;
  sent: SentNotification[];
}

const RETRY_BASE_MS = 10_000;
const MAX_RETRY_MS = 60 * 60 * 1000;
const MAX_ERROR_LENGTH = 2_000;
// Rules read what they need; a job that takes longer than this is stuck, and is rolled back to retry.
const JOB_TIMEOUT_MS = 30_000;

interface ClaimedJob extends CommittedEvent {
  jobId: string;
  attempts: number;
}

/** A failed rule, carried out of the job's transaction so that it rolls back. */
class RuleFailed extends Error {}

/**
 * Works the notification outbox until nothing is due: each job, in the order its event was
 * recorded, in ONE transaction — claim it (SKIP LOCKED, so several processes share the work),
 * run every rule on its event, record what they return with notify(), delete the job. A crash
 * anywhere rolls it all back and the job is done again later; notify's dedupe key makes that
 * once-only. A rule that throws rolls its job back too, which is then retried with backoff
 * while the jobs behind it go on. After each commit the recorded notifications are pushed live.
 */
export async function runNotificationJobsOnce(database: Database = db(), options: RunOptions = {}): Promise<RunResult> {
  const rules = options.rules ?? NOTIFICATION_RULES;
  const result: RunResult = { processed: 0, failed: 0, sent: [] };
  while (!options.stopped?.()) {
    let claimed: ClaimedJob | undefined;
    let sent: SentNotification[] = [];
    try {
      const done = await database.$transaction(
        async (tx) => {
          const jobs = await tx.$queryRaw<ClaimedJob[]>`
            SELECT j.id AS "jobId", j.attempts, e.id, e."planId", e.seq, e.type, e."actorId", e.payload, e."createdAt"
              FROM "NotificationJob" j JOIN "PlanEvent" e ON e.id = j."eventId"
             WHERE j."runAfter" <= now()
             ORDER BY j.position
             LIMIT 1
               FOR UPDATE OF j SKIP LOCKED`;
          claimed = jobs[0];
          if (!claimed) return false;
          const { jobId: _jobId, attempts: _attempts, ...event } = claimed;
          const recorded: SentNotification[] = [];
          for (const rule of rules) {
            let wanted;
            try {
              wanted = await rule(event, tx);
            } catch (error) {
              throw new RuleFailed(`${rule.name || "a rule"}: ${error instanceof Error ? error.message : String(error)}`);
            }
            for (const notification of wanted) {
              const one = await notify(tx, notification);
              if (one) recorded.push(one);
            }
          }
          await tx.$executeRaw`DELETE FROM "NotificationJob" WHERE id = ${claimed.jobId}`;
          sent = recorded;
          return true;
        },
        { timeout: JOB_TIMEOUT_MS },
      );
      if (!done) break;
      result.processed += 1;
    } catch (error) {
      if (!claimed) throw error;
      // The job rolled back: note why, and try it again later; the jobs behind it go on.
      result.failed += 1;
      const message = (error instanceof Error ? error.message : String(error)).slice(0, MAX_ERROR_LENGTH);
      const delayMs = Math.min((options.retryBaseMs ?? RETRY_BASE_MS) * 2 ** Math.min(claimed.attempts, 20), MAX_RETRY_MS);
      await database.$executeRaw`
        UPDATE "NotificationJob"
           SET attempts = attempts + 1, "runAfter" = now() + make_interval(secs => ${delayMs / 1000}), "lastError" = ${message}
         WHERE id = ${claimed.jobId}`;
      options.log?.(`notifications: job for event ${claimed.id} (${claimed.type}) failed, will retry: ${message}`);
      continue;
    }
    for (const one of sent) {
      result.sent.push(one);
      options.onSent?.(one);
    }
  }
  return result;
}

/** Sends a recorded notification to its person's open pages, with their new unread count for the bell. */
export async function pushNotificationLive(database: Database, sent: SentNotification): Promise<void> {
  const unreadCount = await database.notification.count({ where: { userId: sent.userId, readAt: null } });
  notifyUser(sent.userId, { id: sent.id, kind: sent.kind, title: sent.title, href: sent.href, unreadCount });
}

/**
 * The outbox's worker, one loop per process: work the due jobs, then wait for a NOTIFY from a
 * committed event or the poll interval (which also picks up retries that came due).
 */
export function startNotificationWorker(options: NotificationWorkerOptions): NotificationWorker {
  const database = db();
  let stopped = false;
  const wakeup = createOutboxWakeup(options.databaseUrl, NOTIFICATION_CHANNEL);

  const push = (sent: SentNotification) => {
    pushNotificationLive(database, sent).catch((error: unknown) => {
      // The notification is recorded; the bell shows it on the next page load.
      options.log(`notifications: live push failed: ${error instanceof Error ? error.message : String(error)}`);
    });
  };

  const loop = async () => {
    while (!stopped) {
      wakeup.clearPending();
      try {
        await wakeup.listen();
        await runNotificationJobsOnce(database, { log: options.log, onSent: push, stopped: () => stopped });
      } catch (error) {
        if (stopped) break;
        // The database closing under a process that is shutting down is expected, not news.
        if (!isShuttingDown()) options.log(`notifications: cannot work the outbox: ${error instanceof Error ? error.message : String(error)}`);
      }
      await wakeup.sleep(options.pollMs);
    }
  };
  const running = loop();

  return {
    async stop() {
      stopped = true;
      const closing = wakeup.close();
      await running;
      await closing;
    },
  };
}
