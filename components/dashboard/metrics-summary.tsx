import { cardStyles } from "@/components/ui/styles";
import type { MetricsAggregate } from "@/lib/dashboard/finished-metrics";
import { compareWithPlan, formatDuration, formatMinutes, formatPercent } from "@/lib/dashboard/format-figures";

/** The headline figures over every finished plan in view, as big numbers with what they are out of. */
export function MetricsSummary({ overall }: { overall: MetricsAggregate }) {
  const plans = (count: number) => `${count} of ${overall.finished} finished plan${overall.finished === 1 ? "" : "s"}`;
  const figures = [
    { label: "Success rate", value: formatPercent(overall.successRate), detail: plans(overall.succeeded) },
    { label: "Rollback rate", value: formatPercent(overall.rollbackRate), detail: plans(overall.rolledBack) },
    {
      label: "Median duration",
      value: formatDuration(overall.medianDurationSeconds),
      detail: againstPlan("planned", overall.medianPlannedDurationMinutes, compareWithPlan(overall.medianDurationSeconds, overall.medianPlannedDurationMinutes)),
    },
    {
      label: "Median downtime",
      value: formatDuration(overall.medianDowntimeSeconds),
      detail: againstPlan("expected", overall.medianExpectedDowntimeMinutes, compareWithPlan(overall.medianDowntimeSeconds, overall.medianExpectedDowntimeMinutes)),
    },
  ];
  return (
    <dl className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
      {figures.map((figure) => (
        <div key={figure.label} className={`${cardStyles} px-4 py-3`}>
          <dt className="text-sm font-medium text-slate-600 dark:text-slate-400">{figure.label}</dt>
          <dd className="mt-1 text-3xl font-semibold tabular-nums tracking-tight">{figure.value}</dd>
          <dd className="mt-1 text-xs text-slate-600 dark:text-slate-400">{figure.detail}</dd>
        </div>
      ))}
    </dl>
  );
}

function againstPlan(word: "planned" | "expected", minutes: number | null, comparison: string | null): string {
  if (minutes === null) return `nothing ${word} on record`;
  return `median ${word} ${formatMinutes(minutes)}${comparison ? ` · ${comparison}` : ""}`;
}
