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


/** `env`: settings for this server on top of the test defaults (e.g. a low CHANGE_RATE_LIMIT). */
export async function startAppProcess(databaseUrl: string, env: Record<string, string> = {}): Promise<AppProcess> {
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
      ...env,
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server.ts exited with ${child.exitCode}`);
    if (await fetch(`${url}/api/health`).then((response) => response.ok, () => false)) break;
    if (Date.now() > deadline) throw new Error("server.ts did not become healthy within a minute");
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
