import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { describeError } from "@/lib/describe-error";
import { parsePlanMarkdown } from "@/lib/import/parse-plan-markdown";
import { applyPlanChange } from "@/lib/plan-state/apply-plan-change";
import type { Actor } from "@/lib/plan-state/plan-access";
import { loadLiveState } from "@/lib/plan-state/read-plan-state";
import { createPlanFromDocument } from "@/lib/plans/create-plan";
import { exportPlanAsMarkdown } from "@/lib/plans/export-plan";
import { SIGNOFF_PLAN_MARKDOWN } from "@/lib/testing/signoff-test-plan";
import { gateStructureOf, liveGateStatuses } from "@/lib/signoffs/live-gates";
import { resetDatabase } from "@/lib/testing/reset-database";

let lead: Actor, qa: Actor, qa2: Actor, cto: Actor;
let planId: string;
let items: { id: string; version: number }[];
let goGate: string, preGate: string;

async function account(name: string, email: string): Promise<Actor> {
  const user = await db().user.create({ data: { name, email, passwordHash: "not-used" }, select: { id: true, name: true } });
  return { ...user, isAdmin: false };
}

/** Applies a change and returns the error it was refused with (status and message), or null. */
async function refusal(actor: Actor, change: unknown): Promise<{ status: number; message: string } | null> {
  try {
    await applyPlanChange(actor, planId, change);
    return null;
  } catch (error) {
    const { status, body } = describeError(error);
    return { status, message: body.error.message };
  }
}

async function gates() {
  const state = (await loadLiveState(planId))!;
  const plan = await db().gate.findMany({ where: { planId }, orderBy: { position: "asc" }, include: { roles: { orderBy: { position: "asc" } } } });
  return Object.fromEntries(liveGateStatuses(plan.map(gateStructureOf), state).map(({ gate, status }) => [gate.id, status]));
}

const tick = (index: number, status = "DONE") => ({ type: "item.status", itemId: items[index]!.id, status, expectedVersion: items[index]!.version });
const approve = (title: string) => ({ type: "gate.sign", gateId: preGate, title, decision: "APPROVE" });

beforeEach(async () => {
  await resetDatabase();
  [lead, qa, qa2, cto] = await Promise.all([
    account("Lee Lead", "lead@example.com"),
    account("Quinn QA", "qa@example.com"),
    account("Quincy QA", "qa2@example.com"),
    account("Casey CTO", "cto@example.com"),
  ]);
  planId = (await createPlanFromDocument({ document: parsePlanMarkdown(SIGNOFF_PLAN_MARKDOWN).document, createdById: lead.id })).id;
  await db().planMember.update({ where: { planId_userId: { planId, userId: lead.id } }, data: { titles: ["QA Lead", "CTO"] } });
  await db().planMember.createMany({
    data: [
      { planId, userId: qa.id, role: "APPROVER", titles: ["QA Lead"] },
      { planId, userId: qa2.id, role: "APPROVER", titles: ["QA Lead", "Tech Lead"] },
      { planId, userId: cto.id, role: "APPROVER", titles: ["CTO"] },
    ],
  });
  items = await db().planItem.findMany({ where: { planId }, orderBy: { position: "asc" }, select: { id: true, version: true } });
  const rows = await db().gate.findMany({ where: { planId }, orderBy: { position: "asc" }, select: { id: true, kind: true } });
  goGate = rows.find((gate) => gate.kind === "GO_NO_GO")!.id;
  preGate = rows.find((gate) => gate.kind === "PRE_DEPLOYMENT")!.id;
});

describe("separation of duties", () => {
  it("keeps the lead from approving their own plan, even holding the title, until the plan allows it", async () => {
    expect(await refusal(lead, approve("QA Lead"))).toMatchObject({ status: 403, message: expect.stringMatching(/cannot approve it yourself/) });
    expect(await refusal(lead, { type: "gate.decide", gateId: goGate, decision: "GO", rationale: "ready" })).toMatchObject({ status: 403 });
    expect(await db().gateSignature.count()).toBe(0);

    await applyPlanChange(lead, planId, { type: "plan.edit", allowSelfApproval: true });
    expect(await refusal(lead, approve("QA Lead"))).toBeNull();
  });

  it("lets only holders of a title sign for it, and a holder of two titles signs each separately", async () => {
    expect(await refusal(cto, approve("QA Lead"))).toMatchObject({ status: 403, message: expect.stringMatching(/holding the QA Lead title/) });
    await applyPlanChange(qa2, planId, approve("QA Lead"));
    expect((await gates())[preGate]!.roles.map((role) => role.state)).toEqual(["signed", "pending"]);
    await applyPlanChange(qa2, planId, approve("Tech Lead"));
    expect((await gates())[preGate]!.state).toBe("satisfied");
    expect(await db().gateSignature.count({ where: { userId: qa2.id, supersededAt: null } })).toBe(2);
  });
});

