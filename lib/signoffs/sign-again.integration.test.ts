import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { describeError } from "@/lib/describe-error";
import { parsePlanMarkdown } from "@/lib/import/parse-plan-markdown";
import { applyPlanChange } from "@/lib/plan-state/apply-plan-change";
import { applyEvent } from "@/lib/plan-state/live-state";
import type { Actor } from "@/lib/plan-state/plan-access";
import { loadLiveState } from "@/lib/plan-state/read-plan-state";
import { createPlanFromDocument } from "@/lib/plans/create-plan";
import { gateStructureOf, liveGateStatuses } from "@/lib/signoffs/live-gates";
import { SIGNOFF_PLAN_MARKDOWN } from "@/lib/testing/signoff-test-plan";
import { resetDatabase } from "@/lib/testing/reset-database";

let lead: Actor, qa: Actor;
let planId: string;
let preGate: string, goGate: string;

async function account(name: string, email: string): Promise<Actor> {
  const user = await db().user.create({ data: { name, email, passwordHash: "not-used" }, select: { id: true, name: true } });
  return { ...user, isAdmin: false };
}

const approve = { type: "gate.sign", title: "QA Lead", decision: "APPROVE" } as const;

beforeEach(async () => {
  await resetDatabase();
  [lead, qa] = await Promise.all([account("Lee Lead", "lead@example.com"), account("Quinn QA", "qa@example.com")]);
  planId = (await createPlanFromDocument({ document: parsePlanMarkdown(SIGNOFF_PLAN_MARKDOWN).document, createdById: lead.id })).id;
  await db().planMember.create({ data: { planId, userId: qa.id, role: "APPROVER", titles: ["QA Lead"] } });
  const rows = await db().gate.findMany({ where: { planId }, select: { id: true, kind: true } });
  preGate = rows.find((gate) => gate.kind === "PRE_DEPLOYMENT")!.id;
  goGate = rows.find((gate) => gate.kind === "GO_NO_GO")!.id;
});

describe("signing again", () => {
  it("replaces the person's signature with one event, so an open page holds one signature, the newest", async () => {
    const before = (await loadLiveState(planId))!;
    const { message: first } = await applyPlanChange(qa, planId, { ...approve, gateId: preGate });
    const { message: second } = await applyPlanChange(qa, planId, { ...approve, gateId: preGate, decision: "REJECT", comment: "Smoke tests red" });
    const { message: third } = await applyPlanChange(qa, planId, { ...approve, gateId: preGate });

    expect(await db().gateSignature.count({ where: { gateId: preGate, userId: qa.id, supersededAt: null } })).toBe(1);
    expect(second.event).toMatchObject({ type: "gate.signed", supersededId: first.event.type === "gate.signed" ? first.event.signature.id : "" });

    // The page that saw the three events ends where a fresh load does: one approval by Quinn.
    const watched = [first, second, third].reduce(applyEvent, before);
    const loaded = (await loadLiveState(planId))!;
    expect(watched.signatures).toEqual(loaded.signatures);
    expect(loaded.signatures.filter((signature) => signature.gateId === preGate)).toMatchObject([{ userId: qa.id, decision: "APPROVE" }]);
    const gates = await db().gate.findMany({ where: { planId }, include: { roles: true } });
    const pre = liveGateStatuses(gates.map(gateStructureOf), loaded).find(({ gate }) => gate.id === preGate)!;
    expect(pre.status.roles.find((role) => role.title === "QA Lead")!.approvals).toHaveLength(1);
  });

  it("counts one person once toward a quorum, however often they approve", async () => {
    await applyPlanChange(lead, planId, { type: "gate.configure", gateId: preGate, quorums: [{ title: "QA Lead", quorum: 2 }] });
    await applyPlanChange(qa, planId, { ...approve, gateId: preGate });
    await applyPlanChange(qa, planId, { ...approve, gateId: preGate });
    const state = (await loadLiveState(planId))!;
    const gates = await db().gate.findMany({ where: { planId }, include: { roles: true } });
    const pre = liveGateStatuses(gates.map(gateStructureOf), state).find(({ gate }) => gate.id === preGate)!;
    expect(pre.status.roles.find((role) => role.title === "QA Lead")).toMatchObject({ state: "pending", approvals: [{ userId: qa.id }] });
  });

  it("replaces the decision maker's earlier Go/No-Go decision", async () => {
    await applyPlanChange(lead, planId, { type: "member.set", userId: qa.id, role: "APPROVER", titles: ["QA Lead", "CTO"] });
    await applyPlanChange(qa, planId, { type: "gate.decide", gateId: goGate, decision: "NO_GO", rationale: "Not yet" });
    await applyPlanChange(qa, planId, { type: "gate.decide", gateId: goGate, decision: "GO", rationale: "Ready" });
    const decisions = (await loadLiveState(planId))!.signatures.filter((signature) => signature.gateId === goGate);
    expect(decisions).toMatchObject([{ decision: "GO", comment: "Ready" }]);
  });
});

describe("titles on open pages", () => {
  it("carries members and titles in the live state, and a title taken away reaches a page through its event", async () => {
    const open = (await loadLiveState(planId))!;
    expect(open.members.find((member) => member.userId === qa.id)).toMatchObject({ role: "APPROVER", titles: ["QA Lead"] });

    const { message: removed } = await applyPlanChange(lead, planId, { type: "member.set", userId: qa.id, role: "APPROVER", titles: [] });
    const after = applyEvent(open, removed);
    expect(after.members.find((member) => member.userId === qa.id)!.titles).toEqual([]);
    expect(after.members).toEqual((await loadLiveState(planId))!.members);

    // The server refuses a signature under the title now gone, with a reason the page shows beside the gate.
    const refused = await applyPlanChange(qa, planId, { ...approve, gateId: preGate }).catch((error: unknown) => describeError(error));
    expect(refused).toMatchObject({ status: 403, body: { error: { message: expect.stringMatching(/QA Lead/) } } });
  });
});
