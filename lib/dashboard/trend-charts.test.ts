import { describe, expect, it } from "vitest";
import { NO_METRICS, type FinishedMetrics } from "@/lib/dashboard/finished-metrics";
import { trendCharts } from "@/lib/dashboard/trend-charts";

const metrics: FinishedMetrics = {
  overall: NO_METRICS,
  byEnvironment: [
    { ...NO_METRICS, environment: "production", finished: 2, successRate: 0.5, rollbackRate: 0.5, medianDurationSeconds: 5430, medianPlannedDurationMinutes: 60 },
    { ...NO_METRICS, environment: null, finished: 1, successRate: 1, rollbackRate: 0, medianDowntimeSeconds: 90, medianExpectedDowntimeMinutes: 5 },
  ],
  byMonth: [{ ...NO_METRICS, month: "2026-01", finished: 1, successRate: 1, rollbackRate: 0 }],
};

describe("trendCharts", () => {
  it("plots rates, durations and downtimes per environment, in minutes, with the unnamed group labelled", () => {
    const [rates, duration, downtime] = trendCharts(metrics).byEnvironment;
    expect(rates).toMatchObject({ title: "Success and rollback rate by environment", unit: "share", kind: "bars", categories: ["production", "No environment"] });
    expect(rates!.series.map((series) => series.values)).toEqual([[0.5, 1], [0.5, 0]]);
    expect(duration!.series.map((series) => series.values)).toEqual([[90.5, null], [60, null]]);
    expect(downtime!.series.map((series) => series.values)).toEqual([[null, 1.5], [null, 5]]);
  });

  it("labels months and draws their rates as a line", () => {
    const [rates, duration] = trendCharts(metrics).byMonth;
    expect(rates).toMatchObject({ id: "rates-by-month", kind: "line", categoryLabel: "Month (UTC)", categories: ["Jan 2026"] });
    expect(duration).toMatchObject({ kind: "columns" });
  });
});
