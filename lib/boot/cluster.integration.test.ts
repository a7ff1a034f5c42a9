import { createServer as createHttpServer, request as httpRequest } from "node:http";
import { io as connect, type Socket } from "socket.io-client";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { parsePlanMarkdown } from "@/lib/import/parse-plan-markdown";
import { applyPlanChange } from "@/lib/plan-state/apply-plan-change";
import type { PlanEventMessage } from "@/lib/plan-state/events";
import { createPlanFromDocument } from "@/lib/plans/create-plan";
import { mergedPresence, withPresenceMessage, type PresenceBySource } from "@/lib/realtime/presence";
import type { CatchUp, ChangeAnswer, PresenceMessage } from "@/lib/realtime/socket-contract";
import { startAppProcess, type ControlledAppProcess } from "@/lib/testing/app-process";
import { integrationDatabase } from "@/lib/testing/integration-env";
import { sessionCookie, waitFor } from "@/lib/testing/live-harness";
import { resetDatabase } from "@/lib/testing/reset-database";

/**
 * `npm start` with WEB_CONCURRENCY=2: one port, a primary and two app workers (server.ts,
 * lib/boot/cluster-primary.ts). Clients are placed on a chosen worker by connecting until the
 * round-robin puts them there (the worker is in the session id, lib/realtime/worker-sessions.ts).
 * What must hold across the workers: ticks and presence, a removed member, a revoked share
 * link, polling requests that land on the other worker, and a worker killed during a run.
 */

const STEPS = 24;
const MARKDOWN = `# Cluster plan\n\n## Steps\n${Array.from({ length: STEPS }, (_, index) => `- [ ] Step ${index + 1}`).join("\n")}\n`;

type Person = { id: string; name: string };
let app: ControlledAppProcess;
let lead: Person, viewer: Person, executor: Person;
let planId: string;
let itemIds: string[];
const sockets: Socket[] = [];

const workerOf = (socket: Socket): number => Number(/^w(\d+)_/.exec(socket.io.engine.id ?? "")?.[1] ?? Number.NaN);

/** A WebSocket client on the given worker (or on any worker but `not`). */
async function clientOn(where: { worker?: number; not?: number }, options: { cookie?: string; shareToken?: string; reconnection?: boolean }): Promise<Socket> {
  for (let attempt = 0; attempt < 12; attempt++) {
    const socket = connect(app.url, {
      path: "/socket.io",
      transports: ["websocket"],
      forceNew: true,
      reconnection: options.reconnection ?? false,
      reconnectionDelay: 100,
      reconnectionDelayMax: 500,
      ...(options.cookie ? { extraHeaders: { cookie: options.cookie } } : {}),
      ...(options.shareToken ? { auth: { shareToken: options.shareToken } } : {}),
    });
    await new Promise<void>((resolve, reject) => {
      socket.once("connect", () => resolve());
      socket.once("connect_error", reject);
    });
    const worker = workerOf(socket);
    if ((where.worker === undefined || worker === where.worker) && worker !== where.not) {
      sockets.push(socket);
      return socket;
    }
    socket.close();
  }
  throw new Error(`no connection reached worker ${JSON.stringify(where)} in 12 tries`);
}

/** The ids of two different live workers, found by connecting. */
async function twoWorkers(): Promise<[number, number]> {
  const seen = new Set<number>();
  const cookie = await sessionCookie(lead.id, lead.name);
  await waitFor(async () => {
    const probe = connect(app.url, { path: "/socket.io", transports: ["websocket"], forceNew: true, reconnection: false, extraHeaders: { cookie } });
    await new Promise<void>((resolve) => probe.once("connect", () => resolve()).once("connect_error", () => resolve()));
    if (probe.connected) seen.add(workerOf(probe));
    probe.close();
    return seen.size >= 2;
  }, 60_000);
  const [first, second] = [...seen];
  return [first!, second!];
}

const postChange = async (who: Person, change: unknown): Promise<Response> =>
  fetch(`${app.url}/api/plans/${planId}/changes`, { method: "POST", headers: { "content-type": "application/json", origin: app.url, cookie: await sessionCookie(who.id, who.name) }, body: JSON.stringify(change) });

const tick = (itemId: string) => ({ type: "item.status", itemId, status: "DONE", expectedVersion: 0 });

