import { describe, expect, it } from "vitest";
import { groupMetricsRows, NO_METRICS, rate, type MetricsRow } from "@/lib/dashboard/finished-metrics";

const row = (grouping: MetricsRow["grouping"], values: Partial<MetricsRow>): MetricsRow => ({
  grouping,
  environment: null,
  month: null,
  finished: 0,
  succeeded: 0,
  rolledBack: 0,
  medianDurationSeconds: null,
  medianPlannedDurationMinutes: null,
  medianDowntimeSeconds: null,
  medianExpectedDowntimeMinutes: null,
  ...values,
});

describe("rate", () => {
  it("is null without a whole", () => {
    expect(rate(0, 0)).toBeNull();
    expect(rate(1, 4)).toBe(0.25);
  });
});

describe("groupMetricsRows", () => {
  it("sorts the grouping-set rows into overall, environments (busiest first, unnamed last) and months (in order)", () => {
    const grouped = groupMetricsRows([
      row("month", { month: "2026-02", finished: 1, succeeded: 1 }),
      row("environment", { environment: null, finished: 9, succeeded: 9 }),
      row("overall", { finished: 14, succeeded: 10, rolledBack: 2, medianDurationSeconds: 1800 }),
      row("environment", { environment: "staging", finished: 2, succeeded: 1 }),
      row("environment", { environment: "production", finished: 3, succeeded: 0, rolledBack: 2 }),
      row("month", { month: "2026-01", finished: 13, succeeded: 9 }),
    ]);
    expect(grouped.overall).toMatchObject({ finished: 14, successRate: 10 / 14, rollbackRate: 2 / 14, medianDurationSeconds: 1800 });
    expect(grouped.byEnvironment.map((group) => group.environment)).toEqual(["production", "staging", null]);
    expect(grouped.byEnvironment[0]).toMatchObject({ successRate: 0, rollbackRate: 2 / 3 });
    expect(grouped.byMonth.map((group) => group.month)).toEqual(["2026-01", "2026-02"]);
  });

  it("has empty figures when nothing finished", () => {
    expect(groupMetricsRows([])).toEqual({ overall: NO_METRICS, byEnvironment: [], byMonth: [] });
    expect(groupMetricsRows([row("overall", {})]).overall).toEqual(NO_METRICS);
  });
});
