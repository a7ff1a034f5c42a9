import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { parsePlanMarkdown } from "@/lib/import/parse-plan-markdown";
import { applyPlanChange } from "@/lib/plan-state/apply-plan-change";
import { receiveLiveEvents } from "@/lib/plan-state/live-delta";
import { loadLiveState } from "@/lib/plan-state/read-plan-state";
import { createPlanFromDocument } from "@/lib/plans/create-plan";
import { exportPlanAsMarkdown } from "@/lib/plans/export-plan";
import { describeEvent } from "@/lib/plan-state/describe-event";
import type { ChangeAnswer } from "@/lib/realtime/socket-contract";
import { integrationDatabase } from "@/lib/testing/integration-env";
import { connectClient, startServerProcess, waitFor, type LiveClient, type ServerProcess } from "@/lib/testing/live-harness";
import { resetDatabase } from "@/lib/testing/reset-database";

/**
 * item.plan (owners, dependencies, planned minutes) and the dependency rule on ticks, through
 * the one writer and through the socket against a real server. The HTTP edge and every role
 * are in lib/signoffs/authorization-matrix.integration.test.ts.
 */
const MARKDOWN = `# Planning test plan

## Preparation
- [ ] Back up the database
- [ ] Announce the window

## Deploy
- [ ] Deploy
- [ ] Smoke test
`;

type Person = { id: string; name: string; isAdmin: false };
let lead: Person, executor: Person, viewer: Person, outsider: Person;
let planId: string;
let items: Record<"backup" | "announce" | "deploy" | "smoke", string>;
let sections: Record<"prep" | "deploy", string>;
let server: ServerProcess;
const clients: LiveClient[] = [];

async function person(name: string, email: string): Promise<Person> {
  const user = await db().user.create({ data: { name, email, passwordHash: "not-used" }, select: { id: true, name: true } });
  return { ...user, isAdmin: false };
}

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

const plan = (itemId: string, fields: Record<string, unknown>, expectedVersion = 0) => ({ type: "item.plan", itemId, expectedVersion, ...fields });
const tick = (itemId: string, status = "DONE", extra: Record<string, unknown> = {}) => ({ type: "item.status", itemId, status, expectedVersion: 0, ...extra });

beforeAll(async () => {
  server = await startServerProcess(integrationDatabase().url);
});

afterAll(async () => {
  clients.forEach((connected) => connected.close());
  await server?.stop();
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
      { planId, userId: executor.id, role: "EXECUTOR", titles: ["DevOps Lead"] },
      { planId, userId: viewer.id, role: "VIEWER" },
    ],
  });
  const rows = await db().planItem.findMany({ where: { planId }, orderBy: { position: "asc" }, select: { id: true } });
  items = { backup: rows[0]!.id, announce: rows[1]!.id, deploy: rows[2]!.id, smoke: rows[3]!.id };
  const sectionRows = await db().planSection.findMany({ where: { planId }, orderBy: { position: "asc" }, select: { id: true, title: true } });
  sections = { prep: sectionRows.find((row) => row.title === "Preparation")!.id, deploy: sectionRows.find((row) => row.title === "Deploy")!.id };
});

