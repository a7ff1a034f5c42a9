import { BarChart3 } from "lucide-react";
import { MetricsSummary } from "@/components/dashboard/metrics-summary";
import { TrendChart } from "@/components/dashboard/trend-chart";
import { cardStyles } from "@/components/ui/styles";
import type { FinishedMetrics } from "@/lib/dashboard/finished-metrics";
import { trendCharts, type ChartSpec } from "@/lib/dashboard/trend-charts";

/** Success, rollbacks, durations and downtimes across the finished plans in view: headline figures, then charts. */
export function FinishedTrends({ metrics, filtered }: { metrics: FinishedMetrics; filtered: boolean }) {
  const charts = trendCharts(metrics);
  return (
    <section aria-labelledby="trends-heading" className="space-y-4">
      <div>
        <h2 id="trends-heading" className="text-lg font-semibold tracking-tight">
          Across finished plans
        </h2>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
          Every finished plan with recorded metrics{filtered ? " that matches the filters" : ""}; months are the month of the finish, in UTC.
        </p>
      </div>
      {metrics.overall.finished ? (
        <>
          <MetricsSummary overall={metrics.overall} />
          <ChartGroup title="By environment" charts={charts.byEnvironment} />
          <ChartGroup title="By month" charts={charts.byMonth} />
        </>
      ) : (
        <div className={`${cardStyles} px-6 py-10 text-center`}>
          <BarChart3 aria-hidden className="mx-auto size-8 text-slate-500" />
          <p className="mt-3 font-medium">{filtered ? "No finished plan matches these filters" : "No finished plans yet"}</p>
          <p className="mx-auto mt-1 max-w-md text-sm text-slate-600 dark:text-slate-400">
            {filtered
              ? "Widen the date range or clear a filter to see success rates and durations."
              : "Success and rollback rates, durations and downtimes appear here once plans complete, roll back or are aborted."}
          </p>
        </div>
      )}
    </section>
  );
}

function ChartGroup({ title, charts }: { title: string; charts: ChartSpec[] }) {
  return (
    <div className={`${cardStyles} p-4`}>
      <h3 className="text-sm font-semibold">{title}</h3>
      <div className="mt-3 grid grid-cols-1 gap-4 lg:grid-cols-3">
        {charts.map((chart) => (
          <TrendChart key={chart.id} spec={chart} />
        ))}
      </div>
    </div>
  );
}
