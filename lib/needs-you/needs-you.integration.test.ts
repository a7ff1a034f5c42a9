import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { parsePlanMarkdown } from "@/lib/import/parse-plan-markdown";
import { loadNeedsYou } from "@/lib/needs-you/load-needs-you";
import { applyPlanChange } from "@/lib/plan-state/apply-plan-change";
import type { Actor } from "@/lib/plan-state/plan-access";
import { createPlanFromDocument } from "@/lib/plans/create-plan";
import { SIGNOFF_PLAN_MARKDOWN } from "@/lib/testing/signoff-test-plan";
import { resetDatabase } from "@/lib/testing/reset-database";

let lead: Actor, qa: Actor, cto: Actor, viewer: Actor;
let planId: string;

async function account(name: string, email: string): Promise<Actor> {
  const user = await db().user.create({ data: { name, email, passwordHash: "not-used" }, select: { id: true, name: true } });
  return { ...user, isAdmin: false };
}

const kinds = async (actor: Actor) => (await loadNeedsYou(actor.id)).get(planId)?.entries.map((entry) => (entry.kind === "signature" ? `sign ${entry.title}` : "decide")) ?? [];

beforeEach(async () => {
  await resetDatabase();
  [lead, qa, cto, viewer] = await Promise.all([account("Lee Lead", "lead@example.com"), account("Quinn QA", "qa@example.com"), account("Casey CTO", "cto@example.com"), account("Vic Viewer", "viewer@example.com")]);
  planId = (await createPlanFromDocument({ document: parsePlanMarkdown(SIGNOFF_PLAN_MARKDOWN).document, createdById: lead.id })).id;
  for (const member of [
    { email: "qa@example.com", role: "APPROVER", titles: ["QA Lead"] },
    { email: "cto@example.com", role: "APPROVER", titles: ["CTO", "Tech Lead"] },
    { email: "viewer@example.com", role: "VIEWER", titles: ["QA Lead"] },
  ]) {
    await applyPlanChange(lead, planId, { type: "member.set", ...member });
  }
});

describe("what waits for the signed-in person, from the database", () => {
  it("names each approver's signatures and the decision maker's decision, and nothing for the lead or a viewer", async () => {
    expect(await kinds(qa)).toEqual(["sign QA Lead"]);
    expect(await kinds(cto)).toEqual(["decide", "sign Tech Lead"]);
    expect(await kinds(lead)).toEqual([]);
    expect(await kinds(viewer)).toEqual([]);
    const [entry] = (await loadNeedsYou(qa.id)).get(planId)!.entries;
    expect(entry?.message).toBe("Waiting for your signature as QA Lead on “Pre-deployment sign-off”");
    expect((await loadNeedsYou(qa.id)).get(planId)?.planTitle).toBe("Sign-off test plan");
  });

  it("stops waiting once signed or decided, and after the plan finished", async () => {
    const gates = await db().gate.findMany({ where: { planId }, select: { id: true, kind: true } });
    const pre = gates.find((gate) => gate.kind === "PRE_DEPLOYMENT")!.id;
    const go = gates.find((gate) => gate.kind === "GO_NO_GO")!.id;
    await applyPlanChange(qa, planId, { type: "gate.sign", gateId: pre, title: "QA Lead", decision: "APPROVE" });
    expect(await kinds(qa)).toEqual([]);
    await applyPlanChange(cto, planId, { type: "gate.decide", gateId: go, decision: "GO", rationale: "Ready" });
    expect(await kinds(cto)).toEqual(["sign Tech Lead"]);
    await applyPlanChange(lead, planId, { type: "plan.lifecycle", action: "abort", reason: "Moved to next week" });
    expect(await kinds(cto)).toEqual([]);
  });
});