describe("item.plan", () => {
  it("sets owners, dependencies and minutes in one event that every watcher applies", async () => {
    const watcher = await connectClient(server.url, viewer);
    const writer = await connectClient(server.url, lead);
    clients.push(watcher, writer);
    const before = await loadLiveState(planId);
    await watcher.join(planId, before!.seq);

    const answer = (await writer.change(planId, plan(items.deploy, { owners: [{ userId: executor.id }, { title: "devops lead" }], dependsOn: [{ sectionId: sections.prep }], plannedMinutes: 15 }))) as ChangeAnswer;
    expect(answer.ok).toBe(true);
    await waitFor(() => watcher.events.length === 1);
    const expected = { owners: [{ userId: executor.id }, { title: "DevOps Lead" }], dependsOn: [{ sectionId: sections.prep }], plannedMinutes: 15 };
    expect(watcher.events[0]!.event).toMatchObject({ type: "item.planned", item: { id: items.deploy, version: 1 }, planning: expected });

    const replayed = receiveLiveEvents(before!, watcher.events).state;
    const fresh = await loadLiveState(planId);
    expect(replayed.planning[items.deploy]).toEqual(expected);
    expect(fresh!.planning[items.deploy]).toEqual(expected);
    expect(fresh!.items[items.deploy]!.version).toBe(1);
  });

  it("refuses anyone but the lead, over the socket, and writes nothing", async () => {
    const executorClient = await connectClient(server.url, executor);
    const outsiderClient = await connectClient(server.url, outsider);
    clients.push(executorClient, outsiderClient);
    expect(await executorClient.change(planId, plan(items.deploy, { plannedMinutes: 5 }))).toMatchObject({ ok: false, status: 403 });
    expect(await outsiderClient.change(planId, plan(items.deploy, { plannedMinutes: 5 }))).toMatchObject({ ok: false, status: 404 });
    expect(await db().planEvent.count({ where: { planId } })).toBe(0);
    expect((await db().planItem.findUniqueOrThrow({ where: { id: items.deploy } })).plannedDurationMinutes).toBeNull();
  });

  it("refuses owners who are not on the plan, unknown titles and dependencies outside the plan", async () => {
    const otherPlan = await createPlanFromDocument({ document: parsePlanMarkdown(MARKDOWN).document, createdById: lead.id });
    const foreignItem = (await db().planItem.findFirstOrThrow({ where: { planId: otherPlan.id } })).id;
    expect((await refusal(applyPlanChange(lead, planId, plan(items.deploy, { owners: [{ userId: outsider.id }] })))).status).toBe(422);
    expect((await refusal(applyPlanChange(lead, planId, plan(items.deploy, { owners: [{ title: "Chief Vibes Officer" }] })))).status).toBe(422);
    expect((await refusal(applyPlanChange(lead, planId, plan(items.deploy, { dependsOn: [{ itemId: foreignItem }] })))).status).toBe(422);
    expect(await db().planItemOwner.count()).toBe(0);
    expect(await db().planItemDependency.count()).toBe(0);
  });

  it("keeps a title that already owns a step, as an imported role nobody holds yet, when that step's owners are saved again", async () => {
    // The importer makes "DBA" a title owner though no member holds it and no sign-off asks for it.
    await db().planItemOwner.create({ data: { planId, itemId: items.backup, position: 0, title: "DBA" } });
    await applyPlanChange(lead, planId, plan(items.backup, { owners: [{ title: "dba" }, { userId: executor.id }] }));
    expect((await loadLiveState(planId))!.planning[items.backup]!.owners).toEqual([{ title: "DBA" }, { userId: executor.id }]);
    // Another step may take it too; a title nobody on the plan uses is still refused.
    await applyPlanChange(lead, planId, plan(items.announce, { owners: [{ title: "DBA" }] }));
    expect((await refusal(applyPlanChange(lead, planId, plan(items.deploy, { owners: [{ title: "Chief Vibes Officer" }] })))).status).toBe(422);
  });

  it("refuses a loop with 409 and a message naming it", async () => {
    await applyPlanChange(lead, planId, plan(items.deploy, { dependsOn: [{ itemId: items.smoke }] }));
    const loop = await refusal(applyPlanChange(lead, planId, plan(items.smoke, { dependsOn: [{ itemId: items.deploy }] })));
    expect(loop.status).toBe(409);
    expect(loop.message).toBe("These dependencies would make a loop: Smoke test → Deploy → Smoke test.");
    const ownSection = await refusal(applyPlanChange(lead, planId, plan(items.backup, { dependsOn: [{ sectionId: sections.prep }] })));
    expect(ownSection.message).toContain("Back up the database → section “Preparation” → Back up the database");
    expect(await db().planItemDependency.count()).toBe(1);
  });

  it("decides between two writers of the same step by its version", async () => {
    await applyPlanChange(lead, planId, plan(items.deploy, { plannedMinutes: 10 }));
    const stale = await refusal(applyPlanChange(lead, planId, plan(items.deploy, { plannedMinutes: 20 })));
    expect(stale.status).toBe(409);
    expect(stale.details).toMatchObject({ item: { id: items.deploy, version: 1 } });
    await applyPlanChange(lead, planId, plan(items.deploy, { plannedMinutes: 20 }, 1));
    expect((await db().planItem.findUniqueOrThrow({ where: { id: items.deploy } })).plannedDurationMinutes).toBe(20);
  });
});

