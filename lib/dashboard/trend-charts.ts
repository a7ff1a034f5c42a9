import type { FinishedMetrics, MetricsAggregate } from "@/lib/dashboard/finished-metrics";
import { formatMonth } from "@/lib/dashboard/format-times";

/**
 * The trend charts as plain, serialisable specs: the server decides what is plotted and how it
 * is labelled, the client chart component only draws it (and the table that says it in words).
 */

export type ChartTone = "success" | "rollback" | "actual" | "planned" | "downtime";

export interface ChartSeries {
  key: string;
  label: string;
  tone: ChartTone;
  /** One per category; null where the group has no such value. */
  values: (number | null)[];
}

export interface ChartSpec {
  id: string;
  title: string;
  /** "share": 0–1, shown as a percentage; "minutes": shown as a duration. */
  unit: "share" | "minutes";
  /** bars: horizontal, for named categories (long labels read along the axis); columns and line: for a sequence of months. */
  kind: "bars" | "columns" | "line";
  categoryLabel: string;
  categories: string[];
  series: ChartSeries[];
}

export const NO_ENVIRONMENT_LABEL = "No environment";

const toMinutes = (seconds: number | null) => (seconds === null ? null : Math.round((seconds / 60) * 10) / 10);

interface ChartScope {
  id: string;
  noun: string;
  categoryLabel: string;
  categories: string[];
  barKind: ChartSpec["kind"];
  rateKind: ChartSpec["kind"];
}

function chartsFor(groups: MetricsAggregate[], scope: ChartScope): ChartSpec[] {
  const base = { categoryLabel: scope.categoryLabel, categories: scope.categories };
  return [
    {
      ...base,
      id: `rates-by-${scope.id}`,
      title: `Success and rollback rate by ${scope.noun}`,
      unit: "share",
      kind: scope.rateKind,
      series: [
        { key: "success", label: "Success rate", tone: "success", values: groups.map((group) => group.successRate) },
        { key: "rollback", label: "Rollback rate", tone: "rollback", values: groups.map((group) => group.rollbackRate) },
      ],
    },
    {
      ...base,
      id: `duration-by-${scope.id}`,
      title: `Median duration vs planned by ${scope.noun}`,
      unit: "minutes",
      kind: scope.barKind,
      series: [
        { key: "duration", label: "Median duration", tone: "actual", values: groups.map((group) => toMinutes(group.medianDurationSeconds)) },
        { key: "planned", label: "Median planned", tone: "planned", values: groups.map((group) => group.medianPlannedDurationMinutes) },
      ],
    },
    {
      ...base,
      id: `downtime-by-${scope.id}`,
      title: `Median downtime vs expected by ${scope.noun}`,
      unit: "minutes",
      kind: scope.barKind,
      series: [
        { key: "downtime", label: "Median downtime", tone: "downtime", values: groups.map((group) => toMinutes(group.medianDowntimeSeconds)) },
        { key: "expected", label: "Median expected", tone: "planned", values: groups.map((group) => group.medianExpectedDowntimeMinutes) },
      ],
    },
  ];
}

export function trendCharts(metrics: FinishedMetrics): { byEnvironment: ChartSpec[]; byMonth: ChartSpec[] } {
  return {
    byEnvironment: chartsFor(metrics.byEnvironment, {
      id: "environment",
      noun: "environment",
      categoryLabel: "Environment",
      categories: metrics.byEnvironment.map((group) => group.environment ?? NO_ENVIRONMENT_LABEL),
      barKind: "bars",
      rateKind: "bars",
    }),
    // Months are a sequence, so their rates read best as lines.
    byMonth: chartsFor(metrics.byMonth, {
      id: "month",
      noun: "month",
      categoryLabel: "Month (UTC)",
      categories: metrics.byMonth.map((group) => formatMonth(group.month)),
      barKind: "columns",
      rateKind: "line",
    }),
  };
}
