import { describe, expect, it } from "vitest";
import { editModeFor, itemEditRights, sectionEditRights } from "@/lib/plan-editor/edit-rights";

describe("editModeFor", () => {
  it("allows everything before the run, steps during it, and nothing once finished", () => {
    expect(editModeFor("DRAFT")).toBe("full");
    expect(editModeFor("SCHEDULED")).toBe("full");
    expect(editModeFor("IN_PROGRESS")).toBe("run");
    expect(editModeFor("ROLLING_BACK")).toBe("run");
    for (const finished of ["COMPLETE", "PARTIAL", "ROLLED_BACK", "ABORTED"] as const) expect(editModeFor(finished)).toBe("read-only");
  });
});

describe("itemEditRights", () => {
  it("offers everything on a pending step of a plan not yet running", () => {
    expect(itemEditRights("full", "PENDING")).toEqual({ editText: true, editDetails: true, move: true, remove: true, addNext: true });
  });

  it("never rewrites, moves or deletes a settled step", () => {
    for (const settled of ["DONE", "SKIPPED", "FAILED", "NOT_APPLICABLE"] as const) {
      expect(itemEditRights("full", settled)).toEqual({ editText: false, editDetails: false, move: false, remove: false, addNext: true });
      expect(itemEditRights("run", settled).editText).toBe(false);
    }
  });

  it("during the run offers only adding steps and editing a pending step's text", () => {
    expect(itemEditRights("run", "PENDING")).toEqual({ editText: true, editDetails: false, move: false, remove: false, addNext: true });
  });

  it("offers nothing on a finished plan", () => {
    expect(Object.values(itemEditRights("read-only", "PENDING")).some(Boolean)).toBe(false);
  });
});

describe("sectionEditRights", () => {
  it("keeps a section holding a settled step from being deleted", () => {
    expect(sectionEditRights("full", 0)).toEqual({ rename: true, move: true, remove: true, addSection: true, addItem: true });
    expect(sectionEditRights("full", 2).remove).toBe(false);
  });

  it("during the run only adds steps; finished plans nothing", () => {
    expect(sectionEditRights("run", 0)).toEqual({ rename: false, move: false, remove: false, addSection: false, addItem: true });
    expect(Object.values(sectionEditRights("read-only", 0)).some(Boolean)).toBe(false);
  });
});
