import { describe, expect, it } from "vitest";
import { runHeadline } from "@/lib/plans/run-state";

describe("runHeadline", () => {
  it("says how a plan ended, in words and a tone", () => {
    expect(runHeadline("COMPLETE")).toEqual({ label: "Complete", tone: "good", finished: true });
    expect(runHeadline("ROLLED_BACK")).toEqual({ label: "Rolled back", tone: "warning", finished: true });
    expect(runHeadline("ROLLING_BACK")).toEqual({ label: "Rolling back", tone: "warning", finished: false });
    expect(runHeadline("ABORTED")).toEqual({ label: "Aborted", tone: "bad", finished: true });
  });

  it("marks a running plan with failed steps", () => {
    expect(runHeadline("IN_PROGRESS")).toMatchObject({ label: "In progress", tone: "running" });
    expect(runHeadline("IN_PROGRESS", 1)).toMatchObject({ label: "In progress, with failures", tone: "bad" });
  });
});
