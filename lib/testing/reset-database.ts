import { db } from "@/lib/db";

const DEADLOCK_DETECTED = "40P01";
// The outbox tables, in the order their workers' transactions first touch them (a notification
// job is claimed before its mail is queued). Locked first, in this order, they make the truncate
// wait for a worker's transaction to end instead of deadlocking with it half-way.
const OUTBOX_TABLES = ["NotificationJob", "WebhookDelivery", "MailMessage"];
const ATTEMPTS = 5;

/**
 * Empties every application table (not the migrations table) between integration tests.
 *
 * The app servers some tests start run the outbox workers (notifications, mail, webhooks),
 * which may be in the middle of a job from the previous test while this truncates every table
 * at once. The outbox tables are locked first so the truncate waits for such a job; should
 * another transaction still deadlock with it, PostgreSQL aborts one side, and if it is the
 * truncate it is simply tried again (a worker's side is retried by the worker itself).
 */
export async function resetDatabase(): Promise<void> {
  const tables = await db().$queryRaw<{ tablename: string }[]>`
    SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`;
  if (!tables.length) return;
  const list = tables.map(({ tablename }) => `"${tablename.replace(/"/g, '""')}"`).join(", ");
  for (let attempt = 1; ; attempt++) {
    try {
      const outboxes = OUTBOX_TABLES.filter((table) => tables.some(({ tablename }) => tablename === table)).map((table) => `"${table}"`);
      await db().$transaction([
        ...(outboxes.length ? [db().$executeRawUnsafe(`LOCK TABLE ${outboxes.join(", ")} IN ACCESS EXCLUSIVE MODE`)] : []),
        db().$executeRawUnsafe(`TRUNCATE ${list} RESTART IDENTITY CASCADE`),
      ]);
      return;
    } catch (error) {
      if (attempt >= ATTEMPTS || !isDeadlock(error)) throw error;
    }
  }
}

function isDeadlock(error: unknown): boolean {
  const { code, meta } = error as { code?: string; meta?: { code?: string } };
  return code === DEADLOCK_DETECTED || meta?.code === DEADLOCK_DETECTED || String((error as Error)?.message).includes("deadlock detected");
}
