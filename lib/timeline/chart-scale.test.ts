import { describe, expect, it } from "vitest";
import { axisTicks, timeRange } from "@/lib/timeline/chart-scale";
import type { PlanTimeline } from "@/lib/timeline/plan-timeline";

const MIN = 60_000;
const T0 = Date.parse("2026-12-05T22:00:00Z");

const timeline: PlanTimeline = {
  tZero: T0,
  tZeroFrom: "actual",
  startedLateMs: 0,
  phases: [
    { id: "prep", title: "Prep", isRollback: false, plannedStart: T0 - 1440 * MIN, plannedEnd: T0 - 1320 * MIN, plannedFrom: "document", actualStart: null, actualEnd: null, state: "behind", items: 1, settled: 0 },
    { id: "go", title: "Go", isRollback: false, plannedStart: T0, plannedEnd: T0 + 30 * MIN, plannedFrom: "document", actualStart: T0 + MIN, actualEnd: null, state: "running", items: 1, settled: 0 },
  ],
  schedule: [],
  plannedFinish: T0 + 30 * MIN,
  estimatedFinish: T0 + 40 * MIN,
  clock: { mode: "elapsed", ms: 10 * MIN },
  behind: 1,
};

describe("timeRange", () => {
  it("shows the deployment window by default, not the day of preparation before it", () => {
    const range = timeRange(timeline, T0 + 10 * MIN, "window")!;
    expect(range.start).toBe(T0 - 2 * MIN);
    expect(range.end).toBe(T0 + 42 * MIN);
  });

  it("shows every phase when asked", () => {
    expect(timeRange(timeline, T0, "all")!.start).toBeLessThan(T0 - 1440 * MIN);
  });
});

describe("axisTicks", () => {
  it("puts about eight ticks on round steps from T-0", () => {
    const ticks = axisTicks({ start: T0 - 2 * MIN, end: T0 + 42 * MIN }, T0);
    expect(ticks.map((tick) => (tick - T0) / MIN)).toEqual([0, 10, 20, 30, 40]);
  });
});
