import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { parsePlanMarkdown } from "@/lib/import/parse-plan-markdown";
import { createPlanFromDocument } from "@/lib/plans/create-plan";
import { mergedPresence, withPresenceMessage, type PresenceBySource } from "@/lib/realtime/presence";
import type { PresenceMessage } from "@/lib/realtime/socket-contract";
import { integrationDatabase } from "@/lib/testing/integration-env";
import { connectClient, startServerProcess, waitFor, type LiveClient, type ServerProcess } from "@/lib/testing/live-harness";
import { resetDatabase } from "@/lib/testing/reset-database";

/**
 * Presence over real socket.io clients and two real server processes: each process sends the
 * room what changed (deltas), a newcomer gets every process's full list, and the periodic
 * beat no longer carries the room's list. The beat is shortened (PRESENCE_REFRESH_MS) so a
 * test sees several.
 */
const REFRESH_MS = 400;

type Person = { id: string; name: string };
let serverA: ServerProcess, serverB: ServerProcess;
let planId: string;
let lead: Person, viewer: Person;
const clients: LiveClient[] = [];

/** A client that keeps everything it was told about presence, and merges it as the page does. */
interface Watcher {
  client: LiveClient;
  messages: PresenceMessage[];
  names(): string;
  person(name: string): { idle: boolean } | undefined;
}

async function watcher(server: ServerProcess, who: Person): Promise<Watcher> {
  const client = await connectClient(server.url, who);
  clients.push(client);
  const messages: PresenceMessage[] = [];
  let bySource: PresenceBySource = {};
  client.socket.on("plan:presence", (message: PresenceMessage) => {
    messages.push(message);
    const next = withPresenceMessage(bySource, message, Date.now());
    bySource = next.state;
    if (next.resync) client.socket.emit("plan:presence-resync", { planId });
  });
  const everyone = () => mergedPresence(bySource, Date.now());
  return {
    client,
    messages,
    names: () =>
      everyone()
        .map((entry) => entry.name)
        .sort()
        .join(),
    person: (name) => everyone().find((entry) => entry.name === name),
  };
}

async function person(name: string, email: string): Promise<Person> {
  return db().user.create({ data: { name, email, passwordHash: "not-used" }, select: { id: true, name: true } });
}

const entriesIn = (message: PresenceMessage) => (message.kind === "full" ? message.people.length : message.kind === "delta" ? message.upserted.length + message.left.length : 0);

beforeAll(async () => {
  const { url } = integrationDatabase();
  [serverA, serverB] = await Promise.all([startServerProcess(url, { PRESENCE_REFRESH_MS: String(REFRESH_MS) }), startServerProcess(url, { PRESENCE_REFRESH_MS: String(REFRESH_MS) })]);
});

afterAll(async () => {
  clients.forEach((client) => client.close());
  await Promise.all([serverA?.stop(), serverB?.stop()]);
});

beforeEach(async () => {
  clients.splice(0).forEach((client) => client.close());
  await resetDatabase();
  [lead, viewer] = await Promise.all([person("Lee Lead", "lead@example.com"), person("Vic Viewer", "viewer@example.com")]);
  planId = (await createPlanFromDocument({ document: parsePlanMarkdown("# Presence\n\n## Steps\n- [ ] One\n").document, createdById: lead.id })).id;
  await db().planMember.create({ data: { planId, userId: viewer.id, role: "VIEWER" } });
});

