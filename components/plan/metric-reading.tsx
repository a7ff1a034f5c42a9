import { evaluateMetric, formatMetricTarget } from "@/lib/plan-document/metric";
import type { Metric } from "@/lib/plan-document/schema";

/** A measured value against its target, as text: "142 ms — pass (target < 200 ms)". */
export function MetricReading({ metric, value }: { metric: Metric; value: number | null }) {
  const verdict = value === null ? null : evaluateMetric(metric, value);
  return (
    <p className="mt-1 text-xs">
      <span className="text-slate-600 dark:text-slate-400">Target {formatMetricTarget(metric)}</span>
      {value === null ? (
        <span className="ml-2 text-slate-600 dark:text-slate-400">not measured yet</span>
      ) : (
        <span className={`ml-2 font-medium ${verdict === "pass" ? "text-emerald-700 dark:text-emerald-400" : "text-red-700 dark:text-red-400"}`}>
          {value} {metric.unit} — {verdict === "pass" ? "pass" : "fail"}
        </span>
      )}
    </p>
  );
}
