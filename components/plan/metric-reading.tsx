import { evaluateMetric, formatMeasured, formatMetricTarget } from "@/lib/plan-document/metric";
import type { Metric } from "@/lib/plan-document/schema";

/**
 * A measured value against its target, as text: "142 ms — pass (target < 200 ms)". A step
 * done with a value that misses the target reads "done outside target", in amber.
 */
export function MetricReading({ metric, value, done = false }: { metric: Metric; value: number | null; done?: boolean }) {
  const verdict = value === null ? null : evaluateMetric(metric, value);
  const outsideTarget = done && verdict === "fail";
  const style = verdict === "pass" ? "text-emerald-700 dark:text-emerald-400" : outsideTarget ? "text-amber-800 dark:text-amber-300" : "text-red-700 dark:text-red-400";
  return (
    <p className="mt-1 text-xs" data-role="metric-reading">
      <span className="text-slate-600 dark:text-slate-400">Target {formatMetricTarget(metric)}</span>
      {value === null ? (
        <span className="ml-2 text-slate-600 dark:text-slate-400">not measured yet</span>
      ) : (
        <span className={`ml-2 font-medium ${style}`}>
          {formatMeasured(metric, value)} — {verdict === "pass" ? "pass" : outsideTarget ? "done outside target" : "fail"}
        </span>
      )}
    </p>
  );
}