describe("presence deltas", () => {
  it("sends joins, idleness and leaves as deltas, and a newcomer every process's full list", async () => {
    const leeOnA = await watcher(serverA, lead);
    await leeOnA.client.join(planId, 0);
    await waitFor(() => leeOnA.names() === "Lee Lead");

    // Vic joins on the other process: Lee hears one delta naming Vic alone; Vic, the
    // newcomer, gets A's full list with Lee in it.
    const vicOnB = await watcher(serverB, viewer);
    const leeSeenBefore = leeOnA.messages.length;
    await vicOnB.client.join(planId, 0);
    await waitFor(() => leeOnA.names() === "Lee Lead,Vic Viewer" && vicOnB.names() === "Lee Lead,Vic Viewer");
    expect(vicOnB.messages.some((message) => message.kind === "full" && message.people.some((entry) => entry.name === "Lee Lead"))).toBe(true);
    const vicArrived = leeOnA.messages.slice(leeSeenBefore).filter((message) => message.kind === "delta");
    expect(vicArrived).toEqual([expect.objectContaining({ kind: "delta", upserted: [{ userId: viewer.id, name: "Vic Viewer", role: "VIEWER", idle: false }], left: [] })]);

    // Vic goes idle: Lee hears exactly that entry.
    const beforeIdle = leeOnA.messages.length;
    vicOnB.client.socket.emit("plan:presence", { planId, idle: true });
    await waitFor(() => leeOnA.person("Vic Viewer")?.idle === true);
    expect(leeOnA.messages.slice(beforeIdle).filter((message) => message.kind === "delta")).toEqual([expect.objectContaining({ upserted: [expect.objectContaining({ name: "Vic Viewer", idle: true })], left: [] })]);

    // Vic leaves: a delta that says who left.
    const beforeLeave = leeOnA.messages.length;
    vicOnB.client.socket.emit("plan:leave", { planId });
    await waitFor(() => leeOnA.names() === "Lee Lead");
    expect(leeOnA.messages.slice(beforeLeave).filter((message) => message.kind === "delta")).toEqual([expect.objectContaining({ upserted: [], left: [viewer.id] })]);
  });

  it("tells a room of 20 about one newcomer with one entry each, and beats without the list", async () => {
    const room = await Promise.all(Array.from({ length: 20 }, (_, index) => watcher(index % 2 ? serverB : serverA, index % 2 ? viewer : lead)));
    await Promise.all(room.map((member) => member.client.join(planId, 0)));
    await waitFor(() => room.every((member) => member.names() === "Lee Lead,Vic Viewer"));

    // Beats: "alive", with the number but no list, from both processes, and nothing else while nothing changes.
    // The full lists the joins asked for may still be on their way under load: the quiet window
    // starts once every member has heard a beat from both processes, and lasts until the next two.
    const aliveSourcesSince = (member: Watcher, from: number) => new Set(member.messages.slice(from).filter((message) => message.kind === "alive").map((message) => message.source)).size;
    await waitFor(() => room.every((member) => aliveSourcesSince(member, 0) === 2));
    const quietFrom = room.map((member) => member.messages.length);
    await waitFor(() => room.every((member, index) => aliveSourcesSince(member, quietFrom[index]!) === 2));
    const quiet = room.flatMap((member, index) => member.messages.slice(quietFrom[index]));
    expect(quiet.filter((message) => message.kind !== "alive")).toEqual([]);
    expect(quiet.every((message) => !("people" in message) && !("upserted" in message))).toBe(true);

    // A third person joins on A: every member of the room hears one delta of one entry, not the room's list.
    const eve = await person("Eve Executor", "eve@example.com");
    await db().planMember.create({ data: { planId, userId: eve.id, role: "EXECUTOR" } });
    const before = room.map((member) => member.messages.length);
    const newcomer = await watcher(serverA, eve);
    await newcomer.client.join(planId, 0);
    await waitFor(() => room.every((member) => member.names() === "Eve Executor,Lee Lead,Vic Viewer") && newcomer.names() === "Eve Executor,Lee Lead,Vic Viewer");
    for (const [index, member] of room.entries()) {
      const told = member.messages.slice(before[index]).filter((message) => message.kind !== "alive");
      expect(told).toEqual([expect.objectContaining({ kind: "delta", upserted: [expect.objectContaining({ name: "Eve Executor" })], left: [] })]);
    }
    // The newcomer got each process's list once: Lee's on A, Vic's on B.
    const fulls = newcomer.messages.filter((message) => message.kind === "full");
    expect(new Set(fulls.map((message) => message.source)).size).toBe(2);
    expect(Math.max(...newcomer.messages.map(entriesIn))).toBeLessThanOrEqual(2);
  });

  it("a client that missed a delta asks again and gets the full lists", async () => {
    const lee = await watcher(serverA, lead);
    await lee.client.join(planId, 0);
    const vic = await watcher(serverB, viewer);
    await vic.client.join(planId, 0);
    await waitFor(() => lee.names() === "Lee Lead,Vic Viewer");
    // Lee's socket stops listening for a while, as if a message were lost, and Vic goes idle meanwhile.
    const listeners = lee.client.socket.listeners("plan:presence");
    lee.client.socket.off("plan:presence");
    vic.client.socket.emit("plan:presence", { planId, idle: true });
    await waitFor(() => vic.person("Vic Viewer")?.idle === true);
    const missedFrom = lee.messages.length;
    listeners.forEach((listener) => lee.client.socket.on("plan:presence", listener));
    // B's next beat carries a number Lee never got: Lee asks again, and B's full list brings the change.
    await waitFor(() => lee.person("Vic Viewer")?.idle === true);
    const after = lee.messages.slice(missedFrom);
    expect(after.some((message) => message.kind === "full" && message.people.some((entry) => entry.name === "Vic Viewer" && entry.idle))).toBe(true);
    expect(after.some((message) => message.kind === "delta")).toBe(false);
  });
});
