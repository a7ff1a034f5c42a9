import { io as connect, type Socket } from "socket.io-client";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { parsePlanMarkdown } from "@/lib/import/parse-plan-markdown";
import type { PlanEventMessage, PlanEventWire } from "@/lib/plan-state/events";
import { createPlanFromDocument } from "@/lib/plans/create-plan";
import { ACCESS_LOST_MESSAGE } from "@/lib/realtime/membership-effect";
import type { AccessLost, CatchUp, ChangeAnswer } from "@/lib/realtime/socket-contract";
import { startAppProcess, type ControlledAppProcess } from "@/lib/testing/app-process";
import { fetchPage, signInWithPassword, submitForm, type CookieJar } from "@/lib/testing/browser-session";
import { integrationDatabase } from "@/lib/testing/integration-env";
import { sessionCookie, waitFor } from "@/lib/testing/live-harness";
import { resetDatabase } from "@/lib/testing/reset-database";
import { createUser } from "@/lib/users/create-user";

/**
 * Rights follow changes at once, on every process: two real app processes (server.ts on the
 * production build) share one database, and the PostgreSQL cluster adapter carries events
 * and disconnects between them. Sign-ins, password resets and "sign out everywhere" go
 * through the real endpoints and forms, as a browser would.
 */

const MARKDOWN = `# Rights test plan\n\n## Steps\n${Array.from({ length: 6 }, (_, index) => `- [ ] Step ${index + 1}`).join("\n")}\n`;
const PASSWORD = "first-password-123";

let appA: ControlledAppProcess, appB: ControlledAppProcess;
const sockets: Socket[] = [];

interface Watcher {
  socket: Socket;
  events: PlanEventWire[];
  accessLost: AccessLost[];
  disconnects: string[];
}

async function watch(appUrl: string, cookie: string, extraHeaders: Record<string, string> = {}): Promise<Watcher> {
  const socket = connect(appUrl, { path: "/socket.io", transports: ["websocket"], forceNew: true, reconnection: false, extraHeaders: { cookie, ...extraHeaders } });
  sockets.push(socket);
  const watcher: Watcher = { socket, events: [], accessLost: [], disconnects: [] };
  socket.on("plan:event", (message: PlanEventWire) => watcher.events.push(message));
  socket.on("plan:access-lost", (notice: AccessLost) => watcher.accessLost.push(notice));
  socket.on("disconnect", (reason) => watcher.disconnects.push(reason));
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", () => resolve());
    socket.once("connect_error", (error) => reject(error));
  });
  return watcher;
}

/** Resolves with the handshake's refusal, or throws when the connection was accepted. */
async function refusedHandshake(appUrl: string, options: { cookie?: string; origin?: string; transport: "websocket" | "polling" }): Promise<string> {
  const socket = connect(appUrl, {
    path: "/socket.io",
    transports: [options.transport],
    forceNew: true,
    reconnection: false,
    extraHeaders: { ...(options.cookie ? { cookie: options.cookie } : {}), ...(options.origin ? { origin: options.origin } : {}) },
  });
  sockets.push(socket);
  return new Promise<string>((resolve, reject) => {
    socket.once("connect", () => reject(new Error("the handshake was accepted")));
    socket.once("connect_error", (error) => resolve(error.message));
  });
}

const join = (watcher: Watcher, planId: string): Promise<CatchUp> => watcher.socket.emitWithAck("plan:join", { planId });
const change = (watcher: Watcher, planId: string, planChange: unknown): Promise<ChangeAnswer> => watcher.socket.emitWithAck("plan:change", { planId, change: planChange });
const tick = (itemId: string) => ({ type: "item.status", itemId, status: "DONE", expectedVersion: 0 });

beforeAll(async () => {
  const { url } = integrationDatabase();
  // One after the other, with room for a busy machine: both start Next's production server.
  appA = await startAppProcess(url, { readyTimeoutMs: 150_000 });
  appB = await startAppProcess(url, { readyTimeoutMs: 150_000 });
}, 330_000);

