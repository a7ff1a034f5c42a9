/**
 * The Preflight command line.
 *
 *   preflight import FILE [--dry-run] [--json] [--template] [--as EMAIL]
 *
 * `--dry-run --json` prints the parsed plan (a `summary` of counts beside the full
 * `document`) and writes nothing. Without `--dry-run` the plan (or, with `--template`, a
 * template) is created through the same code path as the import page, owned by `--as`
 * (default: the first administrator).
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";

const USAGE = "usage: preflight import FILE [--dry-run] [--json] [--template] [--as EMAIL]";

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command !== "import") {
    console.error(USAGE);
    return 2;
  }
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: { "dry-run": { type: "boolean" }, json: { type: "boolean" }, template: { type: "boolean" }, as: { type: "string" } },
  });
  const file = positionals[0];
  if (!file) {
    console.error(USAGE);
    return 2;
  }
  const invocationDir = process.env.PREFLIGHT_INVOCATION_DIR ?? process.cwd();
  const bytes = await readFile(path.resolve(invocationDir, file)).catch(() => null);
  if (!bytes) {
    console.error(`preflight: cannot read ${file}`);
    return 1;
  }

  const { previewPlanImport } = await import("@/lib/plans/import-plan");
  const { AppError } = await import("@/lib/errors");
  try {
    if (values["dry-run"]) {
      const result = await previewPlanImport(new Uint8Array(bytes));
      if (values.json) {
        console.log(JSON.stringify({ summary: result.summary, warnings: result.warnings, document: result.document }, null, 2));
      } else {
        console.log(`${result.document.title || "Untitled plan"}`);
        for (const [name, count] of Object.entries(result.summary)) console.log(`  ${name}: ${count}`);
        for (const warning of result.warnings) console.log(`  warning: ${warning}`);
      }
      return 0;
    }
    return await importIntoDatabase(new Uint8Array(bytes), { template: Boolean(values.template), as: values.as, json: Boolean(values.json) });
  } catch (error) {
    if (error instanceof AppError) {
      console.error(`preflight: ${error.message}`);
      return 1;
    }
    throw error;
  } finally {
    const { closeParsePool } = await import("@/lib/import/parse-pool");
    await closeParsePool();
  }
}

async function importIntoDatabase(markdown: Uint8Array, options: { template: boolean; as?: string; json: boolean }): Promise<number> {
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
      return 1;
    }
    const { importPlan } = await import("@/lib/plans/import-plan");
    const created = await importPlan({ markdown, createdById: owner.id, as: options.template ? "template" : "plan" });
    await disconnectDatabase();
    if (options.json) console.log(JSON.stringify(created, null, 2));
    else console.log(`created ${created.kind} "${created.title}" (${created.id}) for ${owner.email}`);
    return 0;
  } finally {
    await database.stop();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`preflight: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
