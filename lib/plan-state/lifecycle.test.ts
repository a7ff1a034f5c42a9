import { describe, expect, it } from "vitest";
import { itemsMayChange, planTransition, type LifecycleItem } from "@/lib/plan-state/lifecycle";

const item = (overrides: Partial<LifecycleItem>): LifecycleItem => ({ id: "i", text: "Step", required: true, status: "PENDING", isRollback: false, ...overrides });

describe("planTransition", () => {
  it("follows draft → scheduled → in progress → complete", () => {
    expect(planTransition("DRAFT", "schedule", [])).toEqual({ ok: true, to: "SCHEDULED" });
    expect(planTransition("SCHEDULED", "start", [])).toEqual({ ok: true, to: "IN_PROGRESS" });
    expect(planTransition("IN_PROGRESS", "complete", [item({ status: "DONE" })])).toEqual({ ok: true, to: "COMPLETE" });
  });

  it("refuses to complete while required items are open, listing them", () => {
    const result = planTransition("IN_PROGRESS", "complete", [
      item({ id: "a", text: "Backup", status: "PENDING" }),
      item({ id: "b", text: "Deploy", status: "FAILED" }),
      item({ id: "c", text: "Optional", required: false }),
      item({ id: "d", text: "Skipped", status: "SKIPPED" }),
      item({ id: "e", text: "Rollback step", isRollback: true }),
    ]);
    expect(result).toEqual({
      ok: false,
      reason: "items-open",
      message: "2 required items are not done yet.",
      openItems: [
        { id: "a", text: "Backup" },
        { id: "b", text: "Deploy" },
      ],
    });
  });

  it("rolls back from a running or finished plan and ends rolled back", () => {
    expect(planTransition("IN_PROGRESS", "trigger-rollback", [])).toEqual({ ok: true, to: "ROLLING_BACK" });
    expect(planTransition("COMPLETE", "trigger-rollback", [])).toEqual({ ok: true, to: "ROLLING_BACK" });
    expect(planTransition("ROLLING_BACK", "finish-rollback", [])).toEqual({ ok: true, to: "ROLLED_BACK" });
  });

  it("refuses transitions that do not start from the right status", () => {
    expect(planTransition("COMPLETE", "start", [])).toMatchObject({ ok: false, reason: "not-allowed" });
    expect(planTransition("DRAFT", "complete", [])).toMatchObject({ ok: false, reason: "not-allowed" });
    expect(planTransition("ABORTED", "trigger-rollback", [])).toMatchObject({ ok: false, reason: "not-allowed" });
    expect(planTransition("ROLLED_BACK", "abort", [])).toMatchObject({ ok: false, reason: "not-allowed" });
  });

  it("lets items change until the plan is finished", () => {
    expect(itemsMayChange("SCHEDULED")).toBe(true);
    expect(itemsMayChange("ROLLING_BACK")).toBe(true);
    expect(itemsMayChange("COMPLETE")).toBe(false);
    expect(itemsMayChange("ABORTED")).toBe(false);
  });
});
