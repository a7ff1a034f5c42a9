import { describe, expect, it } from "vitest";
import type { PlanAudience } from "@/lib/notifications/rules/plan-audience";
import { mayBringStepsUp, ownerMembers, stepsUpNext, type Step, type StepSection } from "@/lib/notifications/rules/step-up-next";
import type { ItemPlanning } from "@/lib/planning/planning-schema";

const plan: PlanAudience = {
  planId: "p1",
  title: "Release 4.2",
  status: "IN_PROGRESS",
  allowSelfApproval: false,
  members: [
    { userId: "lee", role: "LEAD", titles: [] },
    { userId: "dora", role: "EXECUTOR", titles: ["DBA"] },
    { userId: "dan", role: "EXECUTOR", titles: ["DBA"] },
    { userId: "eve", role: "EXECUTOR", titles: [] },
  ],
};

const sections: StepSection[] = [
  { id: "deploy", parentId: null, title: "Deployment", isRollback: false },
  { id: "rollback", parentId: null, title: "Rollback", isRollback: true },
];

const step = (id: string, status: Step["status"] = "PENDING", sectionId = "deploy"): Step => ({ id, sectionId, text: `Step ${id}`, status });
const planned = (owners: ItemPlanning["owners"], dependsOn: ItemPlanning["dependsOn"] = []): ItemPlanning => ({ owners, dependsOn, plannedMinutes: null });

const up = (steps: Step[], planning: Record<string, ItemPlanning>, overrides: Partial<PlanAudience> = {}) =>
  stepsUpNext({ ...plan, ...overrides }, sections, steps, planning).map((notice) => `${notice.userId}:${notice.dedupeKey}`);

describe("a step comes up next", () => {
  it("without dependencies, when the step before it in plan order is settled", () => {
    const planning = { b: planned([{ userId: "eve" }]) };
    expect(up([step("a"), step("b")], planning)).toEqual([]);
    expect(up([step("a", "DONE"), step("b")], planning)).toEqual(["eve:step-next:b"]);
    expect(up([step("a", "NOT_APPLICABLE"), step("b")], planning)).toEqual(["eve:step-next:b"]);
    expect(up([step("a", "FAILED"), step("b")], planning)).toEqual([]);
  });

  it("the first step is up as soon as the plan runs", () => {
    expect(up([step("a"), step("b")], { a: planned([{ userId: "eve" }]) })).toEqual(["eve:step-next:a"]);
  });

  it("with dependencies, when all of them are settled, whatever the order", () => {
    const planning = { c: planned([{ userId: "eve" }], [{ itemId: "a" }]) };
    expect(up([step("a"), step("b"), step("c")], planning)).toEqual([]);
    expect(up([step("a", "DONE"), step("b"), step("c")], planning)).toEqual(["eve:step-next:c"]);
  });

  it("tells every holder of an owning title, and skips owners no longer on the plan", () => {
    const planning = { a: planned([{ title: "DBA" }, { userId: "gone" }]) };
    expect(up([step("a")], planning)).toEqual(["dora:step-next:a", "dan:step-next:a"]);
  });

  it("leaves out steps without owners, steps already started or done, and rollback steps", () => {
    const planning = { b: planned([{ userId: "eve" }]), r: planned([{ userId: "eve" }]) };
    expect(up([step("a", "DONE"), step("b", "DONE"), step("r", "PENDING", "rollback")], planning)).toEqual([]);
    expect(up([step("a", "DONE"), step("x")], {})).toEqual([]);
  });

  it("only while the plan is running", () => {
    const planning = { a: planned([{ userId: "eve" }]) };
    expect(up([step("a")], planning, { status: "SCHEDULED" })).toEqual([]);
    expect(up([step("a")], planning, { status: "ROLLING_BACK" })).toEqual([]);
  });

  it("links to the step and names it and the plan", () => {
    const [notice] = stepsUpNext(plan, sections, [step("a")], { a: planned([{ userId: "eve" }]) });
    expect(notice).toMatchObject({ kind: "STEP_UP_NEXT", title: "Your step is next: “Step a” in “Release 4.2”", href: "/plans/p1#item-a" });
  });
});

describe("ownerMembers", () => {
  it("resolves people and titles to current members, each once", () => {
    expect(ownerMembers([{ userId: "dora" }, { title: "DBA" }], plan.members).map((member) => member.userId)).toEqual(["dora", "dan"]);
  });
});

describe("mayBringStepsUp", () => {
  const lifecycle = { reason: null, trigger: null, startedAt: null, finishedAt: null };

  it("looks after a tick, a planning change, the start and a change of order; not after anything else", () => {
    const item = { id: "a", status: "DONE" as const, statusNote: null, measuredValue: null, statusAt: null, changedBy: null, version: 1 };
    expect(mayBringStepsUp({ type: "item.changed", item, previousStatus: "PENDING" })).toBe(true);
    expect(mayBringStepsUp({ type: "item.planned", item, planning: planned([]) })).toBe(true);
    expect(mayBringStepsUp({ type: "plan.status", status: "IN_PROGRESS", previousStatus: "SCHEDULED", ...lifecycle })).toBe(true);
    expect(mayBringStepsUp({ type: "plan.status", status: "COMPLETE", previousStatus: "IN_PROGRESS", ...lifecycle })).toBe(false);
    expect(mayBringStepsUp({ type: "comment.added", comment: { id: "c", itemId: "a", body: "hi", author: "Eve", at: "2026-12-01T10:00:00.000Z" } })).toBe(false);
  });
});