describe("stale signatures", () => {
  it("marks a signature stale when an item it approved changes, until it is signed again", async () => {
    await applyPlanChange(lead, planId, tick(0));
    await applyPlanChange(qa, planId, approve("QA Lead"));
    await applyPlanChange(qa2, planId, approve("Tech Lead"));
    expect((await gates())[preGate]!.state).toBe("satisfied");

    // An item that was still pending at signing is not what they approved: ticking it keeps the signatures.
    const other = await applyPlanChange(lead, planId, tick(1));
    expect(other.message.event).not.toHaveProperty("staleSignatureIds");
    expect((await gates())[preGate]!.state).toBe("satisfied");

    // The approved item changes: both signatures go stale, in the same event.
    const reset = await applyPlanChange(lead, planId, { ...tick(0, "PENDING"), expectedVersion: 1 });
    expect(reset.message.event).toMatchObject({ type: "item.changed", staleSignatureIds: expect.arrayContaining([expect.any(String), expect.any(String)]) });
    const afterReset = (await gates())[preGate]!;
    expect(afterReset.state).toBe("pending");
    expect(afterReset.roles.map((role) => role.state)).toEqual(["stale", "stale"]);
    expect(afterReset.roles[0]!.stale[0]!.staleReason).toMatch(/changed after this was signed/);

    await applyPlanChange(qa, planId, approve("QA Lead"));
    await applyPlanChange(qa2, planId, approve("Tech Lead"));
    expect((await gates())[preGate]!.state).toBe("satisfied");
    expect(await db().gateSignature.count({ where: { supersededAt: { not: null } } })).toBe(2);
  });
});

describe("Go/No-Go", () => {
  it("blocks Start until the decision maker says GO, recording decision, maker and rationale", async () => {
    const start = { type: "plan.lifecycle", action: "start" };
    // The pre-deployment sign-off holds back Start too (gates-that-gate.integration.test.ts); here it is given first.
    await applyPlanChange(qa2, planId, approve("QA Lead"));
    await applyPlanChange(qa2, planId, approve("Tech Lead"));
    expect(await refusal(lead, start)).toMatchObject({ status: 409, message: expect.stringMatching(/has not said GO/) });
    expect(await refusal(qa, { type: "gate.decide", gateId: goGate, decision: "GO", rationale: "ok" })).toMatchObject({ status: 403, message: expect.stringMatching(/Only the CTO/) });
    expect(await refusal(cto, { type: "gate.decide", gateId: goGate, decision: "GO", rationale: "" })).toMatchObject({ status: 400 });

    await applyPlanChange(cto, planId, { type: "gate.decide", gateId: goGate, decision: "DEFER", rationale: "Wait for the load test" });
    expect(await refusal(lead, start)).toMatchObject({ status: 409, message: expect.stringMatching(/DEFER/) });
    await applyPlanChange(cto, planId, { type: "gate.decide", gateId: goGate, decision: "GO", rationale: "Load test passed" });
    expect((await gates())[goGate]!.decision).toMatchObject({ decision: "GO", userName: "Casey CTO", comment: "Load test passed" });
    expect(await refusal(lead, start)).toBeNull();
    expect((await db().plan.findUniqueOrThrow({ where: { id: planId } })).status).toBe("IN_PROGRESS");
  });
});

describe("rejection", () => {
  it("blocks the gate whatever the other approvals, until the rejecter approves", async () => {
    await applyPlanChange(qa, planId, approve("QA Lead"));
    expect(await refusal(qa2, { type: "gate.sign", gateId: preGate, title: "Tech Lead", decision: "REJECT" })).toMatchObject({ status: 400, message: "Say why you reject it." });
    await applyPlanChange(qa2, planId, { type: "gate.sign", gateId: preGate, title: "Tech Lead", decision: "REJECT", comment: "Error budget spent" });
    const rejected = (await gates())[preGate]!;
    expect(rejected.state).toBe("rejected");
    expect(rejected.roles[1]!.rejections[0]).toMatchObject({ userName: "Quincy QA", comment: "Error budget spent" });

    await applyPlanChange(qa2, planId, approve("Tech Lead"));
    expect((await gates())[preGate]!.state).toBe("satisfied");
  });
});

describe("export", () => {
  it("writes signatures, rejections, stale marks and the decision into the Markdown", async () => {
    await applyPlanChange(lead, planId, tick(0));
    await applyPlanChange(cto, planId, { type: "gate.decide", gateId: goGate, decision: "NO_GO", rationale: "Error budget spent" });
    await applyPlanChange(qa, planId, approve("QA Lead"));
    await applyPlanChange(qa2, planId, { type: "gate.sign", gateId: preGate, title: "Tech Lead", decision: "REJECT", comment: "Load test failed" });
    let { markdown } = await exportPlanAsMarkdown(planId, { id: lead.id, role: "MEMBER" });
    expect(markdown).toContain("[x] NO-GO");
    expect(markdown).toMatch(/- \[x\] QA Lead: Quinn QA Date: \d{4}-\d{2}-\d{2}/);
    expect(markdown).toMatch(/- \[ \] Tech Lead: rejected by Quincy QA \(Load test failed\)/);

    await applyPlanChange(lead, planId, { ...tick(0, "PENDING"), expectedVersion: 1 });
    ({ markdown } = await exportPlanAsMarkdown(planId, { id: lead.id, role: "MEMBER" }));
    expect(markdown).toMatch(/- \[ \] QA Lead: Quinn QA \(stale: signed before the checklist changed\)/);
  });
});

describe("required items", () => {
  it("refuses an approval while items the gate requires are open", async () => {
    await applyPlanChange(lead, planId, { type: "gate.configure", gateId: preGate, requiredItemIds: [items[0]!.id] });
    expect(await refusal(qa, approve("QA Lead"))).toMatchObject({ status: 409, message: expect.stringMatching(/not done yet/) });
    await applyPlanChange(lead, planId, tick(0));
    expect(await refusal(qa, approve("QA Lead"))).toBeNull();
    expect(await refusal(lead, { type: "gate.configure", gateId: preGate, quorums: [{ title: "QA Lead", quorum: 2 }] })).toBeNull();
    expect((await gates())[preGate]!.roles[0]).toMatchObject({ quorum: 2, state: "pending" });
  });
});