/** Every sequence number a watcher has, live or fetched on a (re)join, in arrival order. */
function collectSeqs(socket: Socket): number[] {
  const seqs: number[] = [];
  socket.on("plan:event", (message: PlanEventMessage) => seqs.push(message.seq));
  return seqs;
}

/** The highest n such that 1…n have all arrived: what the watcher holds without a gap. */
const contiguousHead = (seqs: number[]) => {
  const have = new Set(seqs);
  let head = 0;
  while (have.has(head + 1)) head += 1;
  return head;
};

/**
 * Joins the plan, as the page does: again after every reconnection, and, when the room's
 * heartbeat (plan:head) names a number the watcher lacks, fetches the gap. A worker killed
 * between a commit and its relay to the other worker leaves such a gap; the heartbeat is
 * how the page learns of it.
 */
async function joinAndResync(socket: Socket, seqs: number[]): Promise<void> {
  const fetchGap = async () => {
    const missed: CatchUp = await socket.emitWithAck("plan:sync", { planId, afterSeq: contiguousHead(seqs) });
    if (missed.ok && "events" in missed) seqs.push(...missed.events.map((message) => message.seq));
  };
  const rejoin = async () => {
    const answer: CatchUp = await socket.emitWithAck("plan:join", { planId });
    if (!answer.ok) throw new Error(`plan:join refused: ${JSON.stringify(answer)}`);
    await fetchGap();
  };
  socket.io.on("reconnect", () => void rejoin().catch((error: unknown) => console.error("[cluster test] rejoin failed", error)));
  socket.on("plan:head", (head: { planId: string; seq: number }) => {
    if (head.planId === planId && head.seq > contiguousHead(seqs)) void fetchGap().catch((error: unknown) => console.error("[cluster test] sync failed", error));
  });
  await rejoin();
}

const distinctSorted = (seqs: number[]) => [...new Set(seqs)].sort((a, b) => a - b);

beforeAll(async () => {
  app = await startAppProcess(integrationDatabase().url, { env: { WEB_CONCURRENCY: "2", PLAN_HEARTBEAT_SECONDS: "1" }, readyTimeoutMs: 180_000 });
}, 200_000);

afterAll(async () => {
  sockets.forEach((socket) => socket.close());
  await app?.stop();
});

beforeEach(async () => {
  sockets.splice(0).forEach((socket) => socket.close());
  await resetDatabase();
  const person = (name: string, email: string) => db().user.create({ data: { name, email, passwordHash: "not-used" }, select: { id: true, name: true } });
  [lead, viewer, executor] = await Promise.all([person("Lee Lead", "lead@example.com"), person("Vic Viewer", "viewer@example.com"), person("Eve Executor", "executor@example.com")]);
  planId = (await createPlanFromDocument({ document: parsePlanMarkdown(MARKDOWN).document, createdById: lead.id })).id;
  await db().planMember.createMany({
    data: [
      { planId, userId: viewer.id, role: "VIEWER" },
      { planId, userId: executor.id, role: "EXECUTOR" },
    ],
  });
  itemIds = (await db().planItem.findMany({ where: { planId }, orderBy: { position: "asc" }, select: { id: true } })).map((item) => item.id);
}, 60_000);

