import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { describeError } from "@/lib/describe-error";
import { parsePlanMarkdown } from "@/lib/import/parse-plan-markdown";
import { applyPlanChange } from "@/lib/plan-state/apply-plan-change";
import { applyEvent } from "@/lib/plan-state/live-state";
import type { Actor } from "@/lib/plan-state/plan-access";
import { loadLiveState } from "@/lib/plan-state/read-plan-state";
import { createPlanFromDocument } from "@/lib/plans/create-plan";
import { exportPlanAsMarkdown } from "@/lib/plans/export-plan";
import { isLateSignature } from "@/lib/signoffs/gate-blocks";
import { GATED_PLAN_MARKDOWN } from "@/lib/testing/signoff-test-plan";
import { resetDatabase } from "@/lib/testing/reset-database";

let lead: Actor, qa: Actor, pm: Actor;
let planId: string;
let preGate: string, postGate: string;

async function account(name: string, email: string): Promise<Actor> {
  const user = await db().user.create({ data: { name, email, passwordHash: "not-used" }, select: { id: true, name: true } });
  return { ...user, isAdmin: false };
}

async function refusal(actor: Actor, change: unknown): Promise<{ status: number; message: string; details: Record<string, unknown> } | null> {
  try {
    await applyPlanChange(actor, planId, change);
    return null;
  } catch (error) {
    const { status, body } = describeError(error);
    return { status, message: body.error.message, details: body.error as unknown as Record<string, unknown> };
  }
}

const start = { type: "plan.lifecycle", action: "start" } as const;
const complete = { type: "plan.lifecycle", action: "complete" } as const;
const approve = (gateId: string, title: string) => ({ type: "gate.sign", gateId, title, decision: "APPROVE" });

async function tickEverything() {
  const items = await db().planItem.findMany({ where: { planId }, orderBy: { position: "asc" }, select: { id: true, version: true, section: { select: { isRollback: true } } } });
  for (const item of items) await applyPlanChange(lead, planId, { type: "item.status", itemId: item.id, status: "DONE", expectedVersion: item.version });
}

beforeEach(async () => {
  await resetDatabase();
  [lead, qa, pm] = await Promise.all([account("Lee Lead", "lead@example.com"), account("Quinn QA", "qa@example.com"), account("Pat PM", "pm@example.com")]);
  planId = (await createPlanFromDocument({ document: parsePlanMarkdown(GATED_PLAN_MARKDOWN).document, createdById: lead.id })).id;
  await db().planMember.createMany({
    data: [
      { planId, userId: qa.id, role: "APPROVER", titles: ["QA Lead"] },
      { planId, userId: pm.id, role: "APPROVER", titles: ["Product Manager"] },
    ],
  });
  const gates = await db().gate.findMany({ where: { planId }, select: { id: true, kind: true, blocks: true } });
  preGate = gates.find((gate) => gate.kind === "PRE_DEPLOYMENT")!.id;
  postGate = gates.find((gate) => gate.kind === "POST_DEPLOYMENT")!.id;
  expect(gates.map((gate) => [gate.kind, gate.blocks]).sort()).toEqual([
    ["POST_DEPLOYMENT", "COMPLETE"],
    ["PRE_DEPLOYMENT", "START"],
  ]);
});

