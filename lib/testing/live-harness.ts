import { spawn, type ChildProcess } from "node:child_process";
import { encode } from "next-auth/jwt";
import { io as connect, type Socket } from "socket.io-client";
import { db } from "@/lib/db";
import type { PlanEventWire } from "@/lib/plan-state/events";
import type { CatchUp, ChangeAnswer } from "@/lib/realtime/socket-contract";
import { freePort } from "@/lib/testing/free-port";

/** Helpers for live integration tests: real server processes, real socket.io clients. */
export const TEST_AUTH_SECRET = "integration-test-secret-0123456789abcdef";

export interface ServerProcess {
  url: string;
  stop(): Promise<void>;
}


/** `env`: more of the server's environment (PRESENCE_REFRESH_MS, see socket-test-server.ts). */
export async function startServerProcess(databaseUrl: string, env: Record<string, string> = {}): Promise<ServerProcess> {
  const port = await freePort();
  const child: ChildProcess = spawn("node_modules/.bin/tsx", ["lib/testing/socket-test-server.ts", String(port)], {
    env: { ...process.env, ...env, DATABASE_URL: databaseUrl, AUTH_SECRET: TEST_AUTH_SECRET, NODE_ENV: "test" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  await new Promise<void>((resolve, reject) => {
    // Generous: on a machine shared with builds, tsx alone can take most of a minute to load it.
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error("test server did not start within 90 s"));
    }, 90_000);
    child.stdout!.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes(`ready ${port}`)) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.on("exit", (code) => reject(new Error(`test server exited with ${code}`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

export async function sessionCookie(userId: string, name: string): Promise<string> {
  const token = await encode({ token: { sub: userId, name }, secret: TEST_AUTH_SECRET, salt: "authjs.session-token" });
  return `authjs.session-token=${token}`;
}

export interface LiveClient {
  socket: Socket;
  /** Broadcasts as the plan's room receives them: ticks as deltas (lib/plan-state/live-delta.ts). */
  events: PlanEventWire[];
  join(planId: string, lastSeq?: number): Promise<CatchUp>;
  change(planId: string, change: unknown): Promise<ChangeAnswer>;
  close(): void;
}

export async function connectClient(serverUrl: string, user: { id: string; name: string }): Promise<LiveClient> {
  const socket = connect(serverUrl, {
    path: "/socket.io",
    transports: ["websocket"],
    forceNew: true,
    reconnection: false,
    extraHeaders: { cookie: await sessionCookie(user.id, user.name) },
  });
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", () => resolve());
    socket.once("connect_error", (error) => reject(error));
  });
  const events: PlanEventWire[] = [];
  socket.on("plan:event", (message: PlanEventWire) => events.push(message));
  return {
    socket,
    events,
    join: (planId, lastSeq) => socket.emitWithAck("plan:join", { planId, lastSeq }),
    change: (planId, change) => socket.emitWithAck("plan:change", { planId, change }),
    close: () => socket.close(),
  };
}

export async function waitFor(condition: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error("timed out waiting for a condition");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Events stored for the plan, in order. */
export function storedSequence(planId: string): Promise<number[]> {
  return db()
    .planEvent.findMany({ where: { planId }, orderBy: { seq: "asc" }, select: { seq: true } })
    .then((rows) => rows.map((row) => row.seq));
}
