import packageJson from "@/package.json";
import { db, type Database } from "@/lib/db";
import { logger } from "@/lib/logger";
import { isDatabaseUnavailable } from "@/lib/db/database-unavailable";
import { noteDatabaseUnavailable } from "@/lib/db/outage-log";

export interface HealthReport {
  status: "ok" | "error";
  version: string;
  uptimeSeconds: number;
  database: { status: "ok" | "error"; latencyMs?: number; appliedMigrations?: number; error?: string };
}

const TIMEOUT_MS = 3_000;

/** What `GET /api/health` reports: the app answers and its database answers. */
export async function checkHealth(database: Pick<Database, "$queryRaw"> = db()): Promise<HealthReport> {
  const base = { version: packageJson.version, uptimeSeconds: Math.round(process.uptime()) };
  const started = performance.now();
  try {
    const rows = await withTimeout(
      database.$queryRaw<{ count: number }[]>`
        SELECT count(*)::int AS count FROM "_prisma_migrations"
         WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
      TIMEOUT_MS,
    );
    const latencyMs = Math.round((performance.now() - started) * 10) / 10;
    return { status: "ok", ...base, database: { status: "ok", latencyMs, appliedMigrations: rows[0]?.count ?? 0 } };
  } catch (error) {
    // The reason stays in the server log; the probe only needs to know the database is unreachable.
    // An outage is logged once for the process (lib/db/outage-log.ts), not once per probe.
    const reason = error instanceof Error ? (error.message.trim().split("\n").at(-1) ?? error.message) : String(error);
    if (isDatabaseUnavailable(error) || reason.startsWith("timed out after")) noteDatabaseUnavailable(`health check: ${reason}`);
    else logger.warn("health check: database did not answer", reason);
    return { status: "error", ...base, database: { status: "error", error: "The database did not answer." } };
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
