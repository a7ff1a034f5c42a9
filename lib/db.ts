import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { databaseUrl, settings } from "@/lib/env";
import { isShuttingDown } from "@/lib/boot/shutdown-state";
import { logger } from "@/lib/logger";
import { noteDatabaseReachable, noteDatabaseUnavailable } from "@/lib/db/outage-log";
import { closeNotificationListener } from "@/lib/db/notification-listener";

/**
 * The one Prisma client of the process. Password hashes are omitted from every query
 * unless a caller asks for them explicitly (`omit: { passwordHash: false }`).
 */
function createClient(url: string) {
  return new PrismaClient({
    adapter: new PrismaPg(createPool(url, 10)),
    omit: { user: { passwordHash: true } },
    // Errors are thrown to the caller and logged once by the error mapper, not here too.
    log: settings().LOG_LEVEL === "debug" ? ["query", "warn", "error"] : ["warn"],
  });
}

/**
 * A pg pool that reports, rather than crashes on, a connection the server closed (a database
 * restart, or an administrator terminating it). The pool's own listener covers idle
 * connections only; a checked-out one (a transaction in flight, the cluster adapter's LISTEN
 * connection) gets its own listener here, or a server-side termination would surface as an
 * uncaughtException. Every pool is registered so that shutdown can close them all.
 */
export function createPool(url: string, max: number): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max, connectionTimeoutMillis: 5_000 });
  pool.on("error", reportLostConnection);
  pool.on("connect", (client) => {
    client.on("error", reportLostConnection);
    // A new connection is the sign that the database is back after an outage.
    noteDatabaseReachable();
  });
  openPools().add(pool);
  return pool;
}

function reportLostConnection(error: Error): void {
  // On Ctrl-C the terminal signals an embedded database too, which may close connections first.
  if (isShuttingDown()) logger.debug("database connection closed during shutdown", error.message);
  else noteDatabaseUnavailable(`connection lost: ${error.message}`);
}

/**
 * The pools of this process. Kept on globalThis because the custom server (through tsx) and
 * Next's bundles each load their own copy of this module, but share one process and one set.
 */
function openPools(): Set<pg.Pool> {
  const global = globalThis as unknown as { preflightPools?: Set<pg.Pool> };
  global.preflightPools ??= new Set();
  return global.preflightPools;
}

/** Ends a pool and forgets it; a pool already ending (a second closer) is left to finish. */
export function endPool(pool: pg.Pool): Promise<void> {
  openPools().delete(pool);
  return pool.ended || pool.ending ? Promise.resolve() : pool.end();
}

export type Database = ReturnType<typeof createClient>;
/** A client or an interactive transaction: services take either so callers can compose them. */
export type DatabaseOrTransaction = Omit<Database, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

// Cached on globalThis so that Next's dev reloads (and the custom server, which loads
// lib/ through tsx while Next bundles its own copy) share one pool per process.
const globalForPrisma = globalThis as unknown as { preflightPrisma?: Database; preflightPrismaUrl?: string };

export function db(): Database {
  const url = databaseUrl();
  if (!globalForPrisma.preflightPrisma || globalForPrisma.preflightPrismaUrl !== url) {
    globalForPrisma.preflightPrisma = createClient(url);
    globalForPrisma.preflightPrismaUrl = url;
  }
  return globalForPrisma.preflightPrisma;
}

export async function disconnectDatabase(): Promise<void> {
  await globalForPrisma.preflightPrisma?.$disconnect();
  globalForPrisma.preflightPrisma = undefined;
}

/**
 * Shutdown: Prisma's client, then every pg pool still open (the writer's, the sign-in
 * limiter's, Prisma's own), so that no connection is left for the database to terminate.
 * Run before an embedded database stops.
 */
export async function closeDatabaseConnections(): Promise<void> {
  await disconnectDatabase().catch((error: unknown) => logger.warn("closing the Prisma client failed", error instanceof Error ? error.message : error));
  await closeNotificationListener();
  await Promise.allSettled([...openPools()].map(endPool));
}
