import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { describeError } from "@/lib/describe-error";
import { parsePlanMarkdown } from "@/lib/import/parse-plan-markdown";
import { applyItemChange, applyPlanChange } from "@/lib/plan-state/apply-plan-change";
import type { Actor } from "@/lib/plan-state/plan-access";
import { tickInOneStatement, type ItemStatusChange } from "@/lib/plan-state/tick-statement";
import { createPlanFromDocument } from "@/lib/plans/create-plan";
import { resetDatabase } from "@/lib/testing/reset-database";

// Plain steps for the one statement, a measured one and a step that waits for the first, which it leaves to the full path.
const PLAN = `# One-statement tick

## Steps
${Array.from({ length: 12 }, (_, index) => `- [ ] Step ${index + 1}`).join("\n")}
- [ ] Error rate: __ % (<1% target)
- [ ] Waits for step 1
`;

let lead: Actor, executor: Actor, viewer: Actor, approver: Actor, outsider: Actor;
let planId: string;
let steps: string[];
let measured: string;
let waiting: string;

async function person(name: string, email: string): Promise<Actor> {
  const user = await db().user.create({ data: { name, email, passwordHash: "not-used" }, select: { id: true, name: true } });
  return { ...user, isAdmin: false };
}

const tick = (itemId: string, expectedVersion: number, status: ItemStatusChange["status"] = "DONE", note?: string): ItemStatusChange => ({ type: "item.status", itemId, status, expectedVersion, ...(note ? { note } : {}) });

async function refusal(actor: Actor, change: ItemStatusChange) {
  try {
    await applyPlanChange(actor, planId, change);
    return null;
  } catch (error) {
    return describeError(error);
  }
}

/** Everything a tick writes, to show that a refused or rolled-back one wrote none of it. */
async function written() {
  const [plan, items, events, deliveries, jobs] = await Promise.all([
    db().plan.findUniqueOrThrow({ where: { id: planId }, select: { lastSeq: true } }),
    db().planItem.findMany({ where: { planId }, orderBy: { position: "asc" }, select: { id: true, status: true, version: true } }),
    db().planEvent.count({ where: { planId } }),
    db().webhookDelivery.count(),
    db().notificationJob.count(),
  ]);
  return { lastSeq: plan.lastSeq, items, events, deliveries, jobs };
}

beforeEach(async () => {
  await resetDatabase();
  [lead, executor, viewer, approver, outsider] = await Promise.all([
    person("Lee Lead", "lead@example.com"),
    person("Eve Executor", "exec@example.com"),
    person("Vic Viewer", "viewer@example.com"),
    person("Ada Approver", "approver@example.com"),
    person("Oz Outsider", "outsider@example.com"),
  ]);
  planId = (await createPlanFromDocument({ document: parsePlanMarkdown(PLAN).document, createdById: lead.id })).id;
  await db().planMember.createMany({
    data: [
      { planId, userId: executor.id, role: "EXECUTOR" },
      { planId, userId: viewer.id, role: "VIEWER" },
      { planId, userId: approver.id, role: "APPROVER" },
    ],
  });
  const items = await db().planItem.findMany({ where: { planId }, orderBy: { position: "asc" }, select: { id: true, text: true } });
  steps = items.filter((item) => item.text.startsWith("Step")).map((item) => item.id);
  measured = items.find((item) => item.text.startsWith("Error rate"))!.id;
  waiting = items.find((item) => item.text.startsWith("Waits"))!.id;
  await db().planItemDependency.create({ data: { planId, itemId: waiting, dependsOnItemId: steps[0]!, position: 0 } });
  await db().webhookSubscription.create({ data: { planId, url: "https://hooks.example.com/preflight", events: ["item.changed"], format: "JSON", secretSealed: "not-used" } });
});

