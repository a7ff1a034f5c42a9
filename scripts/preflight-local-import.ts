import { readFile } from "node:fs/promises";
import path from "node:path";
import type { CliCommand } from "@/lib/cli/arguments";
import { EXIT, type ExitCode } from "@/lib/cli/exit-codes";

/**
 * `preflight import` without a server: `--dry-run` prints the parsed plan (a `summary` of
 * counts beside the full `document`) and writes nothing; otherwise the plan (or, with
 * `--template`, a template) is created in this installation's database through the same code
 * path as the import page, owned by `--as` (default: the first administrator).
 */
export async function importLocally(command: Extract<CliCommand, { name: "import" }>, invocationDir: string): Promise<ExitCode> {
  const bytes = await readFile(path.resolve(invocationDir, command.file)).catch(() => null);
  if (!bytes) {
    console.error(`preflight: cannot read ${command.file}`);
    return EXIT.usage;
  }
  const { previewPlanImport } = await import("@/lib/plans/import-plan");
  const { AppError } = await import("@/lib/errors");
  try {
    if (command.dryRun) {
      const result = await previewPlanImport(new Uint8Array(bytes));
      if (command.json) {
        console.log(JSON.stringify({ summary: result.summary, warnings: result.warnings, document: result.document }, null, 2));
      } else {
        console.log(`${result.document.title || "Untitled plan"}`);
        for (const [name, count] of Object.entries(result.summary)) console.log(`  ${name}: ${count}`);
        for (const warning of result.warnings) console.log(`  warning: ${warning}`);
      }
      return EXIT.ok;
    }
    return await importIntoDatabase(new Uint8Array(bytes), { template: command.template, as: command.as, json: command.json });
  } catch (error) {
    if (error instanceof AppError) {
      console.error(`preflight: ${error.message}`);
      return EXIT.requestFailed;
    }
    throw error;
  } finally {
    const { closeParsePool } = await import("@/lib/import/parse-pool");
    await closeParsePool();
  }
}

async function importIntoDatabase(markdown: Uint8Array, options: { template: boolean; as?: string; json: boolean }): Promise<ExitCode> {
  const { parseSettings } = await import("@/lib/env");
  const { resolveDatabase } = await import("@/lib/boot/resolve-database");
  const { applyMigrations } = await import("@/lib/db/migrate");
  const initial = parseSettings(process.env);
  const database = await resolveDatabase({ databaseUrl: initial.DATABASE_URL, embeddedPort: initial.EMBEDDED_DATABASE_PORT, log: () => {} });
  process.env.DATABASE_URL = database.url;
  try {
    await applyMigrations(database.url);
    const { db, disconnectDatabase } = await import("@/lib/db");
    const owner = await db().user.findFirst({
      where: options.as ? { email: options.as.toLowerCase(), active: true } : { role: "ADMIN", active: true },
      orderBy: { createdAt: "asc" },
      select: { id: true, email: true },
    });
    if (!owner) {
      console.error(options.as ? `preflight: no active account ${options.as}` : "preflight: no administrator yet; start the app once or pass --as EMAIL");
      return EXIT.requestFailed;
    }
    const { importPlan } = await import("@/lib/plans/import-plan");
    const created = await importPlan({ markdown, createdById: owner.id, as: options.template ? "template" : "plan" });
    await disconnectDatabase();
    if (options.json) console.log(JSON.stringify(created, null, 2));
    else console.log(`created ${created.kind} "${created.title}" (${created.id}) for ${owner.email}`);
    return EXIT.ok;
  } finally {
    await database.stop();
  }
}
