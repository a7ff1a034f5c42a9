import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { describeError } from "@/lib/describe-error";
import { parsePlanMarkdown } from "@/lib/import/parse-plan-markdown";
import { applyPlanChange } from "@/lib/plan-state/apply-plan-change";
import type { Actor } from "@/lib/plan-state/plan-access";
import { loadLiveState } from "@/lib/plan-state/read-plan-state";
import { createPlanFromDocument } from "@/lib/plans/create-plan";
import { exportPlanAsMarkdown } from "@/lib/plans/export-plan";
import { loadPlanReadiness } from "@/lib/readiness/load-plan-readiness";
import { resetDatabase } from "@/lib/testing/reset-database";

const PLAN = `# Readiness test plan

## Deployment
- [ ] Roll out
- [ ] Error rate: __ %

## Sign-Off
### Post-Deployment Sign-Off
- [ ] Product Manager: ____ Date: ____
`;

let lead: Actor;
let planId: string;

async function account(name: string, email: string): Promise<Actor> {
  const user = await db().user.create({ data: { name, email, passwordHash: "not-used" }, select: { id: true, name: true } });
  return { ...user, isAdmin: false };
}

async function refusal(change: unknown): Promise<{ status: number; message: string; details: Record<string, unknown> } | null> {
  try {
    await applyPlanChange(lead, planId, change);
    return null;
  } catch (error) {
    const { status, body } = describeError(error);
    return { status, message: body.error.message, details: body.error as unknown as Record<string, unknown> };
  }
}

beforeEach(async () => {
  await resetDatabase();
  [lead] = await Promise.all([account("Lee Lead", "lead@example.com"), account("Pat PM", "pm@example.com")]);
  planId = (await createPlanFromDocument({ document: parsePlanMarkdown(PLAN).document, createdById: lead.id })).id;
});

describe("the readiness check before Schedule and Start", () => {
  it("refuses Schedule and Start with 409 listing a title nobody holds and a measured step without a target, changing nothing", async () => {
    for (const action of ["schedule", "start"] as const) {
      const refused = await refusal({ type: "plan.lifecycle", action });
      expect(refused?.status).toBe(409);
      expect(refused?.message).toBe(
        `${action === "schedule" ? "Schedule" : "Start"} is refused until the plan is ready: Nobody on this plan holds Product Manager (needed by “Post-deployment sign-off”). “Error rate: __ %” asks for a measured value but has no target.`,
      );
      expect(refused?.details).toMatchObject({ overridable: true, readiness: [{ kind: "title-unheld", title: "Product Manager" }, { kind: "measure-without-target" }] });
    }
    expect(await db().plan.findUniqueOrThrow({ where: { id: planId }, select: { status: true, lastSeq: true } })).toEqual({ status: "DRAFT", lastSeq: 0 });
  });

  it("lets Start through once the titles are held, and names the lead-only holder until then", async () => {
    await applyPlanChange(lead, planId, { type: "member.set", userId: lead.id, role: "LEAD", titles: ["Product Manager"] });
    expect((await loadPlanReadiness(db(), planId)).map((problem) => problem.message)).toContain(
      "“Post-deployment sign-off” can never be satisfied: only the plan's lead (Lee Lead) holds Product Manager, and the plan does not allow self-approval.",
    );
    await applyPlanChange(lead, planId, { type: "member.set", email: "pm@example.com", role: "APPROVER", titles: ["Product Manager"] });
    expect((await loadPlanReadiness(db(), planId)).map((problem) => problem.kind)).toEqual(["measure-without-target"]);
    const item = await db().planItem.findFirstOrThrow({ where: { planId, text: { contains: "Error rate" } }, select: { id: true } });
    await db().planItem.update({ where: { id: item.id }, data: { text: "Error rate checked" } });
    expect(await refusal({ type: "plan.lifecycle", action: "start" })).toBeNull();
    expect(await db().gateOverride.count({ where: { planId } })).toBe(0);
  });

  it("lets the lead schedule over it with a reason, recorded in the event, the live state and the export", async () => {
    const applied = await applyPlanChange(lead, planId, { type: "plan.lifecycle", action: "schedule", override: { reason: "The PM is named on Monday" } });
    expect(applied.message.event).toMatchObject({ type: "plan.status", status: "SCHEDULED", override: { action: "SCHEDULE", reason: "The PM is named on Monday", gates: [{ gateId: "readiness" }] } });
    const live = await loadLiveState(planId);
    expect(live?.overrides).toHaveLength(1);
    const { markdown } = await exportPlanAsMarkdown(planId, { id: lead.id, role: "MEMBER" });
    expect(markdown).toContain("Scheduled without a passed readiness check (Nobody on this plan holds Product Manager");
    expect(markdown).toContain("The PM is named on Monday");
  });
});
