import { createHash, randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";

/**
 * Applies the migrations in prisma/migrations the way `prisma migrate deploy` does, without
 * Prisma's schema engine (which cannot be downloaded on every machine). It keeps the same
 * `_prisma_migrations` table and checksums, so either tool can take over from the other.
 *
 * - Prisma's own advisory-lock key, so two app processes (or this and `prisma migrate deploy`)
 *   starting together apply each migration exactly once.
 * - A migration whose file changed after it was applied is refused (as Prisma's P3005/P3006 family).
 * - Each migration runs in one transaction: a failing one leaves nothing half-applied, and the
 *   error names the file and the database's message.
 */

// The key `prisma migrate` locks on PostgreSQL; sharing it keeps both tools mutually exclusive.
const PRISMA_MIGRATE_LOCK_KEY = 72707369;

const CREATE_MIGRATIONS_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

export const DEFAULT_MIGRATIONS_DIR = path.join(process.cwd(), "prisma", "migrations");

export interface MigrationFile {
  name: string;
  file: string;
  sql: string;
  checksum: string;
}

export interface MigrationResult {
  applied: string[];
  alreadyApplied: number;
  /** Applied in the database but absent here: a newer release ran against this database. */
  unknownInDatabase: string[];
}

export class MigrationError extends Error {
  constructor(
    message: string,
    public readonly migration?: string,
  ) {
    super(message);
    this.name = "MigrationError";
  }
}

export function checksumOf(contents: Buffer | string): string {
  return createHash("sha256").update(contents).digest("hex");
}

export async function readMigrations(directory = DEFAULT_MIGRATIONS_DIR): Promise<MigrationFile[]> {
  const entries = await readdir(directory, { withFileTypes: true });
  const names = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  return Promise.all(
    names.map(async (name) => {
      const file = path.join(directory, name, "migration.sql");
      const contents = await readFile(file).catch(() => {
        throw new MigrationError(`Migration folder ${name} has no migration.sql (${file})`, name);
      });
      return { name, file, sql: contents.toString("utf8"), checksum: checksumOf(contents) };
    }),
  );
}

interface AppliedRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
}

export async function applyMigrations(
  connectionString: string,
  options: { directory?: string; log?: (line: string) => void } = {},
): Promise<MigrationResult> {
  const log = options.log ?? (() => {});
  const migrations = await readMigrations(options.directory);
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [PRISMA_MIGRATE_LOCK_KEY]);
    try {
      await client.query(CREATE_MIGRATIONS_TABLE);
      const { rows } = await client.query<AppliedRow>(
        `SELECT migration_name, checksum, finished_at FROM "_prisma_migrations"
          WHERE rolled_back_at IS NULL ORDER BY started_at`,
      );
      const appliedByName = new Map(rows.map((row) => [row.migration_name, row]));

      const failed = rows.find((row) => row.finished_at === null);
      if (failed) {
        throw new MigrationError(
          `Migration ${failed.migration_name} started earlier but never finished. Fix the database by hand, then mark it ` +
            `rolled back (UPDATE "_prisma_migrations" SET rolled_back_at = now() WHERE migration_name = '${failed.migration_name}') and run again.`,
          failed.migration_name,
        );
      }

      for (const migration of migrations) {
        const applied = appliedByName.get(migration.name);
        if (applied && applied.checksum !== migration.checksum) {
          throw new MigrationError(
            `Migration ${migration.name} was changed after it was applied (${migration.file}). ` +
              "Applied migrations must not be edited: restore the file and put the change in a new migration.",
            migration.name,
          );
        }
      }

      const known = new Set(migrations.map((migration) => migration.name));
      const unknownInDatabase = rows.map((row) => row.migration_name).filter((name) => !known.has(name));
      const pending = migrations.filter((migration) => !appliedByName.has(migration.name));

      for (const migration of pending) {
        await applyOne(client, migration);
        log(`applied migration ${migration.name}`);
      }
      return { applied: pending.map((m) => m.name), alreadyApplied: migrations.length - pending.length, unknownInDatabase };
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [PRISMA_MIGRATE_LOCK_KEY]);
    }
  } finally {
    await client.end();
  }
}

async function applyOne(client: pg.Client, migration: MigrationFile): Promise<void> {
  await client.query("BEGIN");
  try {
    await client.query(migration.sql);
    await client.query(
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
       VALUES ($1, $2, $3, now(), clock_timestamp(), 1)`,
      [randomUUID(), migration.checksum, migration.name],
    );
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    const reason = error instanceof Error ? error.message : String(error);
    throw new MigrationError(
      `Migration ${migration.name} failed and was rolled back (${migration.file}): ${reason}`,
      migration.name,
    );
  }
}