describe("gates that gate", () => {
  it("refuses Start with 409 while the pre-deployment sign-off is pending, naming the gate and what is missing", async () => {
    const refused = await refusal(lead, start);
    expect(refused).toMatchObject({ status: 409, message: "Start is blocked by “Pre-deployment sign-off”: QA Lead has not approved (1 of 1 needed)." });
    expect(refused!.details).toMatchObject({ overridable: true, gateHolds: [{ gateId: preGate, title: "Pre-deployment sign-off" }] });
    const plan = await db().plan.findUniqueOrThrow({ where: { id: planId }, select: { status: true, lastSeq: true } });
    expect(plan).toEqual({ status: "DRAFT", lastSeq: 0 });

    await applyPlanChange(qa, planId, approve(preGate, "QA Lead"));
    expect(await refusal(lead, start)).toBeNull();
  });

  it("refuses Complete with 409 while the post-deployment sign-off is pending, with every item done", async () => {
    await applyPlanChange(qa, planId, approve(preGate, "QA Lead"));
    await applyPlanChange(lead, planId, start);
    await tickEverything();
    expect(await refusal(lead, complete)).toMatchObject({ status: 409, message: "Complete is blocked by “Post-deployment sign-off”: Product Manager has not approved (1 of 1 needed)." });
    expect((await db().plan.findUniqueOrThrow({ where: { id: planId } })).status).toBe("IN_PROGRESS");

    await applyPlanChange(pm, planId, approve(postGate, "Product Manager"));
    expect(await refusal(lead, complete)).toBeNull();
  });

  it("lets the lead override with a reason: recorded in the event, the live state, the store and the export", async () => {
    // Only the lead runs the plan, so only the lead can override; an override needs a reason of bounded size.
    expect(await refusal(qa, { ...start, override: { reason: "I am sure" } })).toMatchObject({ status: 403 });
    expect(await refusal(lead, { ...start, override: { reason: "  " } })).toMatchObject({ status: 400 });
    expect(await refusal(lead, { ...start, override: { reason: "x".repeat(1001) } })).toMatchObject({ status: 400 });
    expect(await refusal(lead, { type: "plan.lifecycle", action: "abort", reason: "no", override: { reason: "x" } })).toMatchObject({ status: 400 });

    const before = (await loadLiveState(planId))!;
    const started = await applyPlanChange(lead, planId, { ...start, override: { reason: "Hotfix for the payment outage" } });
    expect(started.message.event).toMatchObject({
      type: "plan.status",
      status: "IN_PROGRESS",
      override: { action: "START", reason: "Hotfix for the payment outage", byName: "Lee Lead", gates: [{ gateId: preGate, missing: ["QA Lead has not approved (1 of 1 needed)"] }] },
    });
    expect(await db().gateOverride.count({ where: { planId } })).toBe(1);
    // A page that saw the event and one that loads afresh show the same override.
    const live = applyEvent(before, started.message);
    const loaded = (await loadLiveState(planId))!;
    expect(live.overrides).toEqual(loaded.overrides);
    expect(loaded.overrides).toHaveLength(1);

    await tickEverything();
    await applyPlanChange(lead, planId, { ...complete, override: { reason: "PM on leave; approved by mail" } });

    const { markdown } = await exportPlanAsMarkdown(planId, { id: lead.id, role: "MEMBER" });
    expect(markdown).toMatch(/\*\*Gate override\*\*: Started without the QA Lead's sign-off: Hotfix for the payment outage \(Lee Lead, \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC\)/);
    expect(markdown).toMatch(/\*\*Gate override\*\*: Completed without the Product Manager's sign-off: PM on leave; approved by mail/);
  });

  it("does not record an override when nothing was blocked", async () => {
    await applyPlanChange(qa, planId, approve(preGate, "QA Lead"));
    const started = await applyPlanChange(lead, planId, { ...start, override: { reason: "Just in case" } });
    expect(started.message.event).not.toHaveProperty("override");
    expect(await db().gateOverride.count()).toBe(0);
  });

  it("marks a signature given after the action it should have gated as late, in the state and the export", async () => {
    await applyPlanChange(lead, planId, { ...start, override: { reason: "Hotfix" } });
    const signed = await applyPlanChange(qa, planId, approve(preGate, "QA Lead"));
    const state = (await loadLiveState(planId))!;
    const signature = state.signatures.find((candidate) => candidate.id === (signed.message.event as { signature: { id: string } }).signature.id)!;
    expect(isLateSignature("START", signature, state)).toBe(true);

    const { markdown } = await exportPlanAsMarkdown(planId, { id: lead.id, role: "MEMBER" });
    expect(markdown).toMatch(/- \[x\] QA Lead: Quinn QA \(late\) Date: \d{4}-\d{2}-\d{2}/);
    expect(markdown).toMatch(/- \[ \] Product Manager:/);
  });

  it("lets the lead change what a gate holds back, live for every page", async () => {
    expect(await refusal(qa, { type: "gate.configure", gateId: preGate, blocks: "COMPLETE" })).toMatchObject({ status: 403 });
    const before = (await loadLiveState(planId))!;
    const configured = await applyPlanChange(lead, planId, { type: "gate.configure", gateId: preGate, blocks: "COMPLETE" });
    expect(applyEvent(before, configured.message).gates[preGate]).toMatchObject({ blocks: "COMPLETE" });
    expect((await loadLiveState(planId))!.gates[preGate]).toMatchObject({ blocks: "COMPLETE" });
    expect(await refusal(lead, start)).toBeNull();
    await tickEverything();
    expect(await refusal(lead, complete)).toMatchObject({ status: 409, message: expect.stringMatching(/^Complete is blocked by “Pre-deployment sign-off”: QA Lead has not approved \(1 of 1 needed\)\. Also by “Post-deployment sign-off”/) });
  });
});
