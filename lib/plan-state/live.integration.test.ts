import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { parsePlanMarkdown } from "@/lib/import/parse-plan-markdown";
import { applyEvents } from "@/lib/plan-state/live-state";
import { receiveLiveEvents } from "@/lib/plan-state/live-delta";
import { loadLiveState } from "@/lib/plan-state/read-plan-state";
import { createPlanFromDocument } from "@/lib/plans/create-plan";
import { integrationDatabase } from "@/lib/testing/integration-env";
import { connectClient, startServerProcess, storedSequence, waitFor, type LiveClient, type ServerProcess } from "@/lib/testing/live-harness";
import { mergedPresence, withPresenceMessage, type PresenceBySource } from "@/lib/realtime/presence";
import type { PresenceMessage } from "@/lib/realtime/socket-contract";
import { resetDatabase } from "@/lib/testing/reset-database";

const ITEMS = 60;
const MARKDOWN = `# Live test plan\n\n## Steps\n${Array.from({ length: ITEMS }, (_, index) => `- [ ] Step ${index + 1}`).join("\n")}\n`;

type Person = { id: string; name: string };
let lead: Person, executor: Person, viewer: Person, outsider: Person;
let planId: string;
let itemIds: string[];
let serverA: ServerProcess, serverB: ServerProcess;
const clients: LiveClient[] = [];

async function person(name: string, email: string): Promise<Person> {
  return db().user.create({ data: { name, email, passwordHash: "not-used" }, select: { id: true, name: true } });
}

async function client(server: ServerProcess, who: Person): Promise<LiveClient> {
  const connected = await connectClient(server.url, who);
  clients.push(connected);
  return connected;
}

const tick = (itemId: string, expectedVersion = 0, status = "DONE", note?: string) => ({ type: "item.status", itemId, status, expectedVersion, note });

beforeAll(async () => {
  const { url } = integrationDatabase();
  [serverA, serverB] = await Promise.all([startServerProcess(url), startServerProcess(url)]);
});

afterAll(async () => {
  clients.forEach((connected) => connected.close());
  await Promise.all([serverA?.stop(), serverB?.stop()]);
});

beforeEach(async () => {
  clients.splice(0).forEach((connected) => connected.close());
  await resetDatabase();
  [lead, executor, viewer, outsider] = await Promise.all([
    person("Lee Lead", "lead@example.com"),
    person("Eve Executor", "exec@example.com"),
    person("Vic Viewer", "viewer@example.com"),
    person("Oz Outsider", "outsider@example.com"),
  ]);
  planId = (await createPlanFromDocument({ document: parsePlanMarkdown(MARKDOWN).document, createdById: lead.id })).id;
  await db().planMember.createMany({
    data: [
      { planId, userId: executor.id, role: "EXECUTOR" },
      { planId, userId: viewer.id, role: "VIEWER" },
    ],
  });
  itemIds = (await db().planItem.findMany({ where: { planId }, orderBy: { position: "asc" }, select: { id: true } })).map((item) => item.id);
});

