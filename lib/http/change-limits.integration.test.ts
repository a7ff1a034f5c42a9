import { Agent, request as httpRequest } from "node:http";
import type { Socket as NetSocket } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { io as connect, type Socket } from "socket.io-client";
import { db } from "@/lib/db";
import { parsePlanMarkdown } from "@/lib/import/parse-plan-markdown";
import { createPlanFromDocument } from "@/lib/plans/create-plan";
import type { ChangeAnswer } from "@/lib/realtime/socket-contract";
import { startAppProcess, type AppProcess } from "@/lib/testing/app-process";
import { integrationDatabase } from "@/lib/testing/integration-env";
import { sessionCookie } from "@/lib/testing/live-harness";
import { resetDatabase } from "@/lib/testing/reset-database";

/**
 * The changes API's limits against the real server: a body over 64 KB is refused with 413
 * (declared or streamed), and a person over the change rate gets 429 with Retry-After over
 * HTTP and the same refusal as the socket's answer, counted by one limiter for both.
 */

const RATE_LIMIT = 6;
const WINDOW_SECONDS = 30;
const MARKDOWN = `# Limits plan\n\n## Steps\n${Array.from({ length: 40 }, (_, index) => `- [ ] Step ${index + 1}`).join("\n")}\n`;

type Person = { id: string; name: string };
let app: AppProcess;
let planId: string;
let itemIds: string[];
const sockets: Socket[] = [];

beforeAll(async () => {
  app = await startAppProcess(integrationDatabase().url, { env: { CHANGE_RATE_LIMIT: String(RATE_LIMIT), CHANGE_RATE_WINDOW_SECONDS: String(WINDOW_SECONDS) } });
}, 90_000);

afterAll(async () => {
  sockets.forEach((socket) => socket.close());
  await app?.stop();
});

async function freshPlan(): Promise<{ lead: Person; executor: Person }> {
  await resetDatabase();
  const [lead, executor] = await Promise.all(
    ["Lee Lead", "Eve Executor"].map((name, index) => db().user.create({ data: { name, email: `user${index}@example.com`, passwordHash: "not-used" }, select: { id: true, name: true } })),
  );
  planId = (await createPlanFromDocument({ document: parsePlanMarkdown(MARKDOWN).document, createdById: lead!.id })).id;
  await db().planMember.create({ data: { planId, userId: executor!.id, role: "EXECUTOR" } });
  itemIds = (await db().planItem.findMany({ where: { planId }, orderBy: { position: "asc" }, select: { id: true } })).map((item) => item.id);
  return { lead: lead!, executor: executor! };
}

async function post(who: Person, body: string): Promise<Response> {
  return fetch(`${app.url}/api/plans/${planId}/changes`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: app.url, cookie: await sessionCookie(who.id, who.name) },
    body,
  });
}

const comment = (itemId: string, text: string) => JSON.stringify({ type: "item.comment", itemId, body: text });
const tick = (itemId: string) => ({ type: "item.status", itemId, status: "DONE", expectedVersion: 0 });

type StreamedAnswer = { status: number | null; body: string; bytesSent: number; bytesSentWhenAnswered: number | null };

/**
 * A chunked POST with no Content-Length, written 16 KB at a time as a real client writes (it
 * yields to its event loop between chunks, so it sees an answer while still sending), until
 * `maxBytes` are out or the answer has arrived. Says what the server answered and how much had
 * been sent by then.
 */
