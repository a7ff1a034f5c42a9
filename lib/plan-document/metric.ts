import type { Metric } from "@/lib/plan-document/schema";

export type MetricVerdict = "pass" | "fail";

/**
 * Whether a measured value meets the metric's target. The value is taken in the metric's
 * own unit (the UI asks "API p95 response time (ms)"), so no unit conversion happens here.
 * A value that is not a finite number never passes: a blank measurement is not a pass.
 */
export function evaluateMetric(metric: Metric, value: number): MetricVerdict {
  if (!Number.isFinite(value)) return "fail";
  const { comparator, target } = metric;
  switch (comparator) {
    case "<":
      return value < target ? "pass" : "fail";
    case "<=":
      return value <= target ? "pass" : "fail";
    case ">":
      return value > target ? "pass" : "fail";
    case ">=":
      return value >= target ? "pass" : "fail";
    case "=":
      // Measured values are often typed with a decimal ("99.90"); compare with a relative tolerance.
      return Math.abs(value - target) <= 1e-9 * Math.max(1, Math.abs(target)) ? "pass" : "fail";
  }
}

/** "< 200 ms", "≥ 99.9 %": how a target reads in the UI and in exported Markdown. */
export function formatMetricTarget(metric: Metric): string {
  const unit = metric.unit === "" ? "" : metric.unit === "%" ? "%" : ` ${metric.unit}`;
  return `${metric.comparator} ${metric.target}${unit}`;
}

/** "2.5 %", "142 ms": a measured value with its unit. */
export function formatMeasured(metric: Metric, value: number): string {
  return metric.unit === "" ? String(value) : metric.unit === "%" ? `${value}%` : `${value} ${metric.unit}`;
}

/**
 * A measured step that was done although its value misses the target. Derived from the
 * status, the value and the target every time (never stored), so the plan page, the big
 * screen, the share link, the report, the export and the metrics cannot disagree, and a
 * corrected measurement corrects the mark everywhere.
 */
export function isDoneOutsideTarget(metric: Metric | null | undefined, status: string, value: number | null | undefined): boolean {
  if (!metric || status !== "DONE" || value === null || value === undefined) return false;
  return evaluateMetric(metric, value) === "fail";
}
