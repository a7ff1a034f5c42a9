/**
 * The shape of the finished-plan figures, and the step from the aggregate query's rows to it.
 * Pure: the counting and the medians happen in SQL (aggregate-finished-metrics.ts); this only
 * sorts the grouping-set rows into their places and turns counts into rates.
 */

export interface MetricsAggregate {
  /** Finished plans with metrics in this group. */
  finished: number;
  succeeded: number;
  rolledBack: number;
  /** Shares of `finished`, 0–1; null when nothing finished. */
  successRate: number | null;
  rollbackRate: number | null;
  /** Medians over the plans that have the value; null when none has it. */
  medianDurationSeconds: number | null;
  medianPlannedDurationMinutes: number | null;
  medianDowntimeSeconds: number | null;
  medianExpectedDowntimeMinutes: number | null;
}

export interface EnvironmentMetrics extends MetricsAggregate {
  /** null for plans that name no environment. */
  environment: string | null;
}

export interface MonthMetrics extends MetricsAggregate {
  /** The UTC month of the finish, "YYYY-MM". */
  month: string;
}

export interface FinishedMetrics {
  overall: MetricsAggregate;
  byEnvironment: EnvironmentMetrics[];
  byMonth: MonthMetrics[];
}

/** One row of the aggregate query: `grouping` says which grouping set it belongs to. */
export interface MetricsRow {
  grouping: "overall" | "environment" | "month";
  environment: string | null;
  month: string | null;
  finished: number;
  succeeded: number;
  rolledBack: number;
  medianDurationSeconds: number | null;
  medianPlannedDurationMinutes: number | null;
  medianDowntimeSeconds: number | null;
  medianExpectedDowntimeMinutes: number | null;
}

export const NO_METRICS: MetricsAggregate = {
  finished: 0,
  succeeded: 0,
  rolledBack: 0,
  successRate: null,
  rollbackRate: null,
  medianDurationSeconds: null,
  medianPlannedDurationMinutes: null,
  medianDowntimeSeconds: null,
  medianExpectedDowntimeMinutes: null,
};

/** part / whole, or null when there is no whole to share out. */
export function rate(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

export function groupMetricsRows(rows: MetricsRow[]): FinishedMetrics {
  const result: FinishedMetrics = { overall: NO_METRICS, byEnvironment: [], byMonth: [] };
  for (const row of rows) {
    const aggregate = toAggregate(row);
    if (row.grouping === "overall") result.overall = aggregate;
    else if (row.grouping === "environment") result.byEnvironment.push({ environment: row.environment, ...aggregate });
    else if (row.month) result.byMonth.push({ month: row.month, ...aggregate });
  }
  // Busiest environments first; the unnamed group last whatever its size.
  result.byEnvironment.sort(
    (a, b) => Number(a.environment === null) - Number(b.environment === null) || b.finished - a.finished || (a.environment ?? "").localeCompare(b.environment ?? ""),
  );
  result.byMonth.sort((a, b) => a.month.localeCompare(b.month));
  return result;
}

function toAggregate(row: MetricsRow): MetricsAggregate {
  return {
    finished: row.finished,
    succeeded: row.succeeded,
    rolledBack: row.rolledBack,
    successRate: rate(row.succeeded, row.finished),
    rollbackRate: rate(row.rolledBack, row.finished),
    medianDurationSeconds: row.medianDurationSeconds,
    medianPlannedDurationMinutes: row.medianPlannedDurationMinutes,
    medianDowntimeSeconds: row.medianDowntimeSeconds,
    medianExpectedDowntimeMinutes: row.medianExpectedDowntimeMinutes,
  };
}
