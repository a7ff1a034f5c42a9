import { mkdtemp, mkdir, writeFile, cp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations, checksumOf, DEFAULT_MIGRATIONS_DIR, MigrationError } from "@/lib/db/migrate";
import { integrationDatabase } from "@/lib/testing/integration-env";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-database";

const { serverUrl } = integrationDatabase();
const databases: TestDatabase[] = [];

async function freshDatabase(): Promise<TestDatabase> {
  const database = await createTestDatabase(serverUrl, { prefix: "preflight_migrate" });
  databases.push(database);
  return database;
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

async function migrationsFolder(migrations: Record<string, string>): Promise<string> {
  const directory = await mkdtemp(path.join(os.tmpdir(), "preflight-migrations-"));
  for (const [name, sql] of Object.entries(migrations)) {
    await mkdir(path.join(directory, name));
    await writeFile(path.join(directory, name, "migration.sql"), sql);
  }
  return directory;
}

const FIRST = 'CREATE TABLE "widget" ("id" SERIAL PRIMARY KEY, "name" TEXT NOT NULL);';
const SECOND = 'ALTER TABLE "widget" ADD COLUMN "size" INTEGER;';

afterAll(async () => {
  await Promise.all(databases.map((database) => database.drop()));
});

describe("applyMigrations", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await freshDatabase();
  });

  it("applies every migration of the project to an empty database and records it as Prisma does", async () => {
    const result = await applyMigrations(database.url);
    expect(result.applied.length).toBeGreaterThan(0);
    expect(result.alreadyApplied).toBe(0);

    const rows = await query<{ migration_name: string; checksum: string; finished_at: Date | null; applied_steps_count: number }>(
      database.url,
      'SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name',
    );
    expect(rows.map((row) => row.migration_name)).toEqual(result.applied);
    const { readFile } = await import("node:fs/promises");
    for (const row of rows) {
      const contents = await readFile(path.join(DEFAULT_MIGRATIONS_DIR, row.migration_name, "migration.sql"));
      expect(row.checksum).toBe(checksumOf(contents));
      expect(row.checksum).toMatch(/^[0-9a-f]{64}$/);
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.applied_steps_count).toBe(1);
    }
  });

  it("does nothing when run again", async () => {
    const result = await applyMigrations(database.url);
    expect(result.applied).toEqual([]);
    expect(result.alreadyApplied).toBeGreaterThan(0);
    const [{ count }] = (await query<{ count: number }>(database.url, 'SELECT count(*)::int AS count FROM "_prisma_migrations"')) as [
      { count: number },
    ];
    expect(count).toBe(result.alreadyApplied);
  });

  it("refuses to run when an applied migration's file has changed", async () => {
    const target = await freshDatabase();
    const directory = await migrationsFolder({ "001_widget": FIRST });
    await applyMigrations(target.url, { directory });
    await writeFile(path.join(directory, "001_widget", "migration.sql"), `${FIRST}\n-- edited later`);
    await mkdir(path.join(directory, "002_size"));
    await writeFile(path.join(directory, "002_size", "migration.sql"), SECOND);

    await expect(applyMigrations(target.url, { directory })).rejects.toThrow(/001_widget was changed after it was applied/);
    // Nothing after the refusal ran.
    const columns = await query(target.url, "SELECT column_name FROM information_schema.columns WHERE table_name = 'widget' AND column_name = 'size'");
    expect(columns).toEqual([]);
  });

  it("stops at the first failing migration, names it, and leaves it unapplied", async () => {
    const target = await freshDatabase();
    const directory = await migrationsFolder({
      "001_widget": FIRST,
      "002_broken": 'ALTER TABLE "widget" ADD COLUMN "half" INTEGER;\nALTER TABLE "no_such_table" ADD COLUMN "x" INTEGER;',
      "003_size": SECOND,
    });

    const failure = await applyMigrations(target.url, { directory }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(MigrationError);
    expect((failure as MigrationError).migration).toBe("002_broken");
    expect((failure as Error).message).toMatch(/002_broken failed/);
    expect((failure as Error).message).toMatch(/migration\.sql/);
    expect((failure as Error).message).toMatch(/no_such_table/);

    const applied = await query<{ migration_name: string }>(target.url, 'SELECT migration_name FROM "_prisma_migrations"');
    expect(applied.map((row) => row.migration_name)).toEqual(["001_widget"]);
    // The failing migration's first statement was rolled back with it; the third never ran.
    const columns = await query<{ column_name: string }>(
      target.url,
      "SELECT column_name FROM information_schema.columns WHERE table_name = 'widget' ORDER BY column_name",
    );
    expect(columns.map((row) => row.column_name)).toEqual(["id", "name"]);
  });

  it("applies each migration exactly once when two runners start together", async () => {
    const target = await freshDatabase();
    const directory = await mkdtemp(path.join(os.tmpdir(), "preflight-migrations-"));
    await cp(DEFAULT_MIGRATIONS_DIR, directory, { recursive: true });

    const results = await Promise.all([applyMigrations(target.url, { directory }), applyMigrations(target.url, { directory })]);
    const appliedByEither = results.flatMap((result) => result.applied).sort();
    const rows = await query<{ migration_name: string }>(target.url, 'SELECT migration_name FROM "_prisma_migrations" ORDER BY migration_name');
    expect(appliedByEither).toEqual(rows.map((row) => row.migration_name));
    expect(new Set(appliedByEither).size).toBe(appliedByEither.length);
    expect(results.some((result) => result.applied.length === 0)).toBe(true);
  });
});
