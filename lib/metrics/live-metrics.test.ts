import { describe, expect, it } from "vitest";
import { failureKeyOf, liveMetrics } from "@/lib/metrics/live-metrics";
import type { PlanMetricsResult } from "@/lib/metrics/plan-metrics";
import type { ItemLiveState } from "@/lib/plan-state/events";
import type { PlanLiveState } from "@/lib/plan-state/live-state";
import type { PhaseSection } from "@/lib/timeline/phases";

const start = "2026-12-05T10:00:00.000Z";
const item = (id: string, status: ItemLiveState["status"]): ItemLiveState => ({ id, status, statusNote: null, measuredValue: null, statusAt: start, changedBy: null, version: 1 });

const fetchedAtStart: PlanMetricsResult = {
  status: "IN_PROGRESS",
  startedAt: start,
  finishedAt: null,
  durationSeconds: null,
  plannedDurationMinutes: 60,
  succeeded: false,
  rolledBack: false,
  rollbackReason: null,
  downtimeSeconds: 0,
  downtimePeriods: [],
  expectedDowntimeMinutes: 5,
  downtimeOverSeconds: -300,
  phases: [],
  failures: [],
  meanResolutionSeconds: null,
  failedItems: 0,
  skippedItems: 0,
  outsideTargetItems: 0,
  stepsAddedDuringRun: 0,
};

const state: PlanLiveState = {
  planId: "p",
  seq: 4,
  loadedAt: start,
  status: "IN_PROGRESS",
  startedAt: start,
  finishedAt: null,
  rollbackReason: null,
  items: { a: item("a", "DONE"), b: item("b", "FAILED"), c: item("c", "SKIPPED"), r: item("r", "FAILED"), untouched: item("untouched", "FAILED") },
  comments: {},
  settings: { title: "Plan", allowSelfApproval: false, hideCommandsInShare: true, shareShowsDiscussion: false },
  gates: {},
  signatures: [],
  activity: [],
  window: { windowStart: start, timeZone: "UTC", expectedDurationMinutes: 60, expectedDowntimeMinutes: 5 },
  downtime: [{ id: "d", startedAt: "2026-12-05T10:05:00.000Z", endedAt: "2026-12-05T10:12:00.000Z" }],
  downtimeMarkers: {},
  sectionVersions: {},
  itemSpans: {
    a: { first: "2026-12-05T10:01:00.000Z", last: "2026-12-05T10:03:00.000Z" },
    b: { first: "2026-12-05T10:04:00.000Z", last: "2026-12-05T10:04:00.000Z" },
    c: { first: "2026-12-05T10:06:00.000Z", last: "2026-12-05T10:06:00.000Z" },
    r: { first: "2026-12-05T10:07:00.000Z", last: "2026-12-05T10:07:00.000Z" },
  },
  checks: [],
  overrides: [],
  members: [],
  planning: {},
};

const phases: PhaseSection[] = [
  { id: "deploy", title: "Deploy", isRollback: false, offsetMinutes: 0, durationMinutes: 30, itemIds: ["a", "b", "c"] },
  { id: "rollback", title: "Rollback", isRollback: true, offsetMinutes: null, durationMinutes: null, itemIds: ["r"] },
];

describe("liveMetrics", () => {
  it("counts a failure the moment the live state has it, though the figures were read before it", () => {
    const metrics = liveMetrics(fetchedAtStart, state, phases, Date.parse("2026-12-05T10:20:00.000Z"));
    // a, b and c changed through the log; "untouched" never did, so it is not a failure of this run.
    expect(metrics.failedItems).toBe(2);
    expect(metrics.skippedItems).toBe(1);
    expect(metrics.downtimeSeconds).toBe(7 * 60);
    expect(metrics.downtimeOverSeconds).toBe(2 * 60);
    expect(metrics.phases).toEqual([{ id: "deploy", title: "Deploy", durationSeconds: 5 * 60 }]);
  });

  it("takes the finish and a rollback from the live state", () => {
    const finished = liveMetrics(fetchedAtStart, { ...state, status: "ROLLED_BACK", finishedAt: "2026-12-05T10:30:00.000Z", rollbackReason: "Errors up" }, phases, 0);
    expect(finished).toMatchObject({ status: "ROLLED_BACK", durationSeconds: 30 * 60, rolledBack: true, succeeded: false, rollbackReason: "Errors up" });
    expect(liveMetrics(fetchedAtStart, { ...state, status: "COMPLETE", finishedAt: "2026-12-05T10:30:00.000Z" }, phases, 0).succeeded).toBe(true);
  });
});

describe("failureKeyOf", () => {
  it("changes when an item fails or stops failing, not when another is ticked", () => {
    const key = failureKeyOf(state);
    expect(failureKeyOf({ ...state, items: { ...state.items, a: item("a", "SKIPPED") } })).toBe(key);
    expect(failureKeyOf({ ...state, items: { ...state.items, a: item("a", "FAILED") } })).not.toBe(key);
    expect(failureKeyOf({ ...state, items: { ...state.items, b: item("b", "DONE") } })).not.toBe(key);
  });
});