afterAll(async () => {
  sockets.forEach((socket) => socket.close());
  await Promise.all([appA?.stop(), appB?.stop()]);
});

let lead: { id: string; name: string }, watcherUser: { id: string; name: string }, other: { id: string; name: string };
let planId: string;
let itemIds: string[];

beforeEach(async () => {
  sockets.splice(0).forEach((socket) => socket.close());
  await resetDatabase();
  // The first account becomes the administrator. The admin and the watcher sign in with their
  // passwords; the others only need a session cookie, which saves two bcrypt hashes per test.
  await createUser({ name: "Ada Admin", email: "admin@example.com", password: PASSWORD });
  watcherUser = await createUser({ name: "Wes Watcher", email: "watcher@example.com", password: PASSWORD });
  const withoutPassword = (name: string, email: string) => db().user.create({ data: { name, email, passwordHash: "not-used" }, select: { id: true, name: true } });
  [lead, other] = await Promise.all([withoutPassword("Lee Lead", "lead@example.com"), withoutPassword("Oli Other", "other@example.com")]);
  planId = (await createPlanFromDocument({ document: parsePlanMarkdown(MARKDOWN).document, createdById: lead.id })).id;
  await db().planMember.createMany({
    data: [
      { planId, userId: watcherUser.id, role: "VIEWER" },
      { planId, userId: other.id, role: "EXECUTOR" },
    ],
  });
  itemIds = (await db().planItem.findMany({ where: { planId }, orderBy: { position: "asc" }, select: { id: true } })).map((item) => item.id);
}, 60_000);

describe("a member removed on one process", () => {
  it("stops receiving the plan's events on the other process at once, while other members still get them", async () => {
    const leadOnA = await watch(appA.url, await sessionCookie(lead.id, lead.name));
    const watcherOnB = await watch(appB.url, await sessionCookie(watcherUser.id, watcherUser.name));
    const otherOnB = await watch(appB.url, await sessionCookie(other.id, other.name));
    for (const watcher of [leadOnA, watcherOnB, otherOnB]) expect(await join(watcher, planId)).toMatchObject({ ok: true });

    // Before the removal the watcher receives ticks like everyone else.
    const before = await change(leadOnA, planId, tick(itemIds[0]!));
    expect(before.ok).toBe(true);
    await waitFor(() => watcherOnB.events.some((message) => message.seq === (before as { message: PlanEventMessage }).message.seq));

    const removal = await change(leadOnA, planId, { type: "member.remove", userId: watcherUser.id });
    expect(removal.ok).toBe(true);
    // The very next tick after the removal's acknowledgement.
    const after = await change(leadOnA, planId, tick(itemIds[1]!));
    expect(after.ok).toBe(true);
    const afterSeq = (after as { message: PlanEventMessage }).message.seq;

    await waitFor(() => otherOnB.events.some((message) => message.seq === afterSeq));
    // A round trip on the watcher's own connection: anything sent to it before now has arrived.
    const sync: CatchUp = await watcherOnB.socket.emitWithAck("plan:sync", { planId, afterSeq: 0 });
    expect(sync).toMatchObject({ ok: false, status: 404 });
    expect(watcherOnB.events.map((message) => message.event.type)).toEqual(["item.delta", "member.removed"]);
    expect(watcherOnB.events.some((message) => message.seq === afterSeq)).toBe(false);
    expect(watcherOnB.accessLost).toEqual([{ planId, message: ACCESS_LOST_MESSAGE }]);
    // The connection itself stays up (other plans, the dashboard); only this plan is gone.
    expect(watcherOnB.socket.connected).toBe(true);
    expect(await join(watcherOnB, planId)).toMatchObject({ ok: false, status: 404 });
    console.log(`[rights] removed watcher on B received ${watcherOnB.events.length} events (the tick before and the removal), not tick seq ${afterSeq}; the other member received ${otherOnB.events.length}`);
  });

  it("acts on a lowered role at once: the member's next change over their open socket is refused", async () => {
    const leadOnA = await watch(appA.url, await sessionCookie(lead.id, lead.name));
    const otherOnB = await watch(appB.url, await sessionCookie(other.id, other.name));
    for (const watcher of [leadOnA, otherOnB]) expect(await join(watcher, planId)).toMatchObject({ ok: true });
    expect((await change(otherOnB, planId, tick(itemIds[0]!))).ok).toBe(true);

    const lowered = await change(leadOnA, planId, { type: "member.set", userId: other.id, role: "VIEWER", titles: [] });
    expect(lowered.ok).toBe(true);
    expect(await change(otherOnB, planId, tick(itemIds[1]!))).toMatchObject({ ok: false, status: 403 });
    // Still a viewer: they keep watching.
    const next = await change(leadOnA, planId, tick(itemIds[2]!));
    await waitFor(() => otherOnB.events.some((message) => message.seq === (next as { message: PlanEventMessage }).message.seq));
  });
});

