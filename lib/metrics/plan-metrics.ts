import type { DowntimePeriodLive, PlanEventMessage } from "@/lib/plan-state/events";
import { FINISHED_STATUSES, type PlanStatusName } from "@/lib/plan-state/lifecycle";
import { itemDoneOutsideTarget } from "@/lib/plans/outside-target";
import type { ItemStatusName } from "@/lib/plans/progress";
import type { PhaseSection } from "@/lib/timeline/phases";

/**
 * A plan's deployment metrics, computed from its event log alone: the log is the record of
 * what happened and when, so the figures on the plan, in the report and on the dashboard
 * are the same numbers and can be recomputed at any time.
 */
export interface MetricsInput {
  /** The plan's events in sequence order. */
  events: readonly PlanEventMessage[];
  phases: readonly PhaseSection[];
  itemText: (itemId: string) => string;
  /** The item's metric as stored, for counting steps done outside their target; none when absent. */
  itemMetric?: (itemId: string) => unknown;
  expectedDurationMinutes: number | null;
  expectedDowntimeMinutes: number | null;
  /** Open downtime and open phases are measured up to here when the plan has not finished. */
  now: number;
}

export interface PhaseMetric {
  id: string;
  title: string;
  /** First to last state change of the phase's items; null when none changed. */
  durationSeconds: number | null;
}

export interface FailureMetric {
  itemId: string;
  text: string;
  failedAt: string;
  resolvedAt: string | null;
  resolvedAs: ItemStatusName | null;
  resolutionSeconds: number | null;
}

export interface PlanMetricsResult {
  status: PlanStatusName | null;
  startedAt: string | null;
  finishedAt: string | null;
  durationSeconds: number | null;
  plannedDurationMinutes: number | null;
  succeeded: boolean;
  rolledBack: boolean;
  rollbackReason: string | null;
  downtimeSeconds: number;
  downtimePeriods: DowntimePeriodLive[];
  expectedDowntimeMinutes: number | null;
  /** Positive when downtime ran longer than expected. */
  downtimeOverSeconds: number | null;
  phases: PhaseMetric[];
  failures: FailureMetric[];
  meanResolutionSeconds: number | null;
  /** Items that ended the run failed or skipped. */
  failedItems: number;
  skippedItems: number;
  /** Measured items that ended the run done although their value missed the target. */
  outsideTargetItems: number;
  /** Steps the lead added while the plan ran (and did not take out again): what the plan missed. */
  stepsAddedDuringRun: number;
}

const seconds = (ms: number) => Math.round(ms / 1000);

export function planMetrics(input: MetricsInput): PlanMetricsResult {
  let status: PlanStatusName | null = null;
  let startedAt: string | null = null;
  let finishedAt: string | null = null;
  let rolledBack = false;
  let rollbackReason: string | null = null;
  let downtimePeriods: DowntimePeriodLive[] = [];
  const itemStatus = new Map<string, ItemStatusName>();
  const measuredValue = new Map<string, number | null>();
  const spans = new Map<string, { first: number; last: number }>();
  const failures: FailureMetric[] = [];
  const openFailure = new Map<string, FailureMetric>();
  const addedDuringRun = new Set<string>();

  for (const message of input.events) {
    const { event } = message;
    const at = Date.parse(message.at);
    switch (event.type) {
      case "plan.status":
        status = event.status;
        startedAt = event.startedAt ?? startedAt;
        finishedAt = FINISHED_STATUSES.has(event.status) ? event.finishedAt : null;
        if (event.status === "ROLLING_BACK") {
          rolledBack = true;
          rollbackReason = event.reason;
        }
        break;
      case "downtime.changed":
        downtimePeriods = event.periods;
        break;
      case "item.added":
        if (event.item.addedDuringRun) addedDuringRun.add(event.item.id);
        break;
      case "item.removed":
        for (const removed of event.removed.items) addedDuringRun.delete(removed.id);
        break;
      case "item.changed": {
        const { id } = event.item;
        itemStatus.set(id, event.item.status);
        measuredValue.set(id, event.item.measuredValue);
        const span = spans.get(id);
        spans.set(id, { first: span?.first ?? at, last: at });
        if (event.downtime) downtimePeriods = event.downtime;
        const open = openFailure.get(id);
        if (event.item.status === "FAILED" && !open) {
          const failure: FailureMetric = { itemId: id, text: input.itemText(id), failedAt: message.at, resolvedAt: null, resolvedAs: null, resolutionSeconds: null };
          failures.push(failure);
          openFailure.set(id, failure);
        } else if (open && event.item.status !== "FAILED" && event.item.status !== "PENDING") {
          // Set back to pending is the retry, not the resolution; done, skipped or n/a settle it.
          open.resolvedAt = message.at;
          open.resolvedAs = event.item.status;
          open.resolutionSeconds = seconds(at - Date.parse(open.failedAt));
          openFailure.delete(id);
        }
        break;
      }
    }
  }

  const downtime = downtimeSeconds(downtimePeriods, finishedAt ? Date.parse(finishedAt) : input.now);
  const resolved = failures.filter((failure) => failure.resolutionSeconds !== null);
  const finalStatuses = [...itemStatus.values()];

  return {
    status,
    startedAt,
    finishedAt,
    durationSeconds: startedAt && finishedAt ? seconds(Date.parse(finishedAt) - Date.parse(startedAt)) : null,
    plannedDurationMinutes: input.expectedDurationMinutes,
    succeeded: status === "COMPLETE" && !rolledBack,
    rolledBack,
    rollbackReason,
    downtimeSeconds: downtime,
    downtimePeriods,
    expectedDowntimeMinutes: input.expectedDowntimeMinutes,
    downtimeOverSeconds: input.expectedDowntimeMinutes === null ? null : downtime - input.expectedDowntimeMinutes * 60,
    phases: input.phases.map((phase) => {
      const phaseSpans = phase.itemIds.map((id) => spans.get(id)).filter((span) => span !== undefined);
      return {
        id: phase.id,
        title: phase.title,
        durationSeconds: phaseSpans.length ? seconds(Math.max(...phaseSpans.map((span) => span.last)) - Math.min(...phaseSpans.map((span) => span.first))) : null,
      };
    }),
    failures,
    meanResolutionSeconds: resolved.length ? Math.round(resolved.reduce((sum, failure) => sum + failure.resolutionSeconds!, 0) / resolved.length) : null,
    failedItems: finalStatuses.filter((value) => value === "FAILED").length,
    skippedItems: finalStatuses.filter((value) => value === "SKIPPED").length,
    outsideTargetItems: input.itemMetric
      ? [...itemStatus].filter(([id, status]) => itemDoneOutsideTarget(input.itemMetric!(id), { status, measuredValue: measuredValue.get(id) ?? null })).length
      : 0,
    stepsAddedDuringRun: addedDuringRun.size,
  };
}

/** Seconds of downtime in the periods; one still open counts up to `end` (the finish, or now). */
export function downtimeSeconds(periods: readonly DowntimePeriodLive[], end: number): number {
  return periods.reduce((sum, period) => sum + Math.max(0, seconds((period.endedAt ? Date.parse(period.endedAt) : end) - Date.parse(period.startedAt))), 0);
}
