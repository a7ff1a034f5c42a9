import { describe, expect, it } from "vitest";
import { dueAutoChecks, mayMakeChecksDue, type AutoCheckCandidate } from "@/lib/checks/auto-run";
import type { PlanEventMessage } from "@/lib/plan-state/events";

const sections = [
  { id: "deploy", parentId: null, title: "Deploy" },
  { id: "verify", parentId: null, title: "Verify" },
];
const step = (id: string, overrides: Partial<AutoCheckCandidate> = {}): AutoCheckCandidate => ({ id, sectionId: "verify", text: id, status: "PENDING", dependsOn: [], auto: false, ...overrides });

describe("when a check runs by itself", () => {
  it("runs once the plan is running and every step (or section) it waits for is settled", () => {
    const items = [
      step("roll-out", { sectionId: "deploy" }),
      step("health", { auto: true, dependsOn: [{ itemId: "roll-out" }] }),
      step("latency", { auto: true, dependsOn: [{ sectionId: "deploy" }] }),
      step("free", { auto: true }),
      step("manual", { dependsOn: [] }),
    ];
    expect(dueAutoChecks("IN_PROGRESS", items, sections)).toEqual(["free"]);
    const deployed = items.map((item) => (item.id === "roll-out" ? { ...item, status: "DONE" as const } : item));
    expect(dueAutoChecks("IN_PROGRESS", deployed, sections)).toEqual(["health", "latency", "free"]);
    // Not before the plan starts, and never again once the step is settled or failed.
    expect(dueAutoChecks("SCHEDULED", deployed, sections)).toEqual([]);
    expect(dueAutoChecks("IN_PROGRESS", deployed.map((item) => ({ ...item, status: item.id === "roll-out" ? "DONE" : ("FAILED" as const) })), sections)).toEqual([]);
  });

  it("looks only after events that can make a check due", () => {
    const message = (event: PlanEventMessage["event"]): PlanEventMessage => ({ planId: "p", seq: 1, at: "2026-12-07T10:00:00.000Z", actor: null, event });
    const item = { id: "i", statusNote: null, measuredValue: null, statusAt: null, changedBy: null, version: 1 };
    expect(mayMakeChecksDue(message({ type: "item.changed", item: { ...item, status: "DONE" }, previousStatus: "PENDING" }))).toBe(true);
    expect(mayMakeChecksDue(message({ type: "item.changed", item: { ...item, status: "FAILED" }, previousStatus: "PENDING" }))).toBe(false);
    expect(mayMakeChecksDue(message({ type: "plan.status", status: "IN_PROGRESS", previousStatus: "SCHEDULED", reason: null, trigger: null, startedAt: null, finishedAt: null }))).toBe(true);
    expect(mayMakeChecksDue(message({ type: "comment.added", comment: { id: "c", itemId: "i", body: "x", author: "Lee", at: "" } }))).toBe(false);
  });
});
