import { describe, expect, it } from "vitest";
import { progressOf } from "@/lib/plans/progress";

describe("progressOf", () => {
  it("counts required items apart from optional ones and treats skipped and n/a as settled", () => {
    const progress = progressOf([
      { status: "DONE", required: true },
      { status: "SKIPPED", required: true },
      { status: "NOT_APPLICABLE", required: true },
      { status: "PENDING", required: true },
      { status: "FAILED", required: true },
      { status: "DONE", required: false },
      { status: "PENDING", required: false },
    ]);
    expect(progress).toEqual({ required: { settled: 3, total: 5 }, optional: { settled: 1, total: 2 }, failed: 1, percent: 60 });
  });

  it("is complete when there is nothing required", () => {
    expect(progressOf([]).percent).toBe(100);
    expect(progressOf([{ status: "PENDING", required: false }]).percent).toBe(100);
  });

  it("never rounds up to 100 while a required item is open", () => {
    const items = Array.from({ length: 200 }, (_, index) => ({ status: index === 0 ? ("PENDING" as const) : ("DONE" as const), required: true }));
    expect(progressOf(items).percent).toBe(99);
  });
});
