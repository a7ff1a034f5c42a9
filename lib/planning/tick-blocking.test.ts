import { describe, expect, it } from "vitest";
import { decideTickAgainstDependencies, type Predecessor } from "@/lib/planning/tick-blocking";

const open: Predecessor = { itemId: "a", text: "Deploy", status: "PENDING" };
const failed: Predecessor = { itemId: "b", text: "Migrate", status: "FAILED" };
const done: Predecessor = { itemId: "c", text: "Backup", status: "DONE" };

describe("decideTickAgainstDependencies", () => {
  it("refuses Done while a predecessor is open or failed, naming them", () => {
    const decision = decideTickAgainstDependencies({ status: "DONE", predecessors: [open, failed, done], mayOverride: false });
    expect(decision).toMatchObject({ ok: false, code: "conflict", blockers: [{ itemId: "a" }, { itemId: "b" }] });
    expect(decision.ok ? "" : decision.message).toContain("Waiting for Deploy, Migrate");
  });

  it("allows Done once every predecessor is settled", () => {
    expect(decideTickAgainstDependencies({ status: "DONE", predecessors: [done], mayOverride: false })).toEqual({ ok: true });
  });

  it("allows skip, N/A, failed and back to pending on a blocked step", () => {
    for (const status of ["SKIPPED", "NOT_APPLICABLE", "FAILED", "PENDING"] as const) {
      expect(decideTickAgainstDependencies({ status, predecessors: [open], mayOverride: false })).toEqual({ ok: true });
    }
  });

  it("lets the lead override with a reason, recording what was passed over", () => {
    expect(decideTickAgainstDependencies({ status: "DONE", predecessors: [open], override: { reason: "Done by hand" }, mayOverride: true })).toEqual({
      ok: true,
      override: { reason: "Done by hand", blockers: [{ itemId: "a", text: "Deploy" }] },
    });
  });

  it("refuses an override from someone who is not the lead", () => {
    expect(decideTickAgainstDependencies({ status: "DONE", predecessors: [open], override: { reason: "x" }, mayOverride: false })).toMatchObject({ ok: false, code: "forbidden" });
  });
});
