import { spawn } from "node:child_process";
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


export interface AppProcessOptions {
  /** Further settings for this server (e.g. TRUSTED_PROXIES, OIDC_*), over the defaults below. */
  env?: Record<string, string>;
  /** How long to wait for /api/health; a busy machine may need more than the default minute. */
  startupTimeoutMs?: number;
}

export async function startAppProcess(databaseUrl: string, options: AppProcessOptions = {}): Promise<AppProcess> {
  if (!existsSync(".next/BUILD_ID")) throw new Error("These tests run against the production build: run `npm run build` first (npm test does).");
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn("node_modules/.bin/tsx", ["server.ts"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      HOST: "127.0.0.1",
      DATABASE_URL: databaseUrl,
      AUTH_SECRET: TEST_AUTH_SECRET,
      AUTH_URL: url,
      DEMO_DATA: "false",
      LOG_LEVEL: "warn",
      ...options.env,
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const timeoutMs = options.startupTimeoutMs ?? 60_000;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server.ts exited with ${child.exitCode}`);
    if (await fetch(`${url}/api/health`).then((response) => response.ok, () => false)) break;
    if (Date.now() > deadline) {
      // Not left behind: nothing else would stop it once the test gives up on it.
      child.kill("SIGKILL");
      throw new Error(`server.ts did not become healthy within ${Math.round(timeoutMs / 1000)} s`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}
