/**
 * `npm run db:seed`: loads the demo data (accounts listed in the README) into DATABASE_URL or
 * the embedded database. This is the explicit way to ask for demo data in production.
 */
import { resolveDatabase } from "@/lib/boot/resolve-database";
import { applyMigrations } from "@/lib/db/migrate";
import { parseSettings } from "@/lib/env";

const log = (line: string) => console.log(`[db:seed] ${line}`);

async function main() {
  const initial = parseSettings(process.env);
  const database = await resolveDatabase({ databaseUrl: initial.DATABASE_URL, embeddedPort: initial.EMBEDDED_DATABASE_PORT, log });
  process.env.DATABASE_URL = database.url;
  try {
    await applyMigrations(database.url, { log });
    const { seedDemoData } = await import("@/lib/demo/seed-demo-data");
    const { disconnectDatabase } = await import("@/lib/db");
    const { createdAccounts, createdPlan, pastPlans } = await seedDemoData();
    log(`created ${createdAccounts} demo account(s)${createdPlan ? `, a demo plan and ${pastPlans} past deployments` : ""}; password: preflight-demo`);
    await disconnectDatabase();
  } finally {
    await database.stop();
  }
}

main().catch((error: unknown) => {
  console.error(`[db:seed] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
