/**
 * Runs a command against a fresh, migrated throwaway database and drops it afterwards:
 *   tsx scripts/with-test-database.ts -- vitest run --project integration
 * The command gets DATABASE_URL (the database) and TEST_DATABASE_SERVER_URL (its server,
 * for tests that need further databases of their own).
 */
import { spawn } from "node:child_process";
import { createTestDatabase, startTestDatabaseServer } from "@/lib/testing/test-database";

export async function runWithTestDatabase(command: string[], extraEnv: Record<string, string> = {}): Promise<number> {
  const log = (line: string) => console.log(`[test-db] ${line}`);
  const server = await startTestDatabaseServer(process.env.DATABASE_URL, log);
  const database = await createTestDatabase(server.serverUrl, { migrate: true });
  log(`using database ${database.name}`);
  try {
    return await new Promise<number>((resolve, reject) => {
      const [program, ...args] = command;
      const child = spawn(program!, args, {
        stdio: "inherit",
        env: { ...process.env, ...extraEnv, DATABASE_URL: database.url, TEST_DATABASE_SERVER_URL: server.serverUrl },
      });
      child.on("error", reject);
      child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
    });
  } finally {
    await database.drop().catch((error: unknown) => log(`could not drop ${database.name}: ${String(error)}`));
    await server.stop();
  }
}

// Run as a script (not when imported by run-e2e.ts).
if (import.meta.url === `file://${process.argv[1]}`) {
  const separator = process.argv.indexOf("--");
  const command = separator >= 0 ? process.argv.slice(separator + 1) : [];
  if (!command.length) {
    console.error("usage: tsx scripts/with-test-database.ts -- <command> [args…]");
    process.exit(2);
  }
  runWithTestDatabase(command).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