// Several bcrypt sign-ins each, on a machine shared with builds: a generous bound, not a measurement.
describe("ending a person's sessions", { timeout: 180_000 }, () => {
  it("a password reset by an admin on one process closes the user's socket on the other and ends their sessions", async () => {
    const watcherJar = await signInWithPassword(appB.url, "watcher@example.com", PASSWORD);
    const watcherOnB = await watch(appB.url, watcherJar.header());
    expect(await join(watcherOnB, planId)).toMatchObject({ ok: true });
    const otherOnB = await watch(appB.url, await sessionCookie(other.id, other.name));
    expect(await join(otherOnB, planId)).toMatchObject({ ok: true });
    const leadOnA = await watch(appA.url, await sessionCookie(lead.id, lead.name));

    const adminJar = await signInWithPassword(appA.url, "admin@example.com", PASSWORD);
    const reset = await submitForm(appA.url, "/admin/users", adminJar, `id="password-${watcherUser.id}"`, { password: "second-password-456" });
    expect(reset.status).toBe(200);
    expect(await reset.text()).toContain("New password set for Wes Watcher.");

    await waitFor(() => watcherOnB.disconnects.length > 0);
    expect(watcherOnB.disconnects).toEqual(["io server disconnect"]);
    const next = await change(leadOnA, planId, tick(itemIds[0]!));
    await waitFor(() => otherOnB.events.some((message) => message.seq === (next as { message: PlanEventMessage }).message.seq));
    expect(watcherOnB.events).toEqual([]);

    // The old session is over, on every process: HTTP and socket handshake alike.
    for (const app of [appA, appB]) {
      expect((await fetch(`${app.url}/api/plans/${planId}/live`, { headers: { cookie: watcherJar.header() } })).status).toBe(401);
      expect(await refusedHandshake(app.url, { cookie: watcherJar.header(), transport: "websocket" })).toBe("unauthenticated");
    }
    await expect(signInWithPassword(appA.url, "watcher@example.com", PASSWORD)).rejects.toThrow(/refused/);
    const fresh = await signInWithPassword(appA.url, "watcher@example.com", "second-password-456");
    expect((await fetch(`${appB.url}/api/plans/${planId}/live`, { headers: { cookie: fresh.header() } })).status).toBe(200);
    expect(await (await watch(appB.url, fresh.header())).socket.emitWithAck("plan:join", { planId })).toMatchObject({ ok: true });
  });

  it("'Sign out everywhere' closes the user's sockets and their other sessions stop working on the next request", async () => {
    const laptop = await signInWithPassword(appA.url, "watcher@example.com", PASSWORD);
    const phone = await signInWithPassword(appB.url, "watcher@example.com", PASSWORD);
    const phoneSocket = await watch(appB.url, phone.header());
    expect(await join(phoneSocket, planId)).toMatchObject({ ok: true });
    expect((await fetchPage(appB.url, "/plans", phone)).status).toBe(200);

    const signedOut = await submitForm(appA.url, "/plans", laptop, "Sign out everywhere");
    expect(signedOut.status).toBe(303);
    expect(signedOut.headers.get("location")).toContain("/sign-in");

    await waitFor(() => phoneSocket.disconnects.length > 0);
    expect(phoneSocket.disconnects).toEqual(["io server disconnect"]);
    const page = await fetchPage(appB.url, "/plans", phone);
    expect(page.status).toBe(307);
    expect(page.headers.get("location")).toContain("/sign-in");
    expect((await fetch(`${appB.url}/api/plans/${planId}/live`, { headers: { cookie: phone.header() } })).status).toBe(401);
    expect(await refusedHandshake(appB.url, { cookie: phone.header(), transport: "websocket" })).toBe("unauthenticated");
    // Signing in again works, with a session of the new version.
    const again = await signInWithPassword(appB.url, "watcher@example.com", PASSWORD);
    expect((await fetchPage(appB.url, "/plans", again)).status).toBe(200);
  });

  it("a deactivation ends the sessions too, and reactivating does not bring the old ones back", async () => {
    const watcherJar: CookieJar = await signInWithPassword(appB.url, "watcher@example.com", PASSWORD);
    const watcherOnB = await watch(appB.url, watcherJar.header());
    const adminJar = await signInWithPassword(appA.url, "admin@example.com", PASSWORD);
    const marker = `aria-label="Deactivate Wes Watcher"`;
    expect((await submitForm(appA.url, "/admin/users", adminJar, marker)).status).toBe(200);
    await waitFor(() => watcherOnB.disconnects.length > 0);
    expect((await submitForm(appA.url, "/admin/users", adminJar, `aria-label="Reactivate Wes Watcher"`)).status).toBe(200);
    expect(await db().user.findUniqueOrThrow({ where: { id: watcherUser.id }, select: { active: true } })).toEqual({ active: true });
    expect((await fetch(`${appB.url}/api/plans/${planId}/live`, { headers: { cookie: watcherJar.header() } })).status).toBe(401);
  });
});

