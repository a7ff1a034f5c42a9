import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { io as connect, type Socket } from "socket.io-client";
import { db } from "@/lib/db";
import { parsePlanMarkdown } from "@/lib/import/parse-plan-markdown";
import { applyPlanChange } from "@/lib/plan-state/apply-plan-change";
import type { PlanEventMessage } from "@/lib/plan-state/events";
import type { PlanLiveState } from "@/lib/plan-state/live-state";
import { createPlanFromDocument } from "@/lib/plans/create-plan";
import type { CatchUp } from "@/lib/realtime/socket-contract";
import { startAppProcess, type AppProcess } from "@/lib/testing/app-process";
import { integrationDatabase } from "@/lib/testing/integration-env";
import { keyPaths } from "@/lib/testing/key-paths";
import { connectClient, sessionCookie, startServerProcess, waitFor, type LiveClient, type ServerProcess } from "@/lib/testing/live-harness";
import { resetDatabase } from "@/lib/testing/reset-database";
import { SIGNOFF_PLAN_MARKDOWN } from "@/lib/testing/signoff-test-plan";

/**
 * The must-show of issue 10 for share links: against the real server (server.ts on the
 * production build) and a second app process, it lists every field a share-link visitor
 * receives (the snapshot, catch-up events, live events and presence) and compares the list
 * with the allow-list in the README ("Sign-offs, people and share links").
 */

/** Everything secret in this test: free text, and the names of people who are not signers. */
const SECRET = {
  skipNote: "SKIP-NOTE-SECRET",
  failNote: "FAIL-NOTE-SECRET",
  comment: "COMMENT-SECRET",
  signatureComment: "SIGNATURE-COMMENT-SECRET",
  rationale: "RATIONALE-SECRET",
  rollbackReason: "ROLLBACK-REASON-SECRET",
  rollbackTrigger: "ROLLBACK-TRIGGER-SECRET",
  lead: "Lee Lead",
  executor: "Eve Executor",
  watcher: "Wanda Watcher",
  newcomer: "Nina Newcomer",
};

/** Records keyed by id in the snapshot; their keys become `*` in the listed paths. */
const SNAPSHOT_MAPS = ["items", "comments", "gates", "itemSpans", "downtimeMarkers"];

/** The snapshot's own fields; its activity feed is a list of events, counted with the events. */
const snapshotPaths = (state: PlanLiveState) => keyPaths({ ...state, activity: undefined }, SNAPSHOT_MAPS);

/** The allow-list: what a share visitor receives with the plan's default settings. */
const ALLOWED_SNAPSHOT = [
  "planId",
  "seq",
  "loadedAt",
  "status",
  "startedAt",
  "items.*.id",
  "items.*.status",
  "items.*.statusAt",
  "items.*.version",
  "settings.title",
  "settings.allowSelfApproval",
  "settings.hideCommandsInShare",
  "settings.shareShowsDiscussion",
  "gates.*.quorums[].title",
  "gates.*.quorums[].quorum",
  // What the gate holds back (Start or Complete): part of the plan's structure.
  "gates.*.blocks",
  "signatures[].id",
  "signatures[].gateId",
  "signatures[].title",
  "signatures[].userName",
  "signatures[].decision",
  "signatures[].at",
  "signatures[].stale",
  // Written by the server: "“Tests passing” changed after this was signed."
  "signatures[].staleReason",
  "window.timeZone",
  "itemSpans.*.first",
  "itemSpans.*.last",
  // `activity`, the feed, holds events: they are listed with the events below.
];

