import { beforeEach, describe, expect, it, vi } from "vitest";
import { TEST_AUTH_SECRET } from "@/lib/testing/live-harness";
import { db } from "@/lib/db";
import { parsePlanMarkdown } from "@/lib/import/parse-plan-markdown";
import { notify } from "@/lib/notifications/notify";
import { NOTIFICATION_RULES } from "@/lib/notifications/rules";
import type { CommittedEvent } from "@/lib/notifications/rules/notification-rule";
import { applyPlanChange } from "@/lib/plan-state/apply-plan-change";
import type { Actor } from "@/lib/plan-state/plan-access";
import { createPlanFromDocument } from "@/lib/plans/create-plan";
import { resetDatabase } from "@/lib/testing/reset-database";

// Sign-off request emails carry a signed link; the settings are read (once) after this line.
vi.stubEnv("AUTH_SECRET", TEST_AUTH_SECRET);

/**
 * The rules against a real plan: changes go through the one writer, then every rule runs on
 * the recorded PlanEvent rows, as the notification worker does after commit, and what they
 * derive is recorded with notify() (so a repeat of the same key is dropped as in production).
 */
const MARKDOWN = `# Release 4.2

## Pre-deployment
- [ ] Backup taken

## Deployment
- [ ] Deploy
- [ ] Smoke test

## Sign-Off
### Pre-Deployment Sign-Off
- [ ] QA Lead: ____ Date: ____

### Post-Deployment Sign-Off
- [ ] Product Manager: ____ Date: ____
`;

type Name = "lead" | "qa" | "pm" | "exec" | "dba" | "viewer" | "untitled" | "former";
const people = {} as Record<Name, Actor>;
const nameOf = new Map<string, Name>();
let planId: string;
let items: Record<"backup" | "deploy" | "smoke", { id: string }>;
let gates: Record<"pre" | "post", string>;
let deliveredSeq = 0;

async function person(name: Name): Promise<void> {
  const user = await db().user.create({ data: { name, email: `${name}@example.com`, passwordHash: "not-used" }, select: { id: true, name: true } });
  people[name] = { ...user, isAdmin: false };
  nameOf.set(user.id, name);
}

const change = (actor: Name, body: Record<string, unknown>) => applyPlanChange(people[actor], planId, body);

async function tick(actor: Name, item: keyof typeof items, status = "DONE") {
  const { version } = await db().planItem.findUniqueOrThrow({ where: { id: items[item].id }, select: { version: true } });
  await change(actor, { type: "item.status", itemId: items[item].id, status, expectedVersion: version });
}

async function eventsAfter(seq: number): Promise<CommittedEvent[]> {
  return db().planEvent.findMany({ where: { planId, seq: { gt: seq } }, orderBy: { seq: "asc" }, select: { id: true, planId: true, seq: true, type: true, actorId: true, payload: true, createdAt: true } });
}

/** Runs every rule on each event and records what they derive, one transaction per event. */
async function runRules(events: readonly CommittedEvent[]): Promise<void> {
  for (const event of events) {
    await db().$transaction(async (tx) => {
      for (const rule of NOTIFICATION_RULES) for (const notification of await rule(event, tx)) await notify(tx, notification);
    });
  }
}

/** Runs the rules on the events recorded since the last delivery, as the worker would. */
async function deliver(): Promise<void> {
  const events = await eventsAfter(deliveredSeq);
  await runRules(events);
  deliveredSeq = events.at(-1)?.seq ?? deliveredSeq;
}

/** "qa: <title>" for each notification of the kind, oldest first. */
async function received(kind: string): Promise<string[]> {
  const rows = await db().notification.findMany({ where: { kind: kind as never }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { userId: true, title: true } });
  return rows.map((row) => `${nameOf.get(row.userId)}: ${row.title}`);
}