describe("two app workers behind one port", () => {
  it("carry an HTTP tick and presence from one worker's clients to the other's", async () => {
    const [first, second] = await twoWorkers();
    const leadSocket = await clientOn({ worker: first }, { cookie: await sessionCookie(lead.id, lead.name) });
    const viewerSocket = await clientOn({ worker: second }, { cookie: await sessionCookie(viewer.id, viewer.name) });
    let presence: PresenceBySource = {};
    viewerSocket.on("plan:presence", (message: PresenceMessage) => {
      const next = withPresenceMessage(presence, message, Date.now());
      presence = next.state;
      if (next.resync) viewerSocket.emit("plan:presence-resync", { planId });
    });
    const viewerSeqs = collectSeqs(viewerSocket);
    await joinAndResync(leadSocket, []);
    await joinAndResync(viewerSocket, viewerSeqs);

    // The lead, on the other worker, is present for the viewer.
    await waitFor(() => mergedPresence(presence, Date.now()).some((entry) => entry.name === lead.name), 10_000);
    const answer = await postChange(lead, tick(itemIds[0]!));
    expect(answer.status).toBe(201);
    const { event } = (await answer.json()) as { event: PlanEventMessage };
    await waitFor(() => viewerSeqs.includes(event.seq), 10_000);

    // The lead leaves: the viewer's list drops them.
    leadSocket.close();
    await waitFor(() => !mergedPresence(presence, Date.now()).some((entry) => entry.name === lead.name), 10_000);
  });

  it("evicts a removed member and a revoked share link's visitors on the other worker", async () => {
    const [first, second] = await twoWorkers();
    const { shareToken } = await applyPlanChange({ id: lead.id, name: lead.name, isAdmin: false }, planId, { type: "share.create" });
    const link = await db().shareLink.findFirstOrThrow({ where: { planId }, select: { id: true } });
    const leadSocket = await clientOn({ worker: first }, { cookie: await sessionCookie(lead.id, lead.name) });
    const executorSocket = await clientOn({ worker: second }, { cookie: await sessionCookie(executor.id, executor.name) });
    const visitor = await clientOn({ worker: second }, { shareToken: shareToken! });
    const accessLost: unknown[] = [];
    executorSocket.on("plan:access-lost", (notice: unknown) => accessLost.push(notice));
    const visitorDisconnects: string[] = [];
    visitor.on("disconnect", (reason) => visitorDisconnects.push(reason));
    await joinAndResync(leadSocket, []);
    await joinAndResync(executorSocket, []);
    expect(((await visitor.emitWithAck("plan:join", { planId })) as CatchUp).ok).toBe(true);

    const removal: ChangeAnswer = await leadSocket.emitWithAck("plan:change", { planId, change: { type: "member.remove", userId: executor.id } });
    expect(removal.ok).toBe(true);
    await waitFor(() => accessLost.length === 1, 10_000);
    // Their next change over the open socket, on the other worker, is refused.
    const refused: ChangeAnswer = await executorSocket.emitWithAck("plan:change", { planId, change: tick(itemIds[1]!) });
    expect(refused).toMatchObject({ ok: false, status: 404 });

    const revoke: ChangeAnswer = await leadSocket.emitWithAck("plan:change", { planId, change: { type: "share.revoke", linkId: link.id } });
    expect(revoke.ok).toBe(true);
    await waitFor(() => visitorDisconnects.length === 1, 10_000);
    expect(visitorDisconnects).toEqual(["io server disconnect"]);
    // And the link opens no new connection, on either worker.
    for (let attempt = 0; attempt < 2; attempt++) {
      const again = connect(app.url, { path: "/socket.io", transports: ["websocket"], forceNew: true, reconnection: false, auth: { shareToken } });
      sockets.push(again);
      await expect(new Promise((resolve, reject) => again.once("connect", () => resolve("connected")).once("connect_error", reject))).rejects.toThrow();
    }
  });

  it("serves long-polling requests that land on the other worker, and refuses a session whose worker is gone", async () => {
    const cookie = await sessionCookie(viewer.id, viewer.name);
    // Each request on a new connection, so the round-robin sends them to both workers.
    const open = await pollingRequest("GET", "/socket.io/?EIO=4&transport=polling", cookie);
    expect(open.status).toBe(200);
    const sid = (JSON.parse(open.body.slice(1)) as { sid: string }).sid;
    expect(sid).toMatch(/^w\d+_/);
    const at = (query: string) => `/socket.io/?EIO=4&transport=polling&sid=${encodeURIComponent(sid)}${query}`;
    let received = "";
    const readUntil = (text: string) =>
      waitFor(async () => {
        received += (await pollingRequest("GET", at(""), cookie)).body;
        return received.includes(text);
      }, 20_000);
    // socket.io's CONNECT and its answer; a plan:join with an acknowledgement and the answer.
    expect((await pollingRequest("POST", at(""), cookie, "40")).body).toBe("ok");
    await readUntil('40{"sid":');
    expect((await pollingRequest("POST", at(""), cookie, `420["plan:join",{"planId":"${planId}"}]`)).body).toBe("ok");
    await readUntil('430[{"ok":true');
    // A tick reaches the polling client whichever worker its next request lands on.
    expect((await postChange(lead, tick(itemIds[2]!))).status).toBe(201);
    await readUntil('"plan:event"');
    expect(received).toContain(itemIds[2]);

    const unknown = await pollingRequest("GET", "/socket.io/?EIO=4&transport=polling&sid=w999_gone", cookie);
    expect(unknown.status).toBe(400);
    expect(JSON.parse(unknown.body)).toEqual({ code: 1, message: "Session ID unknown" });
  });

  it("loses nothing when a worker is killed during a run: its clients reconnect and catch up", async () => {
    const [first, second] = await twoWorkers();
    const pids = workerPids();
    expect(pids.has(first) && pids.has(second)).toBe(true);
    // One after the other: connecting in parallel, the round-robin can keep handing a worker's
    // turn to another watcher's attempt.
    const watchers: { socket: Socket; seqs: number[] }[] = [];
    for (const worker of [first, first, second, second]) {
      const socket = await clientOn({ worker }, { cookie: await sessionCookie(viewer.id, viewer.name), reconnection: true });
      const seqs = collectSeqs(socket);
      await joinAndResync(socket, seqs);
      watchers.push({ socket, seqs });
    }
    const done: number[] = [];
    const tickWithRetry = async (index: number) => {
      for (let attempt = 0; attempt < 20; attempt++) {
        const answer = await postChange(lead, tick(itemIds[index]!)).catch(() => null);
        // 409: an earlier try was written after all (its answer was lost with the worker).
        if (answer && (answer.status === 201 || answer.status === 409)) return void done.push(index);
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      throw new Error(`tick ${index} failed 20 times`);
    };
    for (let index = 0; index < 8; index++) await tickWithRetry(index);
    process.kill(pids.get(first)!, "SIGKILL");
    for (let index = 8; index < STEPS; index++) await tickWithRetry(index);

    const written = (await db().planEvent.findMany({ where: { planId }, select: { seq: true }, orderBy: { seq: "asc" } })).map((row) => row.seq);
    expect(written.length).toBeGreaterThanOrEqual(STEPS);
    // Within a few heartbeats (PLAN_HEARTBEAT_SECONDS, 1 s here) of the last tick, on a busy machine too.
    for (const watcher of watchers) await waitFor(() => watcher.socket.connected && distinctSorted(watcher.seqs).join() === written.join(), 60_000);
    // The primary started a new worker in place of the killed one (which starts Next: slow under load).
    await waitFor(() => workerPids().size === 2 && !workerPids().has(first), 120_000);
  }, 240_000);
});

describe("a cluster that cannot start", () => {
  it("stops with the worker's reason instead of starting workers again and again", async () => {
    // Something else on the port, answering the health check with 503, so only the app's exit ends the wait.
    const squatter = createHttpServer((_request, response) => response.writeHead(503).end());
    await new Promise<void>((resolve) => squatter.listen(0, "127.0.0.1", resolve));
    const port = (squatter.address() as { port: number }).port;
    try {
      const failed = await startAppProcess(integrationDatabase().url, { port, env: { WEB_CONCURRENCY: "2" }, readyTimeoutMs: 120_000 }).then(
        () => null,
        (error: Error) => error.message,
      );
      expect(failed).toContain("exited with 1");
      expect(failed).toContain("EADDRINUSE");
      expect(failed).toMatch(/cannot start: app worker \d+ ended while starting \(exit code 1\)/);
      expect(failed).not.toContain("starting another");
    } finally {
      squatter.close();
    }
  }, 150_000);
});

/** worker id → pid, from the workers' "ready" lines (the killed one's line stays, so only live pids count). */
function workerPids(): Map<number, number> {
  const pids = new Map<number, number>();
  for (const match of app.output().matchAll(/worker (\d+) ready \(pid (\d+)\)/g)) {
    const pid = Number(match[2]);
    if (isAlive(pid)) pids.set(Number(match[1]), pid);
  }
  return pids;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** One engine.io polling request on a connection of its own (no keep-alive). */
function pollingRequest(method: "GET" | "POST", path: string, cookie: string, body?: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(new URL(path, app.url), { method, agent: false, headers: { cookie, connection: "close", ...(body ? { "content-type": "text/plain;charset=UTF-8" } : {}) } }, (response) => {
      let text = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (text += chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, body: text }));
    });
    request.on("error", reject);
    request.end(body);
  });
}
