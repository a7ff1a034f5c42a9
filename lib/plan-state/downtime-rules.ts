import type { DowntimeMarkerName } from "@/lib/plan-state/events";
import type { PlanStatusName } from "@/lib/plan-state/lifecycle";
import type { ItemStatusName } from "@/lib/plans/progress";

/**
 * Whether ticking an item starts or ends the downtime: an item flagged as downtime start
 * ("Stop application") starts it when it is done and no downtime is running; one flagged
 * as the end ("Start application") ends a running one. Only during a run, and only on the
 * tick itself, so setting an item back never rewrites the recorded downtime.
 */
export function downtimeEffect(
  marker: DowntimeMarkerName | null,
  from: ItemStatusName,
  to: ItemStatusName,
  downtimeOpen: boolean,
  planStatus: PlanStatusName,
): "start" | "end" | undefined {
  if (!marker || to !== "DONE" || from === "DONE") return undefined;
  if (planStatus !== "IN_PROGRESS" && planStatus !== "ROLLING_BACK") return undefined;
  if (marker === "START" && !downtimeOpen) return "start";
  if (marker === "END" && downtimeOpen) return "end";
  return undefined;
}
