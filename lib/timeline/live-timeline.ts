import { downtimeSeconds } from "@/lib/metrics/plan-metrics";
import type { PlanLiveState } from "@/lib/plan-state/live-state";
import type { PhaseSection } from "@/lib/timeline/phases";
import { planTimeline, type PlanTimeline, type ScheduleRowInput } from "@/lib/timeline/plan-timeline";

const time = (iso: string | null) => (iso ? Date.parse(iso) : null);

/** The timeline of a plan as a browser holds it, at `now`. */
export function timelineOfLiveState(state: PlanLiveState, phases: readonly PhaseSection[], schedule: readonly ScheduleRowInput[], now: number): PlanTimeline {
  return planTimeline({
    phases,
    schedule,
    status: state.status,
    windowStart: time(state.window.windowStart),
    startedAt: time(state.startedAt),
    finishedAt: time(state.finishedAt),
    expectedDurationMinutes: state.window.expectedDurationMinutes,
    itemStatus: (id) => state.items[id]?.status ?? "PENDING",
    itemSpans: Object.fromEntries(Object.entries(state.itemSpans).map(([id, span]) => [id, { first: Date.parse(span.first), last: Date.parse(span.last) }])),
    now,
  });
}

/** Seconds of downtime so far; an open period counts up to `now` (or the plan's finish). */
export function downtimeSecondsOf(state: Pick<PlanLiveState, "downtime" | "finishedAt">, now: number): number {
  return downtimeSeconds(state.downtime, time(state.finishedAt) ?? now);
}

export type CheckDue = "done" | "skipped" | "overdue" | "due" | "later";

/** Due within the hour counts as due; past its time and not done, overdue. */
export function checkDueState(check: { status: string; dueAt: string }, now: number): CheckDue {
  if (check.status === "DONE") return "done";
  if (check.status === "SKIPPED") return "skipped";
  const dueAt = Date.parse(check.dueAt);
  if (dueAt < now) return "overdue";
  return dueAt - now <= 60 * 60_000 ? "due" : "later";
}