async function postStreamed(who: Person, maxBytes: number): Promise<StreamedAnswer> {
  const cookie = await sessionCookie(who.id, who.name);
  const url = new URL(`/api/plans/${planId}/changes`, app.url);
  return new Promise((resolve, reject) => {
    const answer: StreamedAnswer = { status: null, body: "", bytesSent: 0, bytesSentWhenAnswered: null };
    let finished = false;
    const finish = () => {
      if (finished) return;
      finished = true;
      request.destroy();
      resolve(answer);
    };
    const request = httpRequest(url, { method: "POST", headers: { "content-type": "application/json", origin: app.url, cookie, "transfer-encoding": "chunked" } });
    request.on("response", (response) => {
      answer.status = response.statusCode ?? 0;
      answer.bytesSentWhenAnswered = answer.bytesSent;
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (answer.body += chunk));
      response.on("end", finish);
    });
    // After the answer the server may close the connection under the rest of the body.
    request.on("error", (error) => (answer.status === null ? reject(error) : finish()));
    const chunk = "a".repeat(16 * 1024);
    const writeNext = () => {
      if (finished) return;
      if (answer.bytesSent >= maxBytes) return void request.end(() => setTimeout(finish, 1_000));
      answer.bytesSent += chunk.length;
      if (request.write(chunk)) setImmediate(writeNext);
      else request.once("drain", writeNext);
    };
    request.write(`{"type":"item.comment","itemId":"${itemIds[0]}","body":"`);
    writeNext();
  });
}

describe("the changes API's body limit", () => {
  it("refuses a declared body over 64 KB with 413 and a message, and accepts one just under", async () => {
    const { executor } = await freshPlan();
    const tooLarge = await post(executor, comment(itemIds[0]!, "x".repeat(65 * 1024)));
    expect(tooLarge.status).toBe(413);
    expect(((await tooLarge.json()) as { error: { code: string; message: string } }).error).toMatchObject({ code: "too_large", message: expect.stringContaining("64 KB") });
    expect(await db().planComment.count({ where: { planId } })).toBe(0);

    // Under the limit, the body is read and parsed; the comment's own limit (4 000 characters) then refuses it.
    const underLimit = await post(executor, comment(itemIds[0]!, "x".repeat(60 * 1024)));
    expect(underLimit.status).toBe(400);
    expect(((await underLimit.json()) as { error: { code: string } }).error.code).toBe("bad_request");
  });

  it("stops reading a streamed body without Content-Length once it passes 64 KB", async () => {
    const { executor } = await freshPlan();
    // More than the kernel's socket buffers on both sides can hold (tcp_rmem can grow to 32 MB),
    // so a server that waited for the end of the body could only answer after all of it was sent.
    const offered = 128 * 1024 * 1024;
    const answer = await postStreamed(executor, offered);
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body)).toMatchObject({ error: { code: "too_large" } });
    // Answered while the client was still sending: the server did not wait for the end of the body.
    expect(answer.bytesSentWhenAnswered).toBeLessThan(offered);
    console.log(`streamed body: refused with 413 after ${Math.round((answer.bytesSentWhenAnswered ?? 0) / 1024)} KB sent (of ${offered / 1024 / 1024} MB offered; most of it taken by socket buffers before the server read)`);
    expect(await db().planComment.count({ where: { planId } })).toBe(0);
  });
});

describe("the socket's message limit", () => {
  it("closes a connection that sends a message over 64 KB plus envelope, and keeps one under it", async () => {
    const { executor } = await freshPlan();
    const open = async () => {
      const socket = connect(app.url, { path: "/socket.io", transports: ["websocket"], forceNew: true, reconnection: false, extraHeaders: { cookie: await sessionCookie(executor.id, executor.name) } });
      sockets.push(socket);
      await new Promise<void>((resolve, reject) => {
        socket.once("connect", () => resolve());
        socket.once("connect_error", reject);
      });
      return socket;
    };
    const small = await open();
    const answer = (await small.emitWithAck("plan:change", { planId, change: { type: "item.comment", itemId: itemIds[0], body: "x".repeat(60 * 1024) } })) as ChangeAnswer;
    expect(answer).toMatchObject({ ok: false, status: 400 });

    const large = await open();
    const closed = new Promise<string>((resolve) => large.once("disconnect", resolve));
    large.emit("plan:change", { planId, change: { type: "item.comment", itemId: itemIds[0], body: "x".repeat(200 * 1024) } });
    expect(await closed).toBe("transport close");
    expect(await db().planComment.count({ where: { planId } })).toBe(0);
  });
});

