import { downtimeSeconds, type PlanMetricsResult } from "@/lib/metrics/plan-metrics";
import { FINISHED_STATUSES } from "@/lib/plan-state/lifecycle";
import type { PlanLiveState } from "@/lib/plan-state/live-state";
import type { PhaseSection } from "@/lib/timeline/phases";

const seconds = (ms: number) => Math.round(ms / 1000);

/**
 * "Metrics so far" under the live state: the figures that follow from what every page already
 * holds (status, times, downtime, phase spans, failed and skipped counts) are taken from it, so
 * they change with the event that changes them. The failure list (when each failed and was
 * resolved) comes from the server's reading of the log, `fetched`, which the page asks for
 * again when the set of failed items changes (see `failureKeyOf`).
 *
 * Counted like `planMetrics`: only items that changed through the log (they have a span), and
 * phases other than the rollback procedure.
 */
export function liveMetrics(fetched: PlanMetricsResult, state: PlanLiveState, phases: readonly PhaseSection[], now: number): PlanMetricsResult {
  const finishedAt = FINISHED_STATUSES.has(state.status) ? state.finishedAt : null;
  const changed = Object.keys(state.itemSpans).map((id) => state.items[id]?.status);
  const rolledBack = fetched.rolledBack || state.status === "ROLLING_BACK" || state.status === "ROLLED_BACK";
  const downtime = downtimeSeconds(state.downtime, finishedAt ? Date.parse(finishedAt) : now);
  return {
    ...fetched,
    status: state.status,
    startedAt: state.startedAt,
    finishedAt,
    durationSeconds: state.startedAt && finishedAt ? seconds(Date.parse(finishedAt) - Date.parse(state.startedAt)) : null,
    plannedDurationMinutes: state.window.expectedDurationMinutes,
    succeeded: state.status === "COMPLETE" && !rolledBack,
    rolledBack,
    rollbackReason: state.rollbackReason ?? fetched.rollbackReason,
    downtimeSeconds: downtime,
    downtimePeriods: state.downtime,
    expectedDowntimeMinutes: state.window.expectedDowntimeMinutes,
    downtimeOverSeconds: state.window.expectedDowntimeMinutes === null ? null : downtime - state.window.expectedDowntimeMinutes * 60,
    phases: phases
      .filter((phase) => !phase.isRollback)
      .map((phase) => {
        const spans = phase.itemIds.map((id) => state.itemSpans[id]).filter((span) => span !== undefined);
        return {
          id: phase.id,
          title: phase.title,
          durationSeconds: spans.length ? seconds(Math.max(...spans.map((span) => Date.parse(span.last))) - Math.min(...spans.map((span) => Date.parse(span.first)))) : null,
        };
      }),
    failedItems: changed.filter((status) => status === "FAILED").length,
    skippedItems: changed.filter((status) => status === "SKIPPED").length,
  };
}

/**
 * Changes when an item fails or leaves the failed state, when a measured step is settled with a
 * value (it may be outside its target, which only the server's reading counts), or when the
 * plan's status moves: then the server's figures are read again.
 */
export function failureKeyOf(state: Pick<PlanLiveState, "items" | "status">): string {
  const items = Object.values(state.items);
  const failed = items
    .filter((item) => item.status === "FAILED")
    .map((item) => item.id)
    .sort();
  const measured = items
    .filter((item) => item.status === "DONE" && item.measuredValue !== null)
    .map((item) => `${item.id}=${item.measuredValue}`)
    .sort();
  return `${state.status}:${failed.join(",")}:${measured.join(",")}`;
}
