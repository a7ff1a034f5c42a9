import type pg from "pg";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * The notification outbox write: inside the transaction that records an event, one job for
 * that event. It commits or rolls back with the event, so a crash can delay a notification but
 * never lose or invent one; the worker (notification-worker.ts) turns the job into
 * notifications and deletes it.
 *
 * One statement: the insert, and a NOTIFY that wakes the workers at commit (PostgreSQL
 * delivers notifications only when the transaction commits). The SQL is the function
 * preflight_enqueue_notification_job (prisma/migrations/20261209200000_one_statement_tick),
 * which the one-statement tick (lib/plan-state/tick-statement.ts) calls too.
 */
export const NOTIFICATION_CHANNEL = "preflight_notifications";

const ENQUEUE = `SELECT preflight_enqueue_notification_job($1, '${NOTIFICATION_CHANNEL}')`;

/** For the item hot path, on its plain pg connection. */
export async function enqueueNotificationJobOnClient(client: pg.PoolClient, eventId: string): Promise<void> {
  await client.query(ENQUEUE, [eventId]);
}

/** For every other change, in its Prisma transaction (executeRaw: the one column is the function's void, which Prisma cannot read back). */
export async function enqueueNotificationJob(tx: Prisma.TransactionClient, eventId: string): Promise<void> {
  await tx.$executeRawUnsafe(ENQUEUE, eventId);
}
