import { describe, expect, it } from "vitest";
import { decideStructuralEdit } from "@/lib/plan-editing/edit-rules";
import { STRUCTURAL_CHANGE_TYPES } from "@/lib/plan-editing/edit-change-schema";

describe("what may change in a plan's structure", () => {
  it.each(["DRAFT", "SCHEDULED"] as const)("allows every edit of pending steps while the plan is %s", (planStatus) => {
    for (const type of STRUCTURAL_CHANGE_TYPES) expect(decideStructuralEdit({ type, planStatus, fields: ["text", "notes"], statuses: ["PENDING"] })).toEqual({ ok: true });
  });

  it.each(["COMPLETE", "PARTIAL", "ROLLED_BACK", "ABORTED"] as const)("refuses every edit once the plan is %s", (planStatus) => {
    for (const type of STRUCTURAL_CHANGE_TYPES) {
      expect(decideStructuralEdit({ type, planStatus, fields: ["text"], statuses: ["PENDING"] })).toEqual({ ok: false, message: "This plan has finished; it is read-only now." });
    }
  });

  it.each(["IN_PROGRESS", "ROLLING_BACK"] as const)("while %s: adds steps and rewords pending ones, nothing else", (planStatus) => {
    expect(decideStructuralEdit({ type: "item.add", planStatus }).ok).toBe(true);
    expect(decideStructuralEdit({ type: "item.edit", planStatus, fields: ["text"], statuses: ["PENDING"] }).ok).toBe(true);
    expect(decideStructuralEdit({ type: "item.edit", planStatus, fields: ["text", "notes"], statuses: ["PENDING"] }).ok).toBe(false);
    expect(decideStructuralEdit({ type: "item.edit", planStatus, fields: ["commands"], statuses: ["PENDING"] }).ok).toBe(false);
    for (const type of ["section.add", "section.edit", "section.move", "section.remove", "item.move", "item.remove"] as const) {
      expect(decideStructuralEdit({ type, planStatus, statuses: ["PENDING"] }).ok).toBe(false);
    }
  });

  it("lets a run undo the adding of a step it added, and only that removal", () => {
    expect(decideStructuralEdit({ type: "item.remove", planStatus: "IN_PROGRESS", statuses: ["PENDING"], addedDuringRun: true, undo: true }).ok).toBe(true);
    expect(decideStructuralEdit({ type: "item.remove", planStatus: "IN_PROGRESS", statuses: ["PENDING"], addedDuringRun: true }).ok).toBe(false);
    expect(decideStructuralEdit({ type: "item.remove", planStatus: "IN_PROGRESS", statuses: ["PENDING"], addedDuringRun: false, undo: true }).ok).toBe(false);
  });

  it.each(["DONE", "SKIPPED", "FAILED", "NOT_APPLICABLE"] as const)("never rewrites or removes a step that is %s, in any status", (status) => {
    for (const planStatus of ["DRAFT", "SCHEDULED", "IN_PROGRESS"] as const) {
      expect(decideStructuralEdit({ type: "item.edit", planStatus, fields: ["text"], statuses: [status] }).ok).toBe(false);
      expect(decideStructuralEdit({ type: "item.remove", planStatus, statuses: ["PENDING", status] }).ok).toBe(false);
      expect(decideStructuralEdit({ type: "section.remove", planStatus, statuses: ["PENDING", status] }).ok).toBe(false);
    }
    expect(decideStructuralEdit({ type: "item.move", planStatus: "DRAFT", statuses: [status] }).ok).toBe(true);
  });

  it("says how many acted-on steps keep a section in place", () => {
    expect(decideStructuralEdit({ type: "section.remove", planStatus: "DRAFT", statuses: ["DONE", "SKIPPED", "PENDING"] })).toEqual({
      ok: false,
      message: "This section holds 2 steps already acted on; those stay in the plan as the record of the run.",
    });
  });
});