describe("the change rate limit per person", () => {
  it("answers 429 with Retry-After over HTTP, and the socket's answer says the same, from one count", async () => {
    const { lead, executor } = await freshPlan();
    // Half the allowance over HTTP, the rest over the socket: one limiter counts both.
    for (let index = 0; index < RATE_LIMIT / 2; index++) expect((await post(executor, JSON.stringify(tick(itemIds[index]!)))).status).toBe(201);

    const socket = connect(app.url, { path: "/socket.io", transports: ["websocket"], forceNew: true, reconnection: false, extraHeaders: { cookie: await sessionCookie(executor.id, executor.name) } });
    sockets.push(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once("connect", () => resolve());
      socket.once("connect_error", reject);
    });
    for (let index = RATE_LIMIT / 2; index < RATE_LIMIT; index++) {
      const answer = (await socket.emitWithAck("plan:change", { planId, change: tick(itemIds[index]!) })) as ChangeAnswer;
      expect(answer.ok).toBe(true);
    }

    const refusedOverSocket = (await socket.emitWithAck("plan:change", { planId, change: tick(itemIds[20]!) })) as ChangeAnswer;
    expect(refusedOverSocket).toMatchObject({ ok: false, status: 429, error: { code: "rate_limited", message: expect.stringContaining("try again") } });
    const socketRetry = refusedOverSocket.ok ? 0 : refusedOverSocket.retryAfterSeconds!;
    expect(socketRetry).toBeGreaterThanOrEqual(1);
    expect(socketRetry).toBeLessThanOrEqual(WINDOW_SECONDS);

    const refusedOverHttp = await post(executor, comment(itemIds[21]!, "one more"));
    expect(refusedOverHttp.status).toBe(429);
    const retryAfter = Number(refusedOverHttp.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(WINDOW_SECONDS);
    expect(((await refusedOverHttp.json()) as { error: { code: string; retryAfterSeconds: number } }).error).toMatchObject({ code: "rate_limited", retryAfterSeconds: retryAfter });

    // Nothing refused was written, and another person is not held back by this one.
    expect((await db().plan.findUniqueOrThrow({ where: { id: planId } })).lastSeq).toBe(RATE_LIMIT);
    expect(await db().planComment.count({ where: { planId } })).toBe(0);
    expect((await post(lead, comment(itemIds[0]!, "the lead still gets through"))).status).toBe(201);
  });
});

describe("idle keep-alive connections", () => {
  it("stay open well past Node's 5 s, so a change sent on a reused connection is not met by a closing one", async () => {
    const { executor } = await freshPlan();
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const cookie = await sessionCookie(executor.id, executor.name);
    const postOnAgent = (body: string) =>
      new Promise<{ status: number; socket: unknown }>((resolve, reject) => {
        const request = httpRequest(new URL(`/api/plans/${planId}/changes`, app.url), { method: "POST", agent, headers: { "content-type": "application/json", origin: app.url, cookie } }, (response) => {
          response.resume();
          response.on("end", () => resolve({ status: response.statusCode ?? 0, socket: request.socket }));
        });
        request.on("error", reject);
        request.end(body);
      });
    try {
      const first = await postOnAgent(comment(itemIds[0]!, "before the pause"));
      expect(first.status).toBe(201);
      const socket = first.socket as NetSocket;
      let closedByServer = false;
      socket.once("close", () => (closedByServer = true));
      await new Promise((resolve) => setTimeout(resolve, 7_000));
      expect(closedByServer).toBe(false);
      const second = await postOnAgent(comment(itemIds[0]!, "after the pause"));
      expect(second.status).toBe(201);
      // The same connection carried both.
      expect(second.socket).toBe(first.socket);
    } finally {
      agent.destroy();
    }
  }, 30_000);
});
