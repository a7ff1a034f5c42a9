import { describe, expect, it } from "vitest";
import type { PlanEventMessage, PlanEventPayload } from "@/lib/plan-state/events";
import type { ItemStatusName } from "@/lib/plans/progress";
import { planMetrics } from "@/lib/metrics/plan-metrics";

const T0 = Date.parse("2026-12-05T22:00:00Z");
const at = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString();

let seq = 0;
function message(minutes: number, event: PlanEventPayload): PlanEventMessage {
  seq += 1;
  return { planId: "p", seq, at: at(minutes), actor: null, event };
}
const status = (minutes: number, to: Extract<PlanEventPayload, { type: "plan.status" }>["status"], extra: { reason?: string; startedAt?: string | null; finishedAt?: string | null } = {}) =>
  message(minutes, { type: "plan.status", status: to, previousStatus: "IN_PROGRESS", reason: extra.reason ?? null, trigger: null, startedAt: extra.startedAt ?? at(0), finishedAt: extra.finishedAt ?? null });
const item = (minutes: number, id: string, to: ItemStatusName) =>
  message(minutes, { type: "item.changed", item: { id, status: to, statusNote: null, measuredValue: null, statusAt: at(minutes), changedBy: "Lee", version: 1 }, previousStatus: "PENDING" });

const phases = [
  { id: "deploy", title: "Deploy", isRollback: false, offsetMinutes: 0, durationMinutes: 15, itemIds: ["d1", "d2"] },
  { id: "verify", title: "Verify", isRollback: false, offsetMinutes: 15, durationMinutes: 10, itemIds: ["v1", "v2"] },
];

describe("planMetrics", () => {
  it("measures duration, phases, downtime, failure resolution and counts from the log", () => {
    const events = [
      message(0, { type: "plan.status", status: "IN_PROGRESS", previousStatus: "SCHEDULED", reason: null, trigger: null, startedAt: at(0), finishedAt: null }),
      item(1, "d1", "DONE"),
      message(2, { type: "downtime.changed", action: "started", periods: [{ id: "x", startedAt: at(2), endedAt: null }] }),
      item(5, "d2", "FAILED"),
      item(6, "d2", "PENDING"),
      item(9, "d2", "DONE"),
      message(12, { type: "downtime.changed", action: "ended", periods: [{ id: "x", startedAt: at(2), endedAt: at(12) }] }),
      item(16, "v1", "SKIPPED"),
      item(20, "v2", "FAILED"),
      status(28, "PARTIAL", { finishedAt: at(28) }),
    ];
    const metrics = planMetrics({ events, phases, itemText: (id) => `item ${id}`, expectedDurationMinutes: 25, expectedDowntimeMinutes: 15, now: T0 + 60 * 60_000 });
    expect(metrics).toMatchObject({
      status: "PARTIAL",
      durationSeconds: 28 * 60,
      plannedDurationMinutes: 25,
      succeeded: false,
      rolledBack: false,
      downtimeSeconds: 600,
      downtimeOverSeconds: -300,
      failedItems: 1,
      skippedItems: 1,
      meanResolutionSeconds: 240,
    });
    expect(metrics.phases).toEqual([
      { id: "deploy", title: "Deploy", durationSeconds: 480 },
      { id: "verify", title: "Verify", durationSeconds: 240 },
    ]);
    expect(metrics.failures).toEqual([
      { itemId: "d2", text: "item d2", failedAt: at(5), resolvedAt: at(9), resolvedAs: "DONE", resolutionSeconds: 240 },
      { itemId: "v2", text: "item v2", failedAt: at(20), resolvedAt: null, resolvedAs: null, resolutionSeconds: null },
    ]);
  });

  it("counts measured steps that ended done outside their target, with the value they ended with", () => {
    const measured = (minutes: number, id: string, to: ItemStatusName, value: number | null) =>
      message(minutes, { type: "item.changed", item: { id, status: to, statusNote: null, measuredValue: value, statusAt: at(minutes), changedBy: "Lee", version: 1 }, previousStatus: "PENDING" });
    const errorRate = { label: "Error rate", unit: "%", comparator: "<", target: 1 };
    const events = [
      status(0, "IN_PROGRESS"),
      measured(1, "d1", "DONE", 2.5),
      measured(2, "d2", "DONE", 3),
      // Measured again within the target: no longer outside it.
      measured(3, "d2", "DONE", 0.4),
      measured(4, "v1", "FAILED", 7),
      measured(5, "v2", "DONE", 9),
    ];
    const metricOf = (id: string) => (id === "v2" ? null : errorRate);
    const metrics = planMetrics({ events, phases, itemText: () => "", itemMetric: metricOf, expectedDurationMinutes: null, expectedDowntimeMinutes: null, now: T0 + 10 * 60_000 });
    expect(metrics.outsideTargetItems).toBe(1);
  });

  it("records a rollback with its reason and counts downtime still open up to the finish", () => {
    const events = [
      message(0, { type: "plan.status", status: "IN_PROGRESS", previousStatus: "SCHEDULED", reason: null, trigger: null, startedAt: at(0), finishedAt: null }),
      { ...item(3, "d1", "DONE"), event: { ...item(3, "d1", "DONE").event, downtime: [{ id: "y", startedAt: at(3), endedAt: null }] } as PlanEventPayload },
      status(10, "ROLLING_BACK", { reason: "Error rate above 5%" }),
      status(30, "ROLLED_BACK", { finishedAt: at(30) }),
    ];
    const metrics = planMetrics({ events, phases, itemText: () => "", expectedDurationMinutes: null, expectedDowntimeMinutes: 0, now: T0 + 120 * 60_000 });
    expect(metrics).toMatchObject({ status: "ROLLED_BACK", rolledBack: true, rollbackReason: "Error rate above 5%", succeeded: false, durationSeconds: 1800, downtimeSeconds: 27 * 60, downtimeOverSeconds: 27 * 60, meanResolutionSeconds: null });
  });

  it("measures a running plan's open downtime up to now and calls a clean completion a success", () => {
    const running = planMetrics({
      events: [message(0, { type: "downtime.changed", action: "started", periods: [{ id: "z", startedAt: at(0), endedAt: null }] })],
      phases,
      itemText: () => "",
      expectedDurationMinutes: null,
      expectedDowntimeMinutes: null,
      now: T0 + 90_000,
    });
    expect(running).toMatchObject({ status: null, downtimeSeconds: 90, downtimeOverSeconds: null, durationSeconds: null });
    const complete = planMetrics({ events: [status(0, "IN_PROGRESS"), status(5, "COMPLETE", { finishedAt: at(5) })], phases, itemText: () => "", expectedDurationMinutes: 10, expectedDowntimeMinutes: null, now: T0 });
    expect(complete).toMatchObject({ succeeded: true, durationSeconds: 300, phases: [{ durationSeconds: null }, { durationSeconds: null }] });
  });
});
