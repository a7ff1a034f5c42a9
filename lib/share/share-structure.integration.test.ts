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
import { sessionCookie, waitFor } from "@/lib/testing/live-harness";
import { resetDatabase } from "@/lib/testing/reset-database";

/**
 * Structural edits reach a share link's visitors live, over the real socket and in catch-up,
 * as lib/share/redact-structure-for-share.ts shapes them: what the checklist needs, never a
 * step's notes, its owners or the document parts a removal keeps for undo.
 */
const SECRET = { notes: "NOTES-SECRET", command: "COMMAND-SECRET", lead: "LEAD-SECRET" };

let app: AppProcess;
let socket: Socket | undefined;

beforeAll(async () => {
  app = await startAppProcess(integrationDatabase().url);
}, 90_000);

afterAll(async () => {
  socket?.close();
  await app?.stop();
});

describe("structural edits on a share link", () => {
  it("arrive live and in catch-up, without notes, owners, hidden commands or who made them", async () => {
    await resetDatabase();
    const lead = await db().user.create({ data: { name: `Lee ${SECRET.lead}`, email: "lee@example.com", passwordHash: "not-used" }, select: { id: true, name: true } });
    const document = parsePlanMarkdown("# Shared structure\n\n## Prepare\n- [ ] Backup taken\n").document;
    const planId = (await createPlanFromDocument({ document, createdById: lead.id })).id;
    const shareToken = (await applyPlanChange({ id: lead.id, name: lead.name, isAdmin: false }, planId, { type: "share.create" })).shareToken!;
    const cookie = await sessionCookie(lead.id, lead.name);
    const send = async (change: Record<string, unknown>): Promise<PlanEventMessage> => {
      const response = await fetch(`${app.url}/api/plans/${planId}/changes`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: app.url, cookie },
        body: JSON.stringify(change),
      });
      const body = (await response.json()) as { event: PlanEventMessage };
      expect(response.status, JSON.stringify(body)).toBe(201);
      return body.event;
    };

    socket = connect(app.url, { path: "/socket.io", transports: ["websocket"], forceNew: true, reconnection: false, auth: { shareToken } });
    const received: PlanEventMessage[] = [];
    socket.on("plan:event", (message: PlanEventMessage) => received.push(message));
    await new Promise<void>((resolve, reject) => {
      socket!.once("connect", () => resolve());
      socket!.once("connect_error", reject);
    });
    const joined = (await socket.emitWithAck("plan:join", { planId, lastSeq: 1 })) as CatchUp;
    expect(joined.ok).toBe(true);

    // Added with notes, a command and an owner; reworded; its section removed and put back by undo; moved.
    const verify = (await send({ type: "section.add", title: "Verify" })).event;
    const sectionId = verify.type === "section.added" ? verify.section.id : "";
    const added = (await send({ type: "item.add", sectionId, text: "Smoke tests green", notes: SECRET.notes, commands: [{ language: "bash", code: SECRET.command }], owners: [{ userId: lead.id }], plannedMinutes: 5 })).event;
    const itemId = added.type === "item.added" ? added.item.id : "";
    await send({ type: "item.edit", itemId, expectedVersion: 0, text: "Smoke tests and canary green" });
    const sectionVersion = (await db().planSection.findUniqueOrThrow({ where: { id: sectionId }, select: { version: true } })).version;
    await send({ type: "section.remove", sectionId, expectedVersion: sectionVersion });
    await send({ type: "plan.undo" });
    const prepare = await db().planSection.findFirstOrThrow({ where: { planId, title: "Prepare" }, select: { id: true } });
    const itemVersion = (await db().planItem.findUniqueOrThrow({ where: { id: itemId }, select: { version: true } })).version;
    const last = await send({ type: "item.move", itemId, expectedVersion: itemVersion, sectionId: prepare.id, afterItemId: null });
    await waitFor(() => received.at(-1)?.seq === last.seq);

    expect(received.map((message) => message.event.type)).toEqual(["section.added", "item.added", "item.edited", "section.removed", "section.added", "item.moved"]);
    const [, itemAdded, itemEdited, sectionRemoved, sectionRestored, itemMoved] = received.map((message) => message.event);
    expect(itemAdded).toEqual({ type: "item.added", item: expect.objectContaining({ id: itemId, text: "Smoke tests green", notes: null, commands: [] }) });
    expect(itemEdited).toMatchObject({ before: { text: "Smoke tests green" }, item: { text: "Smoke tests and canary green" } });
    expect(sectionRemoved).toMatchObject({ removed: { sections: [{ id: sectionId }], items: [{ id: itemId }], documentSections: [], documentItems: [] } });
    expect(sectionRestored).toMatchObject({ restored: { items: [{ id: itemId, notes: null }], documentSections: [], documentItems: [] } });
    expect(itemMoved).toMatchObject({ item: { id: itemId, sectionId: prepare.id } });
    expect(received.every((message) => message.actor === null)).toBe(true);

    // What a visitor who was away gets, and the snapshot's feed, are the same.
    const replay = (await socket.emitWithAck("plan:sync", { planId, afterSeq: 1 })) as CatchUp;
    const replayed = replay.ok && "events" in replay ? replay.events : [];
    expect(replayed).toEqual(received);
    const snapshot = (await (await fetch(`${app.url}/api/share/${shareToken}/live`)).json()) as { state: PlanLiveState };
    expect(snapshot.state.activity.map((message) => message.seq)).toEqual(received.map((message) => message.seq).reverse());

    const everything = JSON.stringify([received, replayed, snapshot]);
    for (const secret of Object.values(SECRET)) expect(everything).not.toContain(secret);
    // Who owns the new step and what it waits for name people and serve those who tick.
    expect(JSON.stringify([received, replayed, snapshot.state.activity])).not.toContain('"planning"');
  });
});