beforeEach(async () => {
  await resetDatabase();
  deliveredSeq = 0;
  for (const name of ["lead", "qa", "pm", "exec", "dba", "viewer", "untitled", "former"] as const) await person(name);
  planId = (await createPlanFromDocument({ document: parsePlanMarkdown(MARKDOWN).document, createdById: people.lead.id })).id;
  await db().planMember.update({ where: { planId_userId: { planId, userId: people.lead.id } }, data: { titles: ["QA Lead"] } });
  await db().planMember.createMany({
    data: [
      { planId, userId: people.qa.id, role: "APPROVER", titles: ["QA Lead"] },
      { planId, userId: people.pm.id, role: "APPROVER", titles: ["Product Manager"] },
      { planId, userId: people.exec.id, role: "EXECUTOR", titles: [] },
      { planId, userId: people.dba.id, role: "EXECUTOR", titles: ["DBA"] },
      { planId, userId: people.viewer.id, role: "VIEWER", titles: ["QA Lead"] },
      { planId, userId: people.untitled.id, role: "APPROVER", titles: [] },
      { planId, userId: people.former.id, role: "APPROVER", titles: ["QA Lead"] },
    ],
  });
  const rows = await db().planItem.findMany({ where: { planId }, orderBy: { position: "asc" }, select: { id: true, text: true } });
  const byText = (text: string) => rows.find((row) => row.text === text)!;
  items = { backup: byText("Backup taken"), deploy: byText("Deploy"), smoke: byText("Smoke test") };
  const gateRows = await db().gate.findMany({ where: { planId }, orderBy: { position: "asc" }, select: { id: true, kind: true } });
  gates = { pre: gateRows.find((gate) => gate.kind === "PRE_DEPLOYMENT")!.id, post: gateRows.find((gate) => gate.kind === "POST_DEPLOYMENT")!.id };
  await change("lead", { type: "member.remove", userId: people.former.id });
});

describe("sign-off requests", () => {
  it("asks the approvers holding a title the gate needs when the plan is scheduled: not the lead, a viewer, a member without the title or a former member", async () => {
    await deliver();
    expect(await received("SIGNOFF_REQUESTED")).toEqual([]);

    await change("lead", { type: "plan.lifecycle", action: "schedule" });
    await deliver();
    expect(await received("SIGNOFF_REQUESTED")).toEqual(["qa: Sign-off needed: QA Lead for “Release 4.2”"]);
    const request = await db().notification.findFirstOrThrow({ where: { userId: people.qa.id } });
    expect(request.href).toBe(`/plans/${planId}/gates/${gates.pre}`);
    expect(request.dedupeKey).toBe(`signoff-requested:${gates.pre}:QA Lead:0`);

    // The same events again (a worker restarted mid-way) ask nobody twice.
    await runRules(await eventsAfter(0));
    expect(await received("SIGNOFF_REQUESTED")).toHaveLength(1);
  });

  it("asks the lead too once the plan allows self-approval", async () => {
    await change("lead", { type: "plan.lifecycle", action: "schedule" });
    await change("lead", { type: "plan.edit", allowSelfApproval: true });
    await deliver();
    expect((await received("SIGNOFF_REQUESTED")).sort()).toEqual(["lead: Sign-off needed: QA Lead for “Release 4.2”", "qa: Sign-off needed: QA Lead for “Release 4.2”"]);
  });

  it("asks again after a signature went stale, tells the signer it is stale, and asks for a Complete gate when its required step is done", async () => {
    await change("lead", { type: "gate.configure", gateId: gates.post, requiredItemIds: [items.smoke.id] });
    await change("lead", { type: "plan.lifecycle", action: "schedule" });
    await deliver();
    expect(await received("SIGNOFF_REQUESTED")).toEqual(["qa: Sign-off needed: QA Lead for “Release 4.2”"]);
    await tick("exec", "backup");
    await change("qa", { type: "gate.sign", gateId: gates.pre, title: "QA Lead", decision: "APPROVE" });
    await deliver();
    expect(await received("SIGNOFF_REQUESTED")).toHaveLength(1);

    await tick("exec", "backup", "PENDING");
    await deliver();
    expect(await received("SIGNATURE_STALE")).toEqual(["qa: Your QA Lead sign-off on “Pre-deployment sign-off” is stale (“Release 4.2”)"]);
    expect(await received("SIGNOFF_REQUESTED")).toEqual(["qa: Sign-off needed: QA Lead for “Release 4.2”", "qa: Sign-off needed: QA Lead for “Release 4.2”"]);
    expect(await db().notification.count({ where: { dedupeKey: `signoff-requested:${gates.pre}:QA Lead:1` } })).toBe(1);

    await tick("exec", "backup");
    await change("qa", { type: "gate.sign", gateId: gates.pre, title: "QA Lead", decision: "APPROVE" });
    await change("lead", { type: "plan.lifecycle", action: "start" });
    await deliver();
    expect(await received("SIGNOFF_REQUESTED")).toHaveLength(2);

    await tick("exec", "deploy");
    await deliver();
    expect((await received("SIGNOFF_REQUESTED")).some((entry) => entry.startsWith("pm:"))).toBe(false);
    await tick("exec", "smoke");
    await deliver();
    expect((await received("SIGNOFF_REQUESTED")).filter((entry) => entry.startsWith("pm:"))).toEqual(["pm: Sign-off needed: Product Manager for “Release 4.2”"]);
  });
});

