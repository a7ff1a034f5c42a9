import { compareWithPlan } from "@/lib/dashboard/format-figures";
import type { PlanMetricsResult } from "@/lib/metrics/plan-metrics";
import { formatDuration, formatInZone } from "@/lib/time/format-time";

/**
 * A plan's deployment metrics, as the event log gives them: on the plan page (so far, while
 * it runs) and in the report. Figures against the plan say which way they went in words.
 */
export function PlanMetricsSummary({ metrics, timeZone, compact = false }: { metrics: PlanMetricsResult; timeZone: string; compact?: boolean }) {
  const finished = metrics.finishedAt !== null;
  const rows: [string, string][] = [
    ["Total duration", metrics.durationSeconds !== null ? against(metrics.durationSeconds, metrics.plannedDurationMinutes, "planned") : metrics.startedAt ? "Still running" : "Not started"],
    ["Downtime", metrics.downtimePeriods.length || metrics.expectedDowntimeMinutes !== null ? against(metrics.downtimeSeconds, metrics.expectedDowntimeMinutes, "expected") : "None recorded"],
    ["Rollback", metrics.rolledBack ? `Yes — ${metrics.rollbackReason ?? "no reason given"}` : "No"],
    ["Failed items", String(metrics.failedItems)],
    ["Skipped items", String(metrics.skippedItems)],
    ["Done outside target", String(metrics.outsideTargetItems)],
    ["Steps added during the run", String(metrics.stepsAddedDuringRun)],
    ["Failure to resolution", metrics.meanResolutionSeconds !== null ? `${formatDuration(metrics.meanResolutionSeconds)} on average` : metrics.failures.length ? "Unresolved" : "Nothing failed"],
  ];
  return (
    <section aria-labelledby="metrics-title" className="space-y-3 text-sm" data-testid="plan-metrics">
      <h2 id="metrics-title" className={compact ? "text-sm font-semibold" : "text-lg font-semibold"}>
        {finished ? "Deployment metrics" : "Metrics so far"}
      </h2>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
        {rows.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="text-slate-600 dark:text-slate-400">{label}</dt>
            <dd data-metric={label}>{value}</dd>
          </div>
        ))}
      </dl>
      {metrics.phases.some((phase) => phase.durationSeconds !== null) ? (
        <table className="w-full text-left">
          <caption className="text-left text-xs font-semibold text-slate-600 dark:text-slate-400">Time per phase (first to last change of its items)</caption>
          <tbody>
            {metrics.phases.map((phase) => (
              <tr key={phase.id} className="border-t border-slate-100 dark:border-slate-800">
                <td className="py-1 pr-3">{phase.title}</td>
                <td className="py-1 text-right tabular-nums">{phase.durationSeconds !== null ? formatDuration(phase.durationSeconds) : "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {metrics.failures.length ? (
        <ul className="space-y-1">
          {metrics.failures.map((failure) => (
            <li key={`${failure.itemId}-${failure.failedAt}`}>
              “{failure.text}” failed at {formatInZone(new Date(failure.failedAt), timeZone, { withDate: false })}
              {failure.resolutionSeconds !== null ? `, resolved in ${formatDuration(failure.resolutionSeconds)}` : ", not resolved"}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

function against(seconds: number, plannedMinutes: number | null, word: "planned" | "expected"): string {
  const actual = formatDuration(seconds);
  if (plannedMinutes === null) return actual;
  const planned = plannedMinutes ? `${plannedMinutes} min ${word}` : `none ${word}`;
  return `${actual} (${planned}; ${compareWithPlan(seconds, plannedMinutes)})`;
}
