import { describe, expect, it } from "vitest";
import { downtimeEffect } from "@/lib/plan-state/downtime-rules";

describe("downtimeEffect", () => {
  it("starts downtime when a start-flagged item is done during the run, and ends it with an end-flagged one", () => {
    expect(downtimeEffect("START", "PENDING", "DONE", false, "IN_PROGRESS")).toBe("start");
    expect(downtimeEffect("END", "PENDING", "DONE", true, "IN_PROGRESS")).toBe("end");
    expect(downtimeEffect("END", "FAILED", "DONE", true, "ROLLING_BACK")).toBe("end");
  });

  it("does nothing for unflagged items, other statuses, repeated ticks, or outside a run", () => {
    expect(downtimeEffect(null, "PENDING", "DONE", false, "IN_PROGRESS")).toBeUndefined();
    expect(downtimeEffect("START", "PENDING", "SKIPPED", false, "IN_PROGRESS")).toBeUndefined();
    expect(downtimeEffect("START", "DONE", "DONE", false, "IN_PROGRESS")).toBeUndefined();
    expect(downtimeEffect("START", "PENDING", "DONE", true, "IN_PROGRESS")).toBeUndefined();
    expect(downtimeEffect("END", "PENDING", "DONE", false, "IN_PROGRESS")).toBeUndefined();
    expect(downtimeEffect("START", "PENDING", "DONE", false, "SCHEDULED")).toBeUndefined();
  });
});