describe("the run", () => {
  beforeEach(async () => {
    await change("lead", { type: "plan.edit", allowSelfApproval: true });
    await change("lead", { type: "gate.sign", gateId: gates.pre, title: "QA Lead", decision: "APPROVE" });
  });

  it("tells a step's owners once when what it waits for is done, and not before", async () => {
    await change("lead", { type: "item.plan", itemId: items.deploy.id, expectedVersion: 0, owners: [{ userId: people.exec.id }] });
    await change("lead", { type: "item.plan", itemId: items.smoke.id, expectedVersion: 0, owners: [{ title: "DBA" }], dependsOn: [{ itemId: items.deploy.id }] });
    await change("lead", { type: "plan.lifecycle", action: "start" });
    await deliver();
    expect(await received("PLAN_STARTED")).toHaveLength(6);
    expect((await received("PLAN_STARTED")).some((entry) => entry.startsWith("lead:") || entry.startsWith("former:"))).toBe(false);
    // Deploy waits for the backup (the step before it): nobody is told yet.
    expect(await received("STEP_UP_NEXT")).toEqual([]);

    await tick("lead", "backup");
    await deliver();
    expect(await received("STEP_UP_NEXT")).toEqual(["exec: Your step is next: “Deploy” in “Release 4.2”"]);

    await tick("exec", "deploy");
    await deliver();
    expect(await received("STEP_UP_NEXT")).toEqual(["exec: Your step is next: “Deploy” in “Release 4.2”", "dba: Your step is next: “Smoke test” in “Release 4.2”"]);
    expect((await db().notification.findFirstOrThrow({ where: { userId: people.dba.id, kind: "STEP_UP_NEXT" } })).href).toBe(`/plans/${planId}#item-${items.smoke.id}`);

    // Un-ticking and ticking again, or the worker running the events again, tells nobody twice.
    await tick("exec", "deploy", "PENDING");
    await tick("exec", "deploy");
    await deliver();
    await runRules(await eventsAfter(0));
    expect(await received("STEP_UP_NEXT")).toHaveLength(2);
  });

  it("tells everyone but the lead that the plan rolls back, and why", async () => {
    await change("lead", { type: "plan.lifecycle", action: "start" });
    await change("lead", { type: "plan.lifecycle", action: "trigger-rollback", reason: "Error rate above 5%" });
    await deliver();
    const rollbacks = await db().notification.findMany({ where: { kind: "ROLLBACK_TRIGGERED" }, select: { userId: true, title: true, body: true } });
    expect(rollbacks.map((row) => nameOf.get(row.userId)).sort()).toEqual(["dba", "exec", "pm", "qa", "untitled", "viewer"]);
    expect(rollbacks[0]).toMatchObject({ title: "Rollback triggered: “Release 4.2”", body: "“Release 4.2” is rolling back. Reason: Error rate above 5%" });
  });
});