describe("the one-statement tick", () => {
  it("writes the item, the next sequence number, the event and both outbox rows in one statement", async () => {
    const done = await tickInOneStatement(executor, planId, tick(steps[0]!, 0, "SKIPPED", "not needed"));
    expect(done).not.toBeNull();
    const { message } = done!;
    expect(message).toMatchObject({ planId, seq: 1, actor: { id: executor.id, name: "Eve Executor" } });
    expect(message.event).toEqual({
      type: "item.changed",
      item: { id: steps[0], status: "SKIPPED", statusNote: "not needed", measuredValue: null, statusAt: message.at, changedBy: "Eve Executor", version: 1 },
      previousStatus: "PENDING",
    });
    // The log holds exactly what was broadcast, with its outbox rows.
    const stored = await db().planEvent.findUniqueOrThrow({ where: { planId_seq: { planId, seq: 1 } }, include: { webhookDeliveries: true, notificationJob: true } });
    expect(stored).toMatchObject({ type: "item.changed", actorId: executor.id, createdAt: new Date(message.at) });
    expect(stored.payload).toEqual({ actor: message.actor, event: message.event });
    expect(stored.webhookDeliveries).toHaveLength(1);
    expect(stored.notificationJob).not.toBeNull();
    expect(await db().planItem.findUniqueOrThrow({ where: { id: steps[0] } })).toMatchObject({ status: "SKIPPED", statusNote: "not needed", statusById: executor.id, statusAt: new Date(message.at), version: 1 });
    expect((await written()).lastSeq).toBe(1);
    // The room gets the delta.
    expect(done!.live).toEqual({ planId, seq: 1, at: message.at, actor: { id: executor.id }, event: { type: "item.delta", id: steps[0], version: 1, status: "SKIPPED", statusNote: "not needed" } });

    // Back to pending clears who and when, keeps a recorded value, and says what it was.
    const reset = await tickInOneStatement(lead, planId, tick(steps[0]!, 1, "PENDING"));
    expect(reset!.message.event).toMatchObject({ item: { status: "PENDING", statusNote: null, statusAt: null, changedBy: null, version: 2 }, previousStatus: "SKIPPED" });
    expect(reset!.message.seq).toBe(2);
  });

  it("answers a stale version with 409 and the item's fresh state, writing nothing", async () => {
    await applyPlanChange(lead, planId, tick(steps[1]!, 0, "FAILED", "smoke test red"));
    const before = await written();
    expect(await tickInOneStatement(executor, planId, tick(steps[1]!, 0))).toBeNull();
    const refused = await refusal(executor, tick(steps[1]!, 0));
    expect(refused?.status).toBe(409);
    expect(refused?.body.error).toMatchObject({ message: "Lee Lead changed this item first. It now shows their update.", item: { id: steps[1], status: "FAILED", statusNote: "smoke test red", changedBy: "Lee Lead", version: 1 } });
    expect(await written()).toEqual(before);
  });

  it("refuses a viewer and an approver with 403 and an outsider with 404, writing nothing", async () => {
    const before = await written();
    for (const who of [viewer, approver, outsider]) expect(await tickInOneStatement(who, planId, tick(steps[2]!, 0))).toBeNull();
    expect((await refusal(viewer, tick(steps[2]!, 0)))?.status).toBe(403);
    expect((await refusal(approver, tick(steps[2]!, 0)))?.status).toBe(403);
    expect((await refusal(outsider, tick(steps[2]!, 0)))?.status).toBe(404);
    expect((await refusal({ ...outsider, isAdmin: true }, tick(steps[2]!, 0)))?.status).toBe(403);
    expect(await written()).toEqual(before);
  });

  it("leaves a blocked step, a measured step and a finished plan to the full path's rules", async () => {
    const before = await written();
    expect(await tickInOneStatement(executor, planId, tick(waiting, 0))).toBeNull();
    const blocked = await refusal(executor, tick(waiting, 0));
    expect(blocked).toMatchObject({ status: 409, body: { error: { blockers: [{ itemId: steps[0] }] } } });
    expect(await tickInOneStatement(lead, planId, tick(measured, 0))).toBeNull();
    expect((await refusal(lead, tick(measured, 0)))?.status).toBe(422);
    expect(await written()).toEqual(before);

    // Skipping a blocked step is allowed, and needs no rule beyond the statement's.
    expect(await tickInOneStatement(executor, planId, tick(waiting, 0, "SKIPPED", "done by hand"))).not.toBeNull();
    // Once what it waits for is settled, Done takes the one statement too.
    await applyPlanChange(lead, planId, tick(steps[0]!, 0));
    expect(await tickInOneStatement(executor, planId, tick(waiting, 1))).not.toBeNull();

    await db().plan.update({ where: { id: planId }, data: { status: "COMPLETE" } });
    const finished = await written();
    expect(await tickInOneStatement(lead, planId, tick(steps[3]!, 0))).toBeNull();
    expect((await refusal(lead, tick(steps[3]!, 0)))?.status).toBe(409);
    expect(await written()).toEqual(finished);
  });

  it("keeps sequence numbers gap-free and in order when two clients tick at once, with one winner per version", async () => {
    // applyItemChange without the per-process queue: the two clients behave as two app processes would.
    const rounds = 4;
    const versions = new Map(steps.map((id) => [id, 0]));
    let refused = 0;
    for (let round = 0; round < rounds; round++) {
      const changes = steps.flatMap((id) => [
        { actor: lead, change: tick(id, versions.get(id)!, round % 2 ? "PENDING" : "DONE") },
        { actor: executor, change: tick(id, versions.get(id)!, round % 2 ? "PENDING" : "SKIPPED", "both at once") },
      ]);
      const outcomes = await Promise.allSettled(changes.map(({ actor, change }) => applyItemChange(actor, planId, change)));
      for (const outcome of outcomes) {
        if (outcome.status === "rejected") {
          expect(describeError(outcome.reason).status).toBe(409);
          refused += 1;
        } else if (outcome.value.message.event.type === "item.changed") versions.set(outcome.value.message.event.item.id, outcome.value.message.event.item.version);
      }
    }
    expect(refused).toBe(rounds * steps.length);
    const events = await db().planEvent.findMany({ where: { planId }, orderBy: { seq: "asc" }, select: { seq: true, payload: true } });
    expect(events.map((event) => event.seq)).toEqual(Array.from({ length: rounds * steps.length }, (_, index) => index + 1));
    // Each item's versions rise by one with each of its events, in sequence order.
    const seen = new Map<string, number>();
    for (const { payload } of events) {
      const item = (payload as { event: { item: { id: string; version: number } } }).event.item;
      expect(item.version).toBe((seen.get(item.id) ?? 0) + 1);
      seen.set(item.id, item.version);
    }
    expect((await written()).lastSeq).toBe(rounds * steps.length);
  });
});

describe("the one-statement tick's transaction", () => {
  afterEach(async () => {
    await db().$executeRawUnsafe(`DROP TRIGGER IF EXISTS refuse_jobs ON "NotificationJob"`);
    await db().$executeRawUnsafe(`DROP FUNCTION IF EXISTS refuse_jobs()`);
  });

  it("rolls back the item, the sequence, the event and the webhook delivery when the last outbox write fails", async () => {
    // The notification job is the statement's last write: failing it must undo everything before it.
    await db().$executeRawUnsafe(`CREATE FUNCTION refuse_jobs() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused by the test'; END $$`);
    await db().$executeRawUnsafe(`CREATE TRIGGER refuse_jobs BEFORE INSERT ON "NotificationJob" FOR EACH ROW EXECUTE FUNCTION refuse_jobs()`);
    const before = await written();
    await expect(tickInOneStatement(executor, planId, tick(steps[4]!, 0))).rejects.toThrow("refused by the test");
    expect(await written()).toEqual(before);
    expect(before).toMatchObject({ lastSeq: 0, events: 0, deliveries: 0, jobs: 0 });
  });
});