describe("ticking a step that waits for others", () => {
  beforeEach(async () => {
    await applyPlanChange(lead, planId, plan(items.smoke, { dependsOn: [{ itemId: items.deploy }, { sectionId: sections.prep }] }));
  });

  it("refuses Done with 409 and the blocking steps, over the socket", async () => {
    const executorClient = await connectClient(server.url, executor);
    clients.push(executorClient);
    const answer = await executorClient.change(planId, tick(items.smoke, "DONE", { expectedVersion: 1 }));
    expect(answer).toMatchObject({ ok: false, status: 409, error: { code: "conflict", blockers: [{ itemId: items.backup }, { itemId: items.announce }, { itemId: items.deploy }] } });
    expect(answer.ok ? "" : answer.error.message).toContain("Waiting for Back up the database, Announce the window, Deploy");
    expect((await db().planItem.findUniqueOrThrow({ where: { id: items.smoke } })).status).toBe("PENDING");
  });

  it("allows Done once every predecessor is settled, a whole section included", async () => {
    await applyPlanChange(executor, planId, tick(items.backup));
    await applyPlanChange(executor, planId, tick(items.announce, "NOT_APPLICABLE"));
    await expect(applyPlanChange(executor, planId, tick(items.smoke, "DONE", { expectedVersion: 1 }))).rejects.toMatchObject({ status: 409, details: { blockers: [{ itemId: items.deploy }] } });
    await applyPlanChange(executor, planId, tick(items.deploy));
    await expect(applyPlanChange(executor, planId, tick(items.smoke, "DONE", { expectedVersion: 1 }))).resolves.toBeTruthy();
  });

  it("lets an executor skip a blocked step but not override; the lead's override is recorded", async () => {
    expect((await refusal(applyPlanChange(executor, planId, tick(items.smoke, "DONE", { expectedVersion: 1, override: { reason: "I know" } })))).status).toBe(403);
    const overridden = await applyPlanChange(lead, planId, tick(items.smoke, "DONE", { expectedVersion: 1, override: { reason: "Deployed by hand" } }));
    expect(overridden.message.event).toMatchObject({ type: "item.changed", override: { reason: "Deployed by hand", blockers: [{ itemId: items.backup }, { itemId: items.announce }, { itemId: items.deploy }] } });
    const stored = await db().planEvent.findFirstOrThrow({ where: { planId, seq: overridden.message.seq } });
    expect(stored.payload).toMatchObject({ event: { override: { reason: "Deployed by hand" } } });
    const texts: Record<string, string> = { [items.smoke]: "Smoke test", [items.backup]: "Back up the database", [items.announce]: "Announce the window", [items.deploy]: "Deploy" };
    expect(describeEvent(overridden.message, (id) => texts[id])).toBe(
      "Lee Lead marked “Smoke test” done before “Back up the database”, “Announce the window”, “Deploy” (override: Deployed by hand)",
    );
    const { markdown } = await exportPlanAsMarkdown(planId, { id: lead.id, role: "MEMBER" });
    expect(markdown).toContain("**Dependency override**: “Smoke test” done before “Back up the database”, “Announce the window”, “Deploy”: Deployed by hand (Lee Lead, ");

    await applyPlanChange(lead, planId, plan(items.announce, { dependsOn: [{ itemId: items.deploy }] }));
    await expect(applyPlanChange(executor, planId, tick(items.announce, "SKIPPED", { expectedVersion: 1, note: "Announced yesterday" }))).resolves.toBeTruthy();
  });
});
