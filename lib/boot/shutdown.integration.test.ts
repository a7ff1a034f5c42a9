import { chmod, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { freePort } from "@/lib/testing/free-port";
import { startAppProcess, type ControlledAppProcess } from "@/lib/testing/app-process";
import { integrationDatabase } from "@/lib/testing/integration-env";

/**
 * Ctrl-C on `npm start` and on `npm run dev` stops the server cleanly: exit code 0, and not one
 * stack trace. The server runs in a process group of its own and the test signals the whole
 * group, as a terminal does; with the embedded database that includes PostgreSQL itself.
 */

const started: ControlledAppProcess[] = [];
const directories: string[] = [];

afterAll(async () => {
  for (const app of started) await app.stop().catch(() => {});
  for (const directory of directories) await rm(directory, { recursive: true, force: true });
});

function expectCleanExit(output: string, exit: { code: number | null; signal: NodeJS.Signals | null }) {
  expect(output).not.toMatch(/uncaughtException|unhandledRejection|\n\s+at .+[:(]\d+/);
  expect(output).not.toContain("terminating connection due to administrator command");
  expect(output).toContain("shutting down");
  expect(exit).toEqual({ code: 0, signal: null });
}

describe("Ctrl-C", () => {
  it("stops `npm start` (production, external database) with exit code 0 and no stack trace", async () => {
    const app = await startAppProcess(integrationDatabase().url, { processGroup: true, env: { LOG_LEVEL: "info" } });
    started.push(app);
    // An open keep-alive connection and a live socket must not hold the shutdown up.
    await fetch(`${app.url}/api/health`, { keepalive: true });
    app.signalGroup("SIGINT");
    const exit = await app.exited;
    console.log(`[shutdown] npm start: exit ${JSON.stringify(exit)}; output:\n${app.output()}`);
    expectCleanExit(app.output(), exit);
  }, 120_000);

  it("stops `npm run dev` (development, embedded database) with exit code 0 and no stack trace, even on a second Ctrl-C", async () => {
    const dataDirectory = await mkdtemp(path.join(tmpdir(), "preflight-dev-"));
    // PostgreSQL runs as its own user when the tests run as root; it must reach its directory.
    await chmod(dataDirectory, 0o755);
    directories.push(dataDirectory);
    const app = await startAppProcess(null, {
      mode: "development",
      processGroup: true,
      // Development compiles /api/health on the first request; on a busy machine that takes a while.
      readyTimeoutMs: 400_000,
      env: { DATA_DIRECTORY: dataDirectory, EMBEDDED_DATABASE_PORT: String(await freePort()), AUTH_SECRET: undefined, AUTH_URL: undefined, LOG_LEVEL: "info" },
    });
    started.push(app);
    expect(app.output()).toContain("embedded PostgreSQL");
    app.signalGroup("SIGINT");
    // A second Ctrl-C while the first is being handled, as impatient people do.
    await new Promise((resolve) => setTimeout(resolve, 50));
    if (app.output().includes("shutting down") && !app.output().includes("stopped")) app.signalGroup("SIGINT");
    const exit = await app.exited;
    console.log(`[shutdown] npm run dev: exit ${JSON.stringify(exit)}; output:\n${app.output()}`);
    expectCleanExit(app.output(), exit);
  }, 600_000);
});
