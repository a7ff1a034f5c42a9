"use client";

import { useState } from "react";
import { PresenceBar } from "@/components/live/presence-bar";
import { usePlanLive } from "@/components/live/use-plan-live";
import { PlanStatusPill } from "@/components/plans/plan-status-pill";
import { TimePanel } from "@/components/timeline/time-panel";
import { STATE_LABEL, TimelineChart } from "@/components/timeline/timeline-chart";
import { useNow } from "@/components/timeline/use-now";
import { useViewerTimeZone } from "@/components/timeline/zoned-time";
import { WindowSettings } from "@/components/timeline/window-settings";
import { FormAlert } from "@/components/ui/form-alert";
import { buttonStyles, cardStyles } from "@/components/ui/styles";
import type { PlanChange } from "@/lib/plan-state/change-schema";
import type { PlanLiveState } from "@/lib/plan-state/live-state";
import { formatDuration, formatInZone, formatSpan } from "@/lib/time/format-time";
import { timeRange, type RangeMode } from "@/lib/timeline/chart-scale";
import { timelineOfLiveState } from "@/lib/timeline/live-timeline";
import type { PhaseSection } from "@/lib/timeline/phases";
import type { ScheduleRowInput } from "@/lib/timeline/plan-timeline";

interface LiveTimelineProps {
  initial: PlanLiveState;
  phases: PhaseSection[];
  schedule: ScheduleRowInput[];
  items: { id: string; text: string }[];
  permissions: { run: boolean; tick: boolean; edit: boolean };
}

/**
 * The timeline page: planned against actual for every phase, moving with the clock and with
 * every tick anyone makes. The arithmetic is lib/timeline; this only draws it.
 */
export function LiveTimeline({ initial, phases, schedule, items, permissions }: LiveTimelineProps) {
  const { state, connection, presence, sendChange } = usePlanLive(initial);
  const now = useNow(Date.parse(initial.loadedAt));
  const [mode, setMode] = useState<RangeMode>("window");
  const [error, setError] = useState<string | null>(null);
  const timeline = timelineOfLiveState(state, phases, schedule, now);
  const range = timeRange(timeline, now, mode);
  const zone = state.window.timeZone;
  const viewerZone = useViewerTimeZone();

  const change = async (planChange: PlanChange) => {
    setError(null);
    const answer = await sendChange(planChange);
    if (!answer.ok) setError(answer.error.message);
  };

  return (
    <div className="grid grid-cols-1 gap-6 lg:grid-cols-[1fr_18rem]">
      <div className="min-w-0 space-y-4">
        <div className={`${cardStyles} space-y-3 p-4`}>
          <div className="flex flex-wrap items-center justify-between gap-3">
            <span data-testid="plan-status">
              <PlanStatusPill status={state.status} />
            </span>
            <PresenceBar people={presence} connection={connection} />
          </div>
          <FormAlert message={error ?? undefined} />
          {range ? (
            <>
              <div className="flex flex-wrap items-center gap-2" role="group" aria-label="Time range">
                {(["window", "all"] as const).map((option) => (
                  <button key={option} type="button" aria-pressed={mode === option} className={mode === option ? buttonStyles.secondary : buttonStyles.quiet} onClick={() => setMode(option)}>
                    {option === "window" ? "Deployment window" : "Whole plan"}
                  </button>
                ))}
                <span className="text-xs text-slate-600 dark:text-slate-400">
                  Times in {zone}
                  {viewerZone && viewerZone !== zone ? ` (the second row of the axis is your time, ${viewerZone})` : ""}. Grey bars are the plan (dashed: estimated); coloured bars are what happened.
                </span>
              </div>
              <TimelineChart
                timeline={timeline}
                range={range}
                now={now}
                timeZone={viewerZone ?? zone}
                downtime={state.downtime.map((period) => ({ start: Date.parse(period.startedAt), end: period.endedAt ? Date.parse(period.endedAt) : (state.finishedAt ? Date.parse(state.finishedAt) : null) }))}
              />
            </>
          ) : (
            <p className="text-sm text-slate-700 dark:text-slate-300">This plan has no scheduled window yet. Set its start below to place its phases in time.</p>
          )}
        </div>
        {timeline.phases.length ? (
          <div className={`${cardStyles} relative overflow-x-auto p-4`}>
            <table className="w-full text-left text-sm">
              <caption className="mb-2 text-left font-semibold">Phases</caption>
              <thead className="text-xs text-slate-600 dark:text-slate-400">
                <tr>
                  <th className="py-1 pr-3 font-medium">Phase</th>
                  <th className="py-1 pr-3 font-medium">Planned</th>
                  <th className="py-1 pr-3 font-medium">Actual</th>
                  <th className="py-1 pr-3 font-medium">Items</th>
                  <th className="py-1 font-medium">State</th>
                </tr>
              </thead>
              <tbody>
                {timeline.phases.map((phase, index) => (
                  <tr key={phase.id} className="border-t border-slate-100 dark:border-slate-800" data-phase-row={phase.title} data-lane={phase.isRollback ? "rollback" : "deployment"}>
                    <td className="py-1.5 pr-3">
                      {phase.isRollback && !timeline.phases[index - 1]?.isRollback ? (
                        <span className="mb-0.5 block text-xs font-semibold uppercase text-amber-800 dark:text-amber-300">Rollback</span>
                      ) : null}
                      {phase.title}
                    </td>
                    <td className="py-1.5 pr-3 tabular-nums">
                      {formatSpan(new Date(phase.plannedStart), new Date(phase.plannedEnd), zone)}
                      {phase.plannedFrom === "estimated" ? <span className="text-xs text-slate-600 dark:text-slate-400"> (est.)</span> : null}
                    </td>
                    <td className="py-1.5 pr-3 tabular-nums">
                      {phase.actualStart !== null ? (phase.actualEnd !== null ? formatSpan(new Date(phase.actualStart), new Date(phase.actualEnd), zone) : `${formatInZone(new Date(phase.actualStart), zone, { withDate: false, withZone: false })}–now`) : "—"}
                      {phase.actualStart !== null ? (
                        <span className="text-xs text-slate-600 dark:text-slate-400"> ({formatDuration(((phase.actualEnd ?? now) - phase.actualStart) / 1000)})</span>
                      ) : null}
                    </td>
                    <td className="py-1.5 pr-3 tabular-nums">
                      {phase.settled}/{phase.items}
                    </td>
                    <td className={`py-1.5 ${phase.state === "behind" ? "font-semibold text-red-700 dark:text-red-400" : phase.state === "finished-late" ? "text-amber-800 dark:text-amber-300" : ""}`} data-testid="phase-state">
                      {STATE_LABEL[phase.state]}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </div>
      <aside className="space-y-6">
        <div className={`${cardStyles} p-4`}>
          <TimePanel state={state} timeline={timeline} now={now} planId={state.planId} permissions={permissions} onChange={change} onTimelinePage />
        </div>
        {permissions.edit && !state.finishedAt ? (
          <div className={`${cardStyles} p-4`}>
            <WindowSettings state={state} items={items} onChange={change} />
          </div>
        ) : null}
      </aside>
    </div>
  );
}
