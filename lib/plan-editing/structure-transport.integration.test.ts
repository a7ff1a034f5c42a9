import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { parsePlanMarkdown } from "@/lib/import/parse-plan-markdown";
import type { PlanEventMessage } from "@/lib/plan-state/events";
import { createPlanFromDocument } from "@/lib/plans/create-plan";
import { startAppProcess, UNLIMITED_CHANGES, type AppProcess } from "@/lib/testing/app-process";
import { integrationDatabase } from "@/lib/testing/integration-env";
import { connectClient, sessionCookie, waitFor, type LiveClient } from "@/lib/testing/live-harness";
import { resetDatabase } from "@/lib/testing/reset-database";

/**
 * Every structural change type through the real server, over HTTP (POST /api/plans/:id/changes)
 * and over the socket (plan:change), with no code for them at either edge beyond the change
 * schema: each is recorded once and reaches a watcher live; each refusal by the rules comes
 * back with its status and message, and a version conflict with the fresh state.
 * Rights by role are in lib/signoffs/authorization-matrix.integration.test.ts.
 */
const PLAN = `# Transport test plan

## Prepare
- [ ] Backup taken
- [ ] Tests passing

## Deploy
- [ ] Roll out
`;

type Person = { id: string; name: string };
let app: AppProcess;
let lead: Person;
let executor: Person;
let planId: string;
const clients: LiveClient[] = [];

beforeAll(async () => {
  app = await startAppProcess(integrationDatabase().url, { env: UNLIMITED_CHANGES });
}, 120_000);

afterAll(async () => {
  clients.splice(0).forEach((client) => client.close());
  await app?.stop();
});

beforeEach(async () => {
  clients.splice(0).forEach((client) => client.close());
  await resetDatabase();
  [lead, executor] = await Promise.all([
    db().user.create({ data: { name: "Lee Lead", email: "lead@example.com", passwordHash: "not-used" }, select: { id: true, name: true } }),
    db().user.create({ data: { name: "Eve Executor", email: "exec@example.com", passwordHash: "not-used" }, select: { id: true, name: true } }),
  ]);
  planId = (await createPlanFromDocument({ document: parsePlanMarkdown(PLAN).document, createdById: lead.id })).id;
  await db().planMember.create({ data: { planId, userId: executor.id, role: "EXECUTOR" } });
});

interface Answer {
  status: number;
  event?: PlanEventMessage;
  error?: { message: string; item?: { text: string; version: number }; section?: { title: string; version: number } };
}

async function overHttp(change: unknown): Promise<Answer> {
  const response = await fetch(`${app.url}/api/plans/${planId}/changes`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: app.url, cookie: await sessionCookie(lead.id, lead.name) },
    body: JSON.stringify(change),
  });
  const body = (await response.json()) as { event?: PlanEventMessage; error?: Answer["error"] };
  return { status: response.status, ...body };
}

async function overSocket(change: unknown): Promise<Answer> {
  const client = await connectClient(app.url, lead);
  clients.push(client);
  const answer = await client.change(planId, change);
  return answer.ok ? { status: 201, event: answer.message } : { status: answer.status, error: answer.error as Answer["error"] };
}

const sectionId = async (title: string) => (await db().planSection.findFirstOrThrow({ where: { planId, title } })).id;
const itemId = async (text: string) => (await db().planItem.findFirstOrThrow({ where: { planId, text } })).id;

/** Every change type, in an order where each applies to the plan the ones before left. */
const CHANGES: { name: string; change: () => Promise<Record<string, unknown>>; event: string }[] = [
  { name: "section.add", change: async () => ({ type: "section.add", title: "Verify", afterSectionId: await sectionId("Deploy") }), event: "section.added" },
  { name: "section.edit", change: async () => ({ type: "section.edit", sectionId: await sectionId("Verify"), expectedVersion: 0, title: "Verification", plannedMinutes: 15 }), event: "section.edited" },
  { name: "section.move", change: async () => ({ type: "section.move", sectionId: await sectionId("Verification"), expectedVersion: 1, afterSectionId: null }), event: "section.moved" },
  { name: "item.add", change: async () => ({ type: "item.add", sectionId: await sectionId("Verification"), text: "Smoke tests pass", commands: [{ language: "bash", code: "make smoke" }] }), event: "item.added" },
  { name: "item.edit", change: async () => ({ type: "item.edit", itemId: await itemId("Smoke tests pass"), expectedVersion: 0, text: "Smoke tests green", critical: true }), event: "item.edited" },
  { name: "item.move", change: async () => ({ type: "item.move", itemId: await itemId("Smoke tests green"), expectedVersion: 1, sectionId: await sectionId("Deploy"), afterItemId: await itemId("Roll out") }), event: "item.moved" },
  { name: "item.remove", change: async () => ({ type: "item.remove", itemId: await itemId("Backup taken"), expectedVersion: 0 }), event: "item.removed" },
  { name: "section.remove", change: async () => ({ type: "section.remove", sectionId: await sectionId("Verification"), expectedVersion: 2 }), event: "section.removed" },
  { name: "plan.undo", change: async () => ({ type: "plan.undo" }), event: "section.added" },
];