describe("the socket.io handshake", () => {
  it("refuses an Origin that is not the app's own, over WebSocket and polling", async () => {
    const cookie = await sessionCookie(lead.id, lead.name);
    for (const transport of ["websocket", "polling"] as const) {
      await expect(refusedHandshake(appA.url, { cookie, origin: "https://evil.example", transport })).resolves.toMatch(/websocket error|xhr poll error/);
      await expect(refusedHandshake(appA.url, { cookie, origin: "null", transport })).resolves.toMatch(/error/);
    }
    const polling = await fetch(`${appA.url}/socket.io/?EIO=4&transport=polling`, { headers: { cookie, origin: "https://evil.example" } });
    expect(polling.status).toBe(403);
    // The app's own origin, and a client that sends none (a script), are let in.
    const own = await watch(appA.url, cookie, { origin: appA.url });
    expect(await join(own, planId)).toMatchObject({ ok: true });
    expect((await watch(appA.url, cookie)).socket.connected).toBe(true);
  });

  it("answers a message with no payload, or a payload of the wrong shape, with a 400, and survives one without a callback", async () => {
    const leadOnA = await watch(appA.url, await sessionCookie(lead.id, lead.name));
    for (const event of ["plan:change", "plan:join", "plan:sync"]) {
      for (const payload of [[], ["a string"], [42], [null], [{ planId: planId }]]) {
        const answer = (await leadOnA.socket.timeout(10_000).emitWithAck(event, ...payload)) as { ok: boolean; status: number; error: { message: string } };
        // plan:join with just a plan id is a valid join; every other shape is refused in words.
        if (event === "plan:join" && payload.length === 1 && typeof payload[0] === "object" && payload[0] !== null) expect(answer).toMatchObject({ ok: true });
        else expect(answer).toMatchObject({ ok: false, status: 400, error: { message: expect.any(String) } });
      }
      // No callback: nothing to answer, and the server must neither throw nor drop the connection.
      leadOnA.socket.emit(event, { planId, change: { type: "item.status" } });
      leadOnA.socket.emit(event);
    }
    // The same connection still answers afterwards.
    expect(await join(leadOnA, planId)).toMatchObject({ ok: true });
    expect(leadOnA.socket.connected).toBe(true);
    expect(appA.output()).not.toMatch(/uncaughtException|unhandledRejection|unhandled error/);
  });
});
