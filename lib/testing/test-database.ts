import { randomBytes } from "node:crypto";
import { DATA_DIRECTORY } from "@/lib/boot/data-directory";
import { dropDatabase, ensureDatabase, startEmbeddedPostgres } from "@/lib/db/embedded";
import { applyMigrations } from "@/lib/db/migrate";

/**
 * Throwaway databases for tests: on the server of DATABASE_URL when it is set (it must be
 * local), otherwise on an embedded PostgreSQL kept under .data/test-postgres.
 */

export interface TestDatabaseServer {
  serverUrl: string;
  stop(): Promise<void>;
}

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "::1", "[::1]"]);

export async function startTestDatabaseServer(databaseUrl: string | undefined, log: (line: string) => void = () => {}): Promise<TestDatabaseServer> {
  if (databaseUrl) {
    const url = new URL(databaseUrl);
    if (!LOCAL_HOSTS.has(url.hostname)) {
      throw new Error(`Refusing to create test databases on ${url.hostname}: tests only run against a local PostgreSQL.`);
    }
    url.pathname = "";
    url.search = "";
    return { serverUrl: url.toString().replace(/\/$/, ""), stop: async () => {} };
  }
  const embedded = await startEmbeddedPostgres({ dataRoot: DATA_DIRECTORY, name: "test-postgres", log });
  return { serverUrl: embedded.serverUrl, stop: embedded.stop };
}

export interface TestDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/** A new, empty database with a unique name; `migrate` applies the project's migrations to it. */
export async function createTestDatabase(serverUrl: string, options: { prefix?: string; migrate?: boolean } = {}): Promise<TestDatabase> {
  const name = `${options.prefix ?? "preflight_test"}_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
  await ensureDatabase(serverUrl, name);
  const url = `${serverUrl}/${name}`;
  if (options.migrate) await applyMigrations(url);
  return { name, url, drop: () => dropDatabase(serverUrl, name) };
}