/** Every event field a share visitor receives (live and catch-up), by event type, with the default settings. */
const ENVELOPE = ["planId", "seq", "at", "event.type"];
const ALLOWED_EVENTS = [
  ...ENVELOPE.map((path) => `item.changed ${path}`),
  "item.changed event.item.id",
  "item.changed event.item.status",
  "item.changed event.item.statusAt",
  "item.changed event.item.version",
  "item.changed event.previousStatus",
  "item.changed event.staleSignatureIds[]",
  ...ENVELOPE.map((path) => `gate.signed ${path}`),
  "gate.signed event.signature.id",
  "gate.signed event.signature.gateId",
  "gate.signed event.signature.title",
  "gate.signed event.signature.userName",
  "gate.signed event.signature.decision",
  "gate.signed event.signature.at",
  "gate.signed event.signature.stale",
  "gate.signed event.supersededId",
  ...ENVELOPE.map((path) => `plan.status ${path}`),
  "plan.status event.status",
  "plan.status event.previousStatus",
  "plan.status event.startedAt",
  ...ENVELOPE.map((path) => `plan.edited ${path}`),
  "plan.edited event.settings.title",
  "plan.edited event.settings.allowSelfApproval",
  "plan.edited event.settings.hideCommandsInShare",
  "plan.edited event.settings.shareShowsDiscussion",
  // Comments and membership changes arrive as placeholders that keep the sequence gap-free.
  ...ENVELOPE.map((path) => `withheld ${path}`),
];

/** Presence: a count per app process, never a name. */
const ALLOWED_PRESENCE = ["planId", "source", "watching"];

/** What the discussion setting adds, when the lead turns it on. */
const DISCUSSION_SNAPSHOT = [
  "comments.*[].id",
  "comments.*[].itemId",
  "comments.*[].body",
  "comments.*[].author",
  "comments.*[].at",
  "items.*.statusNote",
  "items.*.changedBy",
  "rollbackReason",
  "signatures[].comment",
];
const DISCUSSION_EVENTS = [
  "comment.added actor.id",
  "comment.added actor.name",
  "comment.added event.comment.id",
  "comment.added event.comment.itemId",
  "comment.added event.comment.body",
  "comment.added event.comment.author",
  "comment.added event.comment.at",
  "item.changed event.item.statusNote",
  "item.changed event.item.changedBy",
  "plan.status event.reason",
  "plan.status event.trigger",
  "gate.signed event.signature.comment",
  "member.set event.member.name",
];

type Person = { id: string; name: string };
let app: AppProcess;
let other: ServerProcess;
let lead: Person, executor: Person, approver: Person, watcher: Person, newcomer: Person;
let planId: string;
let itemIds: string[];
let shareToken: string;
const sockets: Socket[] = [];
const clients: LiveClient[] = [];

beforeAll(async () => {
  const { url } = integrationDatabase();
  // One after the other: on a busy machine, two starting at once can miss the harness's start-up timeout.
  app = await startAppProcess(url);
  other = await startServerProcess(url);
}, 90_000);

afterAll(async () => {
  sockets.forEach((socket) => socket.close());
  clients.forEach((client) => client.close());
  await Promise.all([app?.stop(), other?.stop()]);
});

async function person(name: string): Promise<Person> {
  return db().user.create({ data: { name, email: `${name.split(" ")[0]!.toLowerCase()}@example.com`, passwordHash: "not-used" }, select: { id: true, name: true } });
}

async function send(who: Person, change: unknown): Promise<PlanEventMessage> {
  const response = await fetch(`${app.url}/api/plans/${planId}/changes`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: app.url, cookie: await sessionCookie(who.id, who.name) },
    body: JSON.stringify(change),
  });
  const body = (await response.json()) as { event: PlanEventMessage };
  expect(response.status, JSON.stringify(body)).toBe(201);
  return body.event;
}

async function snapshot(): Promise<PlanLiveState> {
  const response = await fetch(`${app.url}/api/share/${shareToken}/live`);
  expect(response.status).toBe(200);
  return ((await response.json()) as { state: PlanLiveState }).state;
}

/** A share visitor's socket that records everything it receives, by message name. */
interface Visitor {
  socket: Socket;
  received: { name: string; payload: unknown }[];
  events(): PlanEventMessage[];
}

async function shareVisitor(serverUrl: string): Promise<Visitor> {
  const socket = connect(serverUrl, { path: "/socket.io", transports: ["websocket"], forceNew: true, reconnection: false, auth: { shareToken } });
  sockets.push(socket);
  const received: Visitor["received"] = [];
  socket.onAny((name: string, payload: unknown) => received.push({ name, payload }));
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", () => resolve());
    socket.once("connect_error", reject);
  });
  return { socket, received, events: () => received.filter((entry) => entry.name === "plan:event").map((entry) => entry.payload as PlanEventMessage) };
}

