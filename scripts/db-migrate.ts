/**
 * `npm run db:migrate`: applies prisma/migrations to DATABASE_URL, or to the embedded
 * database under .data/ when DATABASE_URL is not set (the same one `npm run dev` uses).
 */
import { resolveDatabase } from "@/lib/boot/resolve-database";
import { applyMigrations } from "@/lib/db/migrate";
import { parseSettings } from "@/lib/env";

const log = (line: string) => console.log(`[db:migrate] ${line}`);

async function main() {
  const initial = parseSettings(process.env);
  const database = await resolveDatabase({ databaseUrl: initial.DATABASE_URL, embeddedPort: initial.EMBEDDED_DATABASE_PORT, log });
  try {
    log(`database: ${database.description}`);
    const result = await applyMigrations(database.url, { log });
    log(result.applied.length ? `applied ${result.applied.length} migration(s)` : `up to date (${result.alreadyApplied} applied)`);
  } finally {
    await database.stop();
  }
}

main().catch((error: unknown) => {
  console.error(`[db:migrate] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
