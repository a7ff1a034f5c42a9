import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { TEST_AUTH_SECRET } from "@/lib/testing/live-harness";
import { freePort } from "@/lib/testing/free-port";

/**
 * The real Preflight server (server.ts: Next's production build, its route handlers and
 * socket.io) on a free port against a test database, for integration tests that must go
 * through the same HTTP and socket edges as a browser. Needs `npm run build` first.
 */
export interface AppProcess {
  url: string;
  stop(): Promise<void>;
}

/**
 * For tests that send changes from one account as fast as they can on purpose (fault tests,
 * catch-up, a tick racing an import): the per-person rate limit is not what they test, and
 * lib/http/change-limits.integration.test.ts tests it with a low limit.
 */
export const UNLIMITED_CHANGES = { CHANGE_RATE_LIMIT: "1000000000" } as const;

export interface AppProcessOptions {
  /** "development" runs `npm run dev`'s mode: Next compiles pages on demand, no build needed. */
  mode?: "production" | "development";
  /** Reuse a port, e.g. to restart "the same" server. */
  port?: number;
  /** Extra environment; a value of undefined removes the variable (e.g. DATABASE_URL, for the embedded database). */
  env?: Record<string, string | undefined>;
  /**
   * Start the server in a process group of its own, as a terminal runs `npm run dev`, so that
   * `signalGroup` reaches tsx, node and any embedded PostgreSQL at once, like Ctrl-C does.
   */
  processGroup?: boolean;
  /** How long to wait for /api/health to answer 200; development mode compiles first. */
  readyTimeoutMs?: number;
}

/** A started server whose output is kept and whose life the test controls. */
export interface ControlledAppProcess extends AppProcess {
  port: number;
  /** Everything the server wrote to stdout and stderr so far. */
  output(): string;
  /** Whether the server process is still alive. */
  running(): boolean;
  /** Resolves when the server has exited. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Sends a signal to the server's whole process group (needs `processGroup`), as Ctrl-C or `kill -9 -PGID` would. */
  signalGroup(signal: NodeJS.Signals): void;
}

export async function startAppProcess(databaseUrl: string | null, options: AppProcessOptions = {}): Promise<ControlledAppProcess> {
  const mode = options.mode ?? "production";
  if (mode === "production" && !existsSync(".next/BUILD_ID")) throw new Error("These tests run against the production build: run `npm run build` first (npm test does).");
  const port = options.port ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  const env: Record<string, string | undefined> = {
    ...process.env,
    NODE_ENV: mode,
    PORT: String(port),
    HOST: "127.0.0.1",
    DATABASE_URL: databaseUrl ?? undefined,
    AUTH_SECRET: TEST_AUTH_SECRET,
    AUTH_URL: url,
    DEMO_DATA: "false",
    LOG_LEVEL: "warn",
    ...options.env,
  };
  for (const [key, value] of Object.entries(env)) if (value === undefined) delete env[key];
  // As `npm start` / `npm run dev` run it: one node process with tsx as its loader. (The tsx CLI
  // would add a parent that SIGKILLs the server when it is slow to confirm a Ctrl-C.)
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "server.ts"], {
    env: env as NodeJS.ProcessEnv,
    stdio: ["ignore", "pipe", "pipe"],
    detached: options.processGroup ?? false,
  });
  let output = "";
  const keep = (chunk: Buffer) => {
    output += chunk.toString();
  };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  // Without a process group the server's errors go where they always went: the test's stderr.
  if (!options.processGroup) child.stderr!.on("data", (chunk: Buffer) => process.stderr.write(chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));

  const readyTimeoutMs = options.readyTimeoutMs ?? 120_000;
  const deadline = Date.now() + readyTimeoutMs;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`server.ts exited with ${child.exitCode ?? child.signalCode}:\n${output.slice(-4_000)}`);
    if (await fetch(`${url}/api/health`).then((response) => response.ok, () => false)) break;
    if (Date.now() > deadline) {
      if (options.processGroup) process.kill(-child.pid!, "SIGKILL");
      else child.kill("SIGKILL");
      throw new Error(`server.ts did not become healthy within ${readyTimeoutMs / 1000} s:\n${output.slice(-4_000)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    url,
    port,
    output: () => output,
    running: () => child.exitCode === null && child.signalCode === null,
    exited,
    signalGroup: (signal) => {
      if (!options.processGroup) throw new Error("signalGroup needs a server started with processGroup: true");
      process.kill(-child.pid!, signal);
    },
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGTERM");
      await exited;
    },
  };
}
