import { spawn, type ChildProcess } from "node:child_process";

/**
 * An extra Preflight server process for tests that restart the server: the same production
 * build and database as Playwright's web server, on a port of its own.
 */
export interface AppServer {
  baseURL: string;
  stop(): Promise<void>;
}

export async function startAppServer(port: number): Promise<AppServer> {
  const child: ChildProcess = spawn("node_modules/.bin/tsx", ["server.ts"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      HOST: "127.0.0.1",
      AUTH_SECRET: "e2e-secret-that-is-only-used-by-the-test-run-0123456789",
      AUTH_URL: `http://localhost:${port}`,
      DEMO_DATA: "false",
      NEXT_TELEMETRY_DISABLED: "1",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  // Read the output (an unread pipe that fills up would block the server) and keep its tail
  // for the error message if the server does not come up.
  let output = "";
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000);
  };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  const baseURL = `http://localhost:${port}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server on port ${port} exited with ${child.exitCode}:\n${output}`);
    const healthy = await fetch(`${baseURL}/api/health`).then((response) => response.ok).catch(() => false);
    if (healthy) break;
    if (Date.now() > deadline) {
      child.kill("SIGTERM");
      throw new Error(`server on port ${port} did not become healthy:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    baseURL,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}
