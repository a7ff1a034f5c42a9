import { isDoneOutsideTarget } from "@/lib/plan-document/metric";
import { metricSchema } from "@/lib/plan-document/schema";

/**
 * Whether an item of a stored plan was done outside its target: its metric as stored (JSON)
 * and its state as held live or read from the database. The pages, the report, the export
 * and the metrics all ask this one function.
 */
export function itemDoneOutsideTarget(metric: unknown, state: { status: string; measuredValue: number | null } | undefined): boolean {
  if (!state || metric === null || metric === undefined) return false;
  const parsed = metricSchema.safeParse(metric);
  return parsed.success && isDoneOutsideTarget(parsed.data, state.status, state.measuredValue);
}
