/**
 * What scripts/bench-live.ts and scripts/bench-public-client.ts start (app processes, watcher
 * processes, a throwaway database), stopped on every exit path: normal end, failure, SIGINT or
 * SIGTERM, and the --max-minutes hard stop; and the run's end, whose last line is the JSON object.
 */
import type { ChildProcess } from "node:child_process";
import type { TestDatabase, TestDatabaseServer } from "@/lib/testing/test-database";

/**
 * Preloaded into each app process: should the benchmark die without stopping it (SIGKILL), the app
 * process notices that it was re-parented and stops itself (SIGTERM: its normal shutdown).
 */
export const ORPHAN_GUARD = `data:text/javascript,${encodeURIComponent(
  "const parent = process.ppid; setInterval(() => { if (process.ppid !== parent) process.kill(process.pid, 'SIGTERM'); }, 1000).unref();",
)}`;

/**
 * An app process's environment: production-like settings on `port`, its own database and auth
 * secret, WEB_CONCURRENCY=`workers` ("default": unset, the server's default of one process), the
 * PostgreSQL socket.io adapter (no REDIS_URL, as in a default deployment) and no embedded database.
 */
export function appEnv(options: { databaseUrl: string; authSecret: string; port: number; workers: string; nodeEnv: "production" | "test" }): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: options.databaseUrl,
    AUTH_SECRET: options.authSecret,
    PORT: String(options.port),
    HOST: "127.0.0.1",
    NODE_ENV: options.nodeEnv,
    DEMO_DATA: "false",
    LOG_LEVEL: "warn",
    NEXT_TELEMETRY_DISABLED: "1",
    // One lead ticks tens to hundreds of times a second: far past a person's change rate limit, on purpose.
    CHANGE_RATE_LIMIT: "1000000000",
    CHANGE_RATE_WINDOW_SECONDS: "1",
  };
  if (options.workers === "default") delete env.WEB_CONCURRENCY;
  else env.WEB_CONCURRENCY = options.workers;
  delete env.REDIS_URL;
  delete env.EMBEDDED_DATABASE_PORT;
  return env;
}

/** Sends `signal` (SIGTERM) and resolves when the child has exited; SIGKILL after `graceMs`. */
export function stopChild(child: ChildProcess, graceMs = 15_000, signal: NodeJS.Signals = "SIGTERM"): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill(signal);
  });
}

export interface BenchProcesses {
  /** Stops `child` with everything else on exit. */
  track(child: ChildProcess): void;
  cleanup(): Promise<void>;
  /** Runs `main`, cleans up, prints what it returned as the last line (JSON) and exits (1 if it threw). */
  finish(main: () => Promise<unknown>): Promise<never>;
}

/**
 * Installs the exit paths for a benchmark named `name` ("bench:live": its lines start "[bench:live]");
 * `resources` gives the database to drop and the database server to stop, once there are any.
 */
export function benchProcesses(
  name: string,
  maxMinutes: number,
  resources: () => { database?: TestDatabase; databaseServer?: TestDatabaseServer },
): BenchProcesses {
  const log = (line: string) => console.log(`[${name}] ${line}`);
  const children = new Set<ChildProcess>();
  let cleaningUp: Promise<void> | undefined;

  const cleanup = (): Promise<void> => {
    cleaningUp ??= (async () => {
      await Promise.all([...children].map((child) => stopChild(child, 10_000)));
      const { disconnectDatabase } = await import("@/lib/db");
      await disconnectDatabase().catch(() => {});
      const { database, databaseServer } = resources();
      if (database) await database.drop().catch((error: unknown) => log(`could not drop ${database.name}: ${String(error)}`));
      await databaseServer?.stop().catch(() => {});
    })();
    return cleaningUp;
  };

  process.on("exit", () => {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  });
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      log(`${signal}: stopping`);
      void cleanup().finally(() => process.exit(130));
    });
  }
  setTimeout(() => {
    log(`still running after ${maxMinutes} min (--max-minutes): stopping`);
    void cleanup().finally(() => process.exit(1));
  }, maxMinutes * 60_000).unref();

  return {
    track: (child) => {
      children.add(child);
      child.once("exit", () => children.delete(child));
    },
    cleanup,
    finish: async (main) => {
      let exitCode = 0;
      let output: unknown;
      try {
        output = await main();
      } catch (error) {
        console.error(`[${name}] failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        exitCode = 1;
      } finally {
        await cleanup();
      }
      if (output) console.log(JSON.stringify(output));
      process.exit(exitCode);
    },
  };
}
