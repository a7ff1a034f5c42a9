import { describe, expect, it } from "vitest";
import { progressOf, runProgressOf, type ItemStatusName } from "@/lib/plans/progress";

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

describe("runProgressOf", () => {
  const sections = [
    { isRollback: false, items: [{ id: "a", text: "Deploy", required: true }, { id: "b", text: "Smoke test", required: true }] },
    { isRollback: true, items: [{ id: "r1", text: "Restore the old image", required: true }, { id: "r2", text: "Confirm traffic", required: true }] },
  ];
  const statuses = (map: Record<string, ItemStatusName>) => (id: string): ItemStatusName => map[id] ?? "PENDING";

  it("leaves the rollback procedure out, so a clean complete run is at 100%", () => {
    const progress = runProgressOf(sections, statuses({ a: "DONE", b: "DONE" }), "COMPLETE");
    expect(progress.deployment.percent).toBe(100);
    expect(progress.deployment.required).toEqual({ settled: 2, total: 2 });
    expect(progress.rollback).toBeNull();
  });

  it("gives the rollback procedure its own progress while rolling back and after", () => {
    const status = statuses({ a: "DONE", b: "FAILED", r1: "DONE" });
    for (const planStatus of ["ROLLING_BACK", "ROLLED_BACK"]) {
      const progress = runProgressOf(sections, status, planStatus);
      expect(progress.deployment.required).toEqual({ settled: 1, total: 2 });
      expect(progress.rollback?.required).toEqual({ settled: 1, total: 2 });
      expect(progress.rollback?.percent).toBe(50);
    }
  });

  it("names the failed steps, rollback ones only when the rollback is in play", () => {
    const status = statuses({ b: "FAILED", r2: "FAILED" });
    expect(runProgressOf(sections, status, "IN_PROGRESS").failedItems).toEqual([{ id: "b", text: "Smoke test" }]);
    expect(runProgressOf(sections, status, "ROLLING_BACK").failedItems).toEqual([
      { id: "b", text: "Smoke test" },
      { id: "r2", text: "Confirm traffic" },
    ]);
  });
});