describe("live plan state over socket.io", () => {
  it("gives 50 concurrent writers gap-free sequence numbers and delivers them to a watcher in order", async () => {
    const watcher = await client(serverA, viewer);
    expect(await watcher.join(planId, 0)).toEqual({ ok: true, events: [] });
    const writers = await Promise.all(Array.from({ length: 50 }, (_, index) => client(serverA, index % 2 ? lead : executor)));

    const answers = await Promise.all(writers.map((writer, index) => writer.change(planId, tick(itemIds[index]!))));
    expect(answers.every((answer) => answer.ok)).toBe(true);
    const seqs = answers.map((answer) => (answer.ok ? answer.message.seq : -1)).sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: 50 }, (_, index) => index + 1));
    expect(await storedSequence(planId)).toEqual(seqs);

    await waitFor(() => watcher.events.length === 50);
    expect(watcher.events.map((event) => event.seq)).toEqual(seqs);
    expect((await db().plan.findUniqueOrThrow({ where: { id: planId } })).lastSeq).toBe(50);
  });

  it("lets a client that was away catch up on exactly the events it missed", async () => {
    const lead1 = await client(serverA, lead);
    const watcher = await client(serverA, viewer);
    await watcher.join(planId, 0);
    for (const itemId of itemIds.slice(0, 3)) await lead1.change(planId, tick(itemId));
    await waitFor(() => watcher.events.length === 3);
    const before = await loadLiveState(planId);
    watcher.close();

    for (const itemId of itemIds.slice(3, 10)) await lead1.change(planId, tick(itemId, 0, "SKIPPED", "not needed"));
    await lead1.change(planId, { type: "item.comment", itemId: itemIds[0], body: "looks good" });

    const returning = await client(serverA, viewer);
    const catchUp = await returning.join(planId, before!.seq);
    expect(catchUp.ok && "events" in catchUp ? catchUp.events.map((event) => event.seq) : null).toEqual([4, 5, 6, 7, 8, 9, 10, 11]);
    const caughtUp = applyEvents(before!, catchUp.ok && "events" in catchUp ? catchUp.events : []);
    expect(caughtUp.gap).toBe(false);
    const fresh = await loadLiveState(planId);
    expect(caughtUp.state.items).toEqual(fresh!.items);
    expect(caughtUp.state.comments).toEqual(fresh!.comments);
    expect(caughtUp.state.seq).toBe(fresh!.seq);
  });

  it("resolves a conflicting edit of one item with one winner and one 409 carrying the fresh state", async () => {
    const [first, second] = await Promise.all([client(serverA, lead), client(serverA, executor)]);
    const answers = await Promise.all([
      first.change(planId, tick(itemIds[0]!, 0, "DONE")),
      second.change(planId, tick(itemIds[0]!, 0, "FAILED", "smoke test red")),
    ]);
    const winners = answers.filter((answer) => answer.ok);
    const losers = answers.filter((answer) => !answer.ok);
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(1);
    const loser = losers[0]!;
    expect(loser.ok === false && loser.status).toBe(409);
    const stored = await db().planItem.findUniqueOrThrow({ where: { id: itemIds[0] } });
    expect(stored.version).toBe(1);
    expect(loser.ok === false && (loser.error.item as { status: string; version: number })).toMatchObject({ status: stored.status, version: 1 });
    expect(await storedSequence(planId)).toEqual([1]);
  });

  it("refuses a viewer's write and an outsider's join, changing nothing", async () => {
    const watcher = await client(serverA, viewer);
    const refused = await watcher.change(planId, tick(itemIds[0]!));
    expect(refused).toMatchObject({ ok: false, status: 403 });
    const stranger = await client(serverA, outsider);
    expect(await stranger.join(planId, 0)).toMatchObject({ ok: false, status: 404 });
    expect(await stranger.change(planId, tick(itemIds[0]!))).toMatchObject({ ok: false, status: 404 });
    expect(await storedSequence(planId)).toEqual([]);
    expect((await db().planItem.findUniqueOrThrow({ where: { id: itemIds[0] } })).status).toBe("PENDING");
  });

  it("rejects invalid input with a 400 and a message", async () => {
    const lead1 = await client(serverA, lead);
    expect(await lead1.change(planId, tick(itemIds[0]!, 0, "SKIPPED"))).toMatchObject({ ok: false, status: 400, error: { message: "Say why the item is skipped." } });
    expect(await lead1.change(planId, { type: "item.status", itemId: itemIds[0] })).toMatchObject({ ok: false, status: 400 });
  });

  it("carries a change made through one process to clients of another", async () => {
    const before = await loadLiveState(planId);
    const watcherOnB = await client(serverB, viewer);
    await watcherOnB.join(planId, 0);
    const leadOnA = await client(serverA, lead);
    const answer = await leadOnA.change(planId, tick(itemIds[5]!));
    expect(answer.ok).toBe(true);
    await waitFor(() => watcherOnB.events.length === 1);
    // The room gets the tick as a delta; the page turns it back into the recorded event on the item it holds.
    expect(watcherOnB.events[0]).toEqual({ planId, seq: 1, at: answer.ok && answer.message.at, actor: { id: lead.id }, event: { type: "item.delta", id: itemIds[5], version: 1, status: "DONE" } });
    const applied = receiveLiveEvents(before!, watcherOnB.events);
    expect(applied.resync).toBe(false);
    expect(applied.state.items).toEqual((await loadLiveState(planId))!.items);
    expect(applied.state.activity[0]).toEqual(answer.ok && answer.message);
  });

  it("tells everyone who is here, across processes, with one presence broadcast per burst of joins", async () => {
    const people = [lead, executor, viewer];
    const watchers = await Promise.all(Array.from({ length: 30 }, (_, index) => client(index % 2 ? serverB : serverA, people[index % 3]!)));
    // Each watcher merges the per-process lists as the browser does.
    const seen = watchers.map(() => ({ messages: 0, bySource: {} as PresenceBySource }));
    watchers.forEach((watcher, index) =>
      watcher.socket.on("plan:presence", (message: PresenceMessage) => {
        seen[index]!.messages += 1;
        const { state, resync } = withPresenceMessage(seen[index]!.bySource, message, Date.now());
        seen[index]!.bySource = state;
        if (resync) watcher.socket.emit("plan:presence-resync", { planId });
      }),
    );
    const names = (index: number) => mergedPresence(seen[index]!.bySource, Date.now()).map((person) => person.name).sort().join();
    await Promise.all(watchers.map((watcher) => watcher.join(planId, 0)));

    await waitFor(() => seen.every((_, index) => names(index) === "Eve Executor,Lee Lead,Vic Viewer"));
    const everyone = mergedPresence(seen[0]!.bySource, Date.now());
    expect(everyone.find((person) => person.name === "Lee Lead")).toMatchObject({ role: "LEAD", idle: false });
    expect(everyone.find((person) => person.name === "Vic Viewer")).toMatchObject({ role: "VIEWER" });
    // 30 joins, one broadcast each, would be 30 messages per watcher; coalesced per process, a handful.
    expect(Math.max(...seen.map((watcher) => watcher.messages))).toBeLessThanOrEqual(8);

    watchers.filter((_, index) => index % 3 !== 2).forEach((watcher) => watcher.close());
    await waitFor(() => names(2) === "Vic Viewer");
  });

  it("refuses to complete while required items are open, then completes", async () => {
    const lead1 = await client(serverA, lead);
    expect(await lead1.change(planId, { type: "plan.lifecycle", action: "start" })).toMatchObject({ ok: true });
    const refused = await lead1.change(planId, { type: "plan.lifecycle", action: "complete" });
    expect(refused).toMatchObject({ ok: false, status: 422, error: { message: `${ITEMS} required items are not done yet.` } });
    for (const [index, itemId] of itemIds.entries()) await lead1.change(planId, tick(itemId, 0, index % 2 ? "DONE" : "NOT_APPLICABLE"));
    expect(await lead1.change(planId, { type: "plan.lifecycle", action: "complete" })).toMatchObject({ ok: true, message: { event: { status: "COMPLETE" } } });
    expect(await lead1.change(planId, tick(itemIds[0]!, 1, "PENDING"))).toMatchObject({ ok: false, status: 409 });
  });
});