function eventPaths(messages: readonly PlanEventMessage[]): Set<string> {
  return new Set(messages.flatMap((message) => [...keyPaths(message)].map((path) => `${message.event.type} ${path}`)));
}

const sorted = (paths: Iterable<string>) => [...paths].sort();

function expectNoSecret(what: unknown) {
  const text = JSON.stringify(what);
  for (const secret of Object.values(SECRET)) expect(text).not.toContain(secret);
}

describe("what a share-link visitor receives", () => {
  it("is exactly the allow-list: no comments, notes, reasons or names, unless the lead turns discussion on", async () => {
    await resetDatabase();
    [lead, executor, approver, watcher, newcomer] = await Promise.all([
      person(SECRET.lead),
      person(SECRET.executor),
      person("Quinn Approver"),
      person(SECRET.watcher),
      person(SECRET.newcomer),
    ]);
    planId = (await createPlanFromDocument({ document: parsePlanMarkdown(SIGNOFF_PLAN_MARKDOWN).document, createdById: lead.id })).id;
    await db().planMember.createMany({
      data: [
        { planId, userId: executor.id, role: "EXECUTOR" },
        { planId, userId: approver.id, role: "APPROVER", titles: ["QA Lead", "CTO"] },
        { planId, userId: watcher.id, role: "VIEWER" },
      ],
    });
    await db().plan.update({ where: { id: planId }, data: { status: "IN_PROGRESS", startedAt: new Date() } });
    itemIds = (await db().planItem.findMany({ where: { planId }, orderBy: { position: "asc" }, select: { id: true } })).map((item) => item.id);
    const gates = await db().gate.findMany({ where: { planId }, select: { id: true, kind: true } });
    const goGate = gates.find((gate) => gate.kind === "GO_NO_GO")!.id;
    const preGate = gates.find((gate) => gate.kind === "PRE_DEPLOYMENT")!.id;
    shareToken = (await applyPlanChange({ id: lead.id, name: lead.name, isAdmin: false }, planId, { type: "share.create" })).shareToken!;
    // New plans hide commands from share links, and share no discussion.
    expect(await db().plan.findUniqueOrThrow({ where: { id: planId }, select: { hideCommandsInShare: true, shareShowsDiscussion: true } })).toEqual({
      hideCommandsInShare: true,
      shareShowsDiscussion: false,
    });

    // Before the visitor arrives: a skip with a note, a comment, a signature with a comment, a decision with its rationale.
    await send(executor, { type: "item.status", itemId: itemIds[1], status: "SKIPPED", note: SECRET.skipNote, expectedVersion: 0 });
    await send(executor, { type: "item.comment", itemId: itemIds[0], body: SECRET.comment });
    await send(approver, { type: "gate.sign", gateId: preGate, title: "QA Lead", decision: "APPROVE", comment: SECRET.signatureComment });
    await send(approver, { type: "gate.decide", gateId: goGate, decision: "DEFER", rationale: SECRET.rationale });

    // The snapshot, and a visitor on each app process: one catches up from the start, one from the snapshot.
    const first = await snapshot();
    const visitor = await shareVisitor(app.url);
    const catchUp = (await visitor.socket.emitWithAck("plan:join", { planId, lastSeq: 0 })) as CatchUp;
    const remote = await shareVisitor(other.url);
    await remote.socket.emitWithAck("plan:join", { planId, lastSeq: first.seq });
    const caughtUp = catchUp.ok && "events" in catchUp ? catchUp.events : [];
    expect(caughtUp.map((message) => message.seq)).toEqual([1, 2, 3, 4, 5]);

    // A named watcher joins: visitors learn how many watch, never who.
    const watching = await connectClient(app.url, watcher);
    clients.push(watching);
    await watching.join(planId, 0);
    const counts = () => visitor.received.filter((entry) => entry.name === "plan:watching").map((entry) => entry.payload as { source: string; watching: number });
    // Each app process (or worker) counts its own sockets; the page adds up the latest of each, as here.
    const watchingNow = () => [...new Map(counts().map((count) => [count.source, count.watching])).values()].reduce((sum, watching) => sum + watching, 0);
    await waitFor(() => watchingNow() >= 2);

    // While the visitor watches: a failure note, a comment, a signature that replaces one, a stale
    // signature, a new member, a new title, and a rollback with its reason and trigger.
    await send(executor, { type: "item.status", itemId: itemIds[2], status: "FAILED", note: SECRET.failNote, expectedVersion: 0 });
    await send(executor, { type: "item.comment", itemId: itemIds[2], body: SECRET.comment });
    await send(approver, { type: "gate.sign", gateId: preGate, title: "QA Lead", decision: "APPROVE", comment: SECRET.signatureComment });
    await send(executor, { type: "item.status", itemId: itemIds[1], status: "DONE", expectedVersion: 1 });
    await send(lead, { type: "member.set", userId: newcomer.id, role: "VIEWER", titles: [] });
    await send(lead, { type: "plan.edit", title: "Sign-off test plan, tonight" });
    const last = await send(lead, { type: "plan.lifecycle", action: "trigger-rollback", reason: SECRET.rollbackReason, trigger: SECRET.rollbackTrigger });
    await waitFor(() => visitor.events().at(-1)?.seq === last.seq && remote.events().at(-1)?.seq === last.seq);
    const second = await snapshot();

    // Both processes delivered the same redacted stream, gap-free, one event per sequence number.
    expect(visitor.events().map((message) => message.seq)).toEqual([6, 7, 8, 9, 10, 11, 12]);
    expect(remote.events()).toEqual(visitor.events());
    expect(visitor.received.some((entry) => entry.name === "plan:presence")).toBe(false);

    const received = [...visitor.received, ...remote.received, { name: "catch-up", payload: catchUp }, { name: "snapshot", payload: [first, second] }];
    expectNoSecret(received);
    expect(sorted(new Set([...snapshotPaths(first), ...snapshotPaths(second)]))).toEqual(sorted(ALLOWED_SNAPSHOT));
    expect(sorted(eventPaths([...caughtUp, ...visitor.events(), ...remote.events(), ...first.activity, ...second.activity]))).toEqual(sorted(ALLOWED_EVENTS));
    const presencePaths = new Set(counts().flatMap((count) => [...keyPaths(count)]));
    expect(sorted(presencePaths)).toEqual(sorted(ALLOWED_PRESENCE));
    console.log(
      `share view, default settings: ${ALLOWED_SNAPSHOT.length} snapshot fields, ${ALLOWED_EVENTS.length} event fields, ${ALLOWED_PRESENCE.length} presence fields; ` +
        `${visitor.received.length} messages received live, ${caughtUp.length} caught up; no comment, note, reason or watcher name among them`,
    );

    // The lead turns discussion on: comments, notes, reasons and who did what arrive, in the
    // snapshot, in catch-up and live; the watcher count still names no one.
    const edited = await send(lead, { type: "plan.edit", shareShowsDiscussion: true });
    const comment = await send(executor, { type: "item.comment", itemId: itemIds[0], body: "VISIBLE-COMMENT" });
    await waitFor(() => visitor.events().at(-1)?.seq === comment.seq);
    const open = await snapshot();
    const replay = (await visitor.socket.emitWithAck("plan:sync", { planId, afterSeq: 0 })) as CatchUp;
    const replayed = replay.ok && "events" in replay ? replay.events : [];
    const live = visitor.events().filter((message) => message.seq >= edited.seq);
    expect(live.at(-1)!.event).toMatchObject({ type: "comment.added", comment: { body: "VISIBLE-COMMENT", author: SECRET.executor } });

    const openSnapshot = snapshotPaths(open);
    for (const path of DISCUSSION_SNAPSHOT) expect(openSnapshot, path).toContain(path);
    const openEvents = eventPaths([...replayed, ...live, ...open.activity]);
    for (const path of DISCUSSION_EVENTS) expect(openEvents, path).toContain(path);
    const openText = JSON.stringify([open, replayed]);
    for (const secret of [SECRET.comment, SECRET.skipNote, SECRET.failNote, SECRET.signatureComment, SECRET.rationale, SECRET.rollbackReason, SECRET.rollbackTrigger, SECRET.newcomer]) {
      expect(openText).toContain(secret);
    }
    // Share-link ids and the names of who is watching are never sent.
    expect(JSON.stringify([...visitor.received, open, replayed])).not.toContain(SECRET.watcher);
    expect(openEvents).not.toContain("share.created event.linkId");
  });
});