describe.each(["HTTP", "socket"] as const)("structural changes over %s", (transport) => {
  const send = (change: unknown) => (transport === "HTTP" ? overHttp(change) : overSocket(change));

  it("records every change type once and sends it live to a watcher", async () => {
    const watcher = await connectClient(app.url, executor);
    clients.push(watcher);
    await watcher.join(planId);
    for (const { name, change, event } of CHANGES) {
      const before = (await db().plan.findUniqueOrThrow({ where: { id: planId } })).lastSeq;
      const answer = await send(await change());
      expect(answer.status, `${name}: ${answer.error?.message}`).toBe(201);
      expect(answer.event?.event.type).toBe(event);
      expect((await db().plan.findUniqueOrThrow({ where: { id: planId } })).lastSeq).toBe(before + 1);
      await waitFor(() => watcher.events.some((message) => message.seq === before + 1));
      expect(watcher.events.find((message) => message.seq === before + 1)?.event.type).toBe(event);
    }
    expect((await db().planSection.findMany({ where: { planId }, orderBy: { position: "asc" } })).map((row) => row.title)).toEqual(["Verification", "Prepare", "Deploy"]);
    expect((await db().planItem.findMany({ where: { planId }, orderBy: { position: "asc" } })).map((row) => row.text)).toEqual(["Tests passing", "Roll out", "Smoke tests green"]);
  });

  it("refuses by the rules with the status and a message, and a version conflict with the fresh state", async () => {
    const rollOut = await itemId("Roll out");
    expect(await send({ type: "item.edit", itemId: rollOut, expectedVersion: 0, text: "Roll out v2" })).toMatchObject({ status: 201 });
    expect(await send({ type: "item.edit", itemId: rollOut, expectedVersion: 0, text: "Roll out v3" })).toMatchObject({
      status: 409,
      error: { message: "Someone changed “Roll out v2” first. It now shows their update.", item: { text: "Roll out v2", version: 1 } },
    });
    const deploy = await sectionId("Deploy");
    expect(await send({ type: "section.edit", sectionId: deploy, expectedVersion: 3, title: "Rollout" })).toMatchObject({ status: 409, error: { section: { title: "Deploy", version: 0 } } });
    expect(await send({ type: "item.add", sectionId: deploy, text: "" })).toMatchObject({ status: 400, error: { message: "A step needs some text." } });
    expect(await send({ type: "item.remove", itemId: "missing", expectedVersion: 0 })).toMatchObject({ status: 404 });

    await db().plan.update({ where: { id: planId }, data: { status: "IN_PROGRESS", startedAt: new Date() } });
    expect(await send({ type: "section.add", title: "Late" })).toMatchObject({ status: 409, error: { message: expect.stringContaining("While the plan runs") } });
    expect(await send({ type: "item.add", sectionId: deploy, text: "Flush caches" })).toMatchObject({ status: 201, event: { event: { item: { addedDuringRun: true } } } });

    await db().plan.update({ where: { id: planId }, data: { status: "ABORTED", finishedAt: new Date() } });
    for (const { change } of CHANGES.slice(0, 1)) expect(await send(await change())).toMatchObject({ status: 409, error: { message: "This plan has finished; it is read-only now." } });
  });
});

describe("history over HTTP", () => {
  it("lists the edits with before and after, and diffs against the document and a chosen time", async () => {
    const cookie = await sessionCookie(lead.id, lead.name);
    await overHttp({ type: "item.edit", itemId: await itemId("Tests passing"), expectedVersion: 0, text: "All tests passing" });
    const middle = new Date();
    await new Promise((resolve) => setTimeout(resolve, 20));
    await overHttp({ type: "item.add", sectionId: await sectionId("Deploy"), text: "Smoke tests pass" });
    const response = await fetch(`${app.url}/api/plans/${planId}/history?at=${encodeURIComponent(middle.toISOString())}`, { headers: { cookie } });
    expect(response.status).toBe(200);
    const history = (await response.json()) as {
      edits: { actor: string; description: string; before: string | null; after: string | null }[];
      sinceCreation: { kind: string; lines: string[] }[];
      sinceTime: { diff: { kind: string; lines: string[] }[] };
    };
    expect(history.edits.map((edit) => [edit.actor, edit.description])).toEqual([
      ["Lee Lead", "Lee Lead added the step “Smoke tests pass”"],
      ["Lee Lead", "Lee Lead reworded “Tests passing” to “All tests passing”"],
    ]);
    expect(history.edits[1]).toMatchObject({ before: "Tests passing", after: "All tests passing" });
    expect(history.sinceCreation.filter((part) => part.kind !== "same")).toEqual([
      { kind: "removed", lines: ["- Tests passing"] },
      { kind: "added", lines: ["- All tests passing"] },
      { kind: "added", lines: ["- Smoke tests pass"] },
    ]);
    expect(history.sinceTime.diff.filter((part) => part.kind !== "same")).toEqual([{ kind: "added", lines: ["- Smoke tests pass"] }]);

    const page = await fetch(`${app.url}/plans/${planId}/changes`, { headers: { cookie } });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("Lee Lead reworded “Tests passing” to “All tests passing”");
    expect(html).toContain("Against the document it came from");

    const outsider = await db().user.create({ data: { name: "Oz Outsider", email: "oz@example.com", passwordHash: "not-used" }, select: { id: true, name: true } });
    expect((await fetch(`${app.url}/api/plans/${planId}/history`, { headers: { cookie: await sessionCookie(outsider.id, outsider.name) } })).status).toBe(404);
    expect((await fetch(`${app.url}/api/plans/${planId}/history`)).status).toBe(401);
    expect((await fetch(`${app.url}/api/plans/${planId}/history?at=yesterday`, { headers: { cookie } })).status).toBe(400);
  });
});
