import { evaluateMetric, formatMeasured, formatMetricTarget } from "@/lib/plan-document/metric";
import type { Metric } from "@/lib/plan-document/schema";
import type { ItemStatusName } from "@/lib/plans/progress";

/**
 * The rule for measured steps: a step with a metric is done only with a value, and done with
 * a value outside its target only when the person confirms it. The server evaluates the
 * target itself; the client's confirmation says "I saw the warning", never "it passed".
 */
export interface MeasuredDoneInput {
  metric: Metric | null;
  before: { status: ItemStatusName; value: number | null };
  after: { status: ItemStatusName; value: number | null };
  confirmedOutsideTarget: boolean;
}

export type MeasuredDoneVerdict =
  | { ok: true; outsideTarget: boolean }
  | { ok: false; reason: "value-missing"; message: string }
  | { ok: false; reason: "outside-target"; message: string };

export function checkMeasuredDone({ metric, before, after, confirmedOutsideTarget }: MeasuredDoneInput): MeasuredDoneVerdict {
  if (!metric || after.status !== "DONE") return { ok: true, outsideTarget: false };
  if (after.value === null) {
    return { ok: false, reason: "value-missing", message: `Record the measured ${metric.label} (${metric.unit || "value"}) before marking this step done.` };
  }
  const outsideTarget = evaluateMetric(metric, after.value) === "fail";
  // Asked once for each new value that is done outside target; ticking other steps never asks again.
  const alreadyAccepted = before.status === "DONE" && before.value === after.value;
  if (outsideTarget && !confirmedOutsideTarget && !alreadyAccepted) {
    return {
      ok: false,
      reason: "outside-target",
      message: `${formatMeasured(metric, after.value)} is outside the target ${formatMetricTarget(metric)}. Confirm to mark it done outside target.`,
    };
  }
  return { ok: true, outsideTarget };
}
