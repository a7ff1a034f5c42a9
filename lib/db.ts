import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { databaseUrl, settings } from "@/lib/env";
import { logger } from "@/lib/logger";

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
 * A pg pool that reports, rather than crashes on, an idle connection the server closed
 * (a database restart, or the embedded database stopping first on Ctrl-C).
 */
export function createPool(url: string, max: number): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max, connectionTimeoutMillis: 5_000 });
  pool.on("error", (error) => logger.warn("database connection lost", error.message));
  return pool;
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
