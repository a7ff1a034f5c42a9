import { isShuttingDown } from "@/lib/boot/shutdown-state";
import { logger } from "@/lib/logger";

/**
 * One log line when this process finds the database unavailable, and one when it reaches it
 * again, however many requests, connections and heartbeats fail in between: an outage is one
 * event for whoever reads the log, not a stack trace per tick.
 *
 * The state lives on globalThis because the custom server (through tsx) and Next's bundles
 * each load their own copy of this module, in one process.
 */
interface OutageState {
  since: number | null;
  /** When a connection last succeeded (ms since the epoch). */
  reachedAt: number;
}

function outage(): OutageState {
  const global = globalThis as unknown as { preflightDatabaseOutage?: OutageState };
  global.preflightDatabaseOutage ??= { since: null, reachedAt: 0 };
  return global.preflightDatabaseOutage;
}

/** How long a connection closed by the database's own shutdown waits before it counts as an outage. */
const DATABASE_SHUTDOWN_GRACE_MS = 1_000;
/** PostgreSQL's message for 57P01 (admin_shutdown), as pg and Prisma both pass it on. */
const CLOSED_BY_DATABASE_SHUTDOWN = "terminating connection due to administrator command";

/**
 * The first failure of an outage logs it; later ones say nothing.
 *
 * A connection the database closes because it is itself shutting down waits a moment first:
 * on Ctrl-C the terminal signals the embedded database and this process together, and under
 * load the database's closing can arrive (here, in the adapter, in a request) before our own
 * SIGINT handler has run. If our shutdown has begun by then, or a connection has succeeded
 * since, it was no outage; a database really restarted by its administrator is still logged.
 */
export function noteDatabaseUnavailable(reason: string): void {
  if (isShuttingDown()) return logger.debug(`database closed during shutdown (${reason})`);
  if (reason.includes(CLOSED_BY_DATABASE_SHUTDOWN)) {
    const lostAt = Date.now();
    setTimeout(() => {
      if (isShuttingDown()) logger.debug(`database closed during shutdown (${reason})`);
      else if (!databaseReachedSince(lostAt)) logOutage(reason);
    }, DATABASE_SHUTDOWN_GRACE_MS).unref();
    return;
  }
  logOutage(reason);
}

function logOutage(reason: string): void {
  const state = outage();
  if (state.since !== null) return;
  state.since = Date.now();
  logger.warn(`database unavailable (${reason}); changes are refused with 503 until it is back`);
}

/** A new connection succeeded: if an outage was on, it is over, and the log says how long it lasted. */
export function noteDatabaseReachable(): void {
  const state = outage();
  state.reachedAt = Date.now();
  if (state.since === null) return;
  const seconds = ((Date.now() - state.since) / 1000).toFixed(1);
  state.since = null;
  // At the outage line's level: whoever sees one in the log must see the other.
  logger.warn(`database available again after ${seconds} s`);
}

/** Whether a connection succeeded after `time` (ms since the epoch): a failure seen then is already over. */
export function databaseReachedSince(time: number): boolean {
  return outage().reachedAt > time;
}

/** When the current outage began (ms since the epoch), or null when there is none. */
export function databaseOutageSince(): number | null {
  return outage().since;
}
