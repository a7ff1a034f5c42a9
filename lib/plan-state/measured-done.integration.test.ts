import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { describeError } from "@/lib/describe-error";
import { parsePlanMarkdown } from "@/lib/import/parse-plan-markdown";
import { computePlanMetrics } from "@/lib/metrics/record-plan-metrics";
import { applyPlanChange } from "@/lib/plan-state/apply-plan-change";
import type { Actor } from "@/lib/plan-state/plan-access";
import { createPlanFromDocument } from "@/lib/plans/create-plan";
import { resetDatabase } from "@/lib/testing/reset-database";

// One measured step (target < 1 %) and one plain step, changed through the one writer.
const PLAN = `# Measured rollout

## Verify
- [ ] Error rate: __ % (<1% target)
- [ ] Smoke tests pass
`;

let lead: Actor;
let planId: string;

async function step(text: string) {
  return db().planItem.findFirstOrThrow({ where: { planId, text: { startsWith: text } }, select: { id: true, version: true, status: true, measuredValue: true } });
}

async function attempt(input: Record<string, unknown>) {
  try {
    await applyPlanChange(lead, planId, input);
    return null;
  } catch (error) {
    const { status, body } = describeError(error);
    return { status, message: body.error.message };
  }
}

beforeEach(async () => {
  await resetDatabase();
  const user = await db().user.create({ data: { name: "Lee Lead", email: "lead@example.com", passwordHash: "not-used" }, select: { id: true, name: true } });
  lead = { ...user, isAdmin: false };
  planId = (await createPlanFromDocument({ document: parsePlanMarkdown(PLAN).document, createdById: lead.id })).id;
});

describe("measured steps through applyPlanChange", () => {
  it("refuses Done without a value, and takes the value with Done in one change", async () => {
    const { id, version } = await step("Error rate");
    expect(await attempt({ type: "item.status", itemId: id, status: "DONE", expectedVersion: version })).toEqual({
      status: 422,
      message: "Record the measured Error rate (%) before marking this step done.",
    });
    expect(await step("Error rate")).toMatchObject({ status: "PENDING", version: 0 });

    expect(await attempt({ type: "item.status", itemId: id, status: "DONE", expectedVersion: version, measuredValue: 0.4 })).toBeNull();
    expect(await step("Error rate")).toMatchObject({ status: "DONE", measuredValue: 0.4 });
    // Plain steps are not asked for anything.
    const smoke = await step("Smoke tests");
    expect(await attempt({ type: "item.status", itemId: smoke.id, status: "DONE", expectedVersion: smoke.version })).toBeNull();
  });

  it("asks before a value outside the target, records it done outside target when confirmed, and counts it", async () => {
    const { id, version } = await step("Error rate");
    await applyPlanChange(lead, planId, { type: "item.measurement", itemId: id, value: 2.5, expectedVersion: version });
    const measured = await step("Error rate");
    expect(await attempt({ type: "item.status", itemId: id, status: "DONE", expectedVersion: measured.version })).toEqual({
      status: 409,
      message: "2.5% is outside the target < 1%. Confirm to mark it done outside target.",
    });
    expect((await step("Error rate")).status).toBe("PENDING");

    const applied = await applyPlanChange(lead, planId, { type: "item.status", itemId: id, status: "DONE", expectedVersion: measured.version, confirmOutsideTarget: true });
    expect(applied.message.event).toMatchObject({ type: "item.changed", item: { status: "DONE", measuredValue: 2.5 } });
    expect((await db().$transaction((tx) => computePlanMetrics(tx, planId))).outsideTargetItems).toBe(1);

    // A new value outside the target on the done step asks again; one inside it clears the mark without asking.
    const done = await step("Error rate");
    expect(await attempt({ type: "item.measurement", itemId: id, value: 4, expectedVersion: done.version })).toMatchObject({ status: 409 });
    await applyPlanChange(lead, planId, { type: "item.measurement", itemId: id, value: 0.3, expectedVersion: done.version });
    expect((await db().$transaction((tx) => computePlanMetrics(tx, planId))).outsideTargetItems).toBe(0);
  });

  it("never takes the client's word for the target: a confirmed value inside it is simply done", async () => {
    const { id, version } = await step("Error rate");
    await applyPlanChange(lead, planId, { type: "item.status", itemId: id, status: "DONE", expectedVersion: version, measuredValue: 0.2, confirmOutsideTarget: true });
    expect((await db().$transaction((tx) => computePlanMetrics(tx, planId))).outsideTargetItems).toBe(0);
  });
});
