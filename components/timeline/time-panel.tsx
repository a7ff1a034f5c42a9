"use client";

import Link from "next/link";
import { useState } from "react";
import { buttonStyles, fieldStyles } from "@/components/ui/styles";
import type { PlanChange } from "@/lib/plan-state/change-schema";
import type { PlanLiveState } from "@/lib/plan-state/live-state";
import { formatClock, formatDuration } from "@/lib/time/format-time";
import { useNow } from "@/components/timeline/use-now";
import { ZonedTime } from "@/components/timeline/zoned-time";
import { checkDueState, downtimeSecondsOf, timelineOfLiveState, type CheckDue } from "@/lib/timeline/live-timeline";
import type { PhaseSection } from "@/lib/timeline/phases";
import type { PlanTimeline, ScheduleRowInput } from "@/lib/timeline/plan-timeline";

interface TimePanelProps {
  state: PlanLiveState;
  timeline: PlanTimeline;
  now: number;
  planId: string;
  permissions: { run: boolean; tick: boolean };
  onChange: (change: PlanChange) => void;
  /** Hides the link to the timeline page when shown on it. */
  onTimelinePage?: boolean;
}

/** The time panel with its own clock, so only it re-renders every second, not the page around it. */
export function TickingTimePanel({
  state,
  phases,
  schedule,
  ...rest
}: Omit<TimePanelProps, "timeline" | "now" | "planId"> & { phases: PhaseSection[]; schedule: ScheduleRowInput[] }) {
  const now = useNow(Date.parse(state.loadedAt));
  return <TimePanel state={state} timeline={timelineOfLiveState(state, phases, schedule, now)} now={now} planId={state.planId} {...rest} />;
}

/** The clock, the estimate, the downtime and the monitoring checks: time at a glance. */
export function TimePanel({ state, timeline, now, planId, permissions, onChange, onTimelinePage = false }: TimePanelProps) {
  const zone = state.window.timeZone;
  const downtimeOpen = state.downtime.some((period) => period.endedAt === null);
  const downtimeSeconds = downtimeSecondsOf(state, now);
  const expectedDowntime = state.window.expectedDowntimeMinutes;
  const running = state.status === "IN_PROGRESS" || state.status === "ROLLING_BACK";

  return (
    <section aria-labelledby="time-panel-title" className="space-y-3 text-sm">
      <div className="flex items-center justify-between gap-2">
        <h2 id="time-panel-title" className="text-sm font-semibold">
          Time
        </h2>
        {onTimelinePage ? null : (
          <Link href={`/plans/${planId}/timeline`} className="text-sm font-medium text-indigo-700 hover:underline dark:text-indigo-300">
            Timeline
          </Link>
        )}
      </div>
      <Clock timeline={timeline} />
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
        {timeline.tZero !== null ? (
          <>
            <dt className="text-slate-600 dark:text-slate-400">{timeline.tZeroFrom === "actual" ? "Started" : "Scheduled start"}</dt>
            <dd>
              <ZonedTime at={timeline.tZero} timeZone={zone} />
            </dd>
          </>
        ) : (
          <>
            <dt className="text-slate-600 dark:text-slate-400">Window</dt>
            <dd>Not scheduled yet</dd>
          </>
        )}
        {timeline.startedLateMs !== null && Math.abs(timeline.startedLateMs) >= 60_000 ? (
          <>
            <dt className="text-slate-600 dark:text-slate-400">{timeline.startedLateMs > 0 ? "Started late by" : "Started early by"}</dt>
            <dd>{formatDuration(Math.abs(timeline.startedLateMs) / 1000)}</dd>
          </>
        ) : null}
        {timeline.estimatedFinish !== null ? (
          <>
            <dt className="text-slate-600 dark:text-slate-400">{state.finishedAt ? "Finished" : "Estimated finish"}</dt>
            <dd data-testid="estimated-finish">
              <ZonedTime at={timeline.estimatedFinish} timeZone={zone} withDate={false} />
              {timeline.plannedFinish !== null && !state.finishedAt && timeline.estimatedFinish > timeline.plannedFinish + 30_000
                ? ` (${formatDuration((timeline.estimatedFinish - timeline.plannedFinish) / 1000)} behind plan)`
                : ""}
            </dd>
          </>
        ) : null}
        {timeline.behind ? (
          <>
            <dt className="text-slate-600 dark:text-slate-400">Behind schedule</dt>
            <dd className="font-medium text-red-700 dark:text-red-400" data-testid="behind-count">
              {timeline.behind} phase{timeline.behind === 1 ? "" : "s"}
            </dd>
          </>
        ) : null}
        <dt className="text-slate-600 dark:text-slate-400">Downtime</dt>
        <dd data-testid="downtime">
          {downtimeOpen ? <strong className="text-red-700 dark:text-red-400">Down now · </strong> : null}
          {state.downtime.length ? formatDuration(downtimeSeconds) : "None recorded"}
          {expectedDowntime !== null ? ` of ${expectedDowntime ? `${expectedDowntime} min` : "none"} expected` : ""}
          {expectedDowntime !== null && downtimeSeconds > expectedDowntime * 60 ? <span className="font-medium text-red-700 dark:text-red-400"> — over</span> : null}
        </dd>
      </dl>
      {permissions.run && running ? (
        <button type="button" className={downtimeOpen ? buttonStyles.secondary : buttonStyles.quiet} onClick={() => onChange({ type: "downtime", action: downtimeOpen ? "end" : "start" })}>
          {downtimeOpen ? "Mark downtime ended" : "Mark downtime started"}
        </button>
      ) : null}
      {state.checks.length ? <MonitoringChecks state={state} now={now} mayTick={permissions.tick} onChange={onChange} /> : null}
    </section>
  );
}

function Clock({ timeline }: { timeline: PlanTimeline }) {
  const { clock } = timeline;
  if (clock.mode === "unscheduled") return null;
  const label = clock.mode === "countdown" ? "Until the start" : clock.mode === "elapsed" ? "Elapsed" : "Took";
  const value = clock.mode === "finished" ? formatDuration(clock.ms / 1000) : formatClock(clock.ms);
  return (
    <p className="flex items-baseline gap-2">
      <span className="text-slate-600 dark:text-slate-400">{label}</span>
      <span className="font-mono text-2xl font-semibold tabular-nums" data-testid="t-clock" role="timer" aria-live="off">
        {value}
      </span>
    </p>
  );
}

const DUE_LABEL: Record<CheckDue, string> = { done: "Done", skipped: "Skipped", overdue: "Overdue", due: "Due", later: "Later" };
const DUE_STYLE: Record<CheckDue, string> = {
  done: "text-emerald-700 dark:text-emerald-400",
  skipped: "text-slate-600 dark:text-slate-400",
  overdue: "font-semibold text-red-700 dark:text-red-400",
  due: "font-semibold text-amber-800 dark:text-amber-300",
  later: "text-slate-600 dark:text-slate-400",
};

function MonitoringChecks({ state, now, mayTick, onChange }: { state: PlanLiveState; now: number; mayTick: boolean; onChange: (change: PlanChange) => void }) {
  const [skipping, setSkipping] = useState<string | null>(null);
  const [note, setNote] = useState("");
  return (
    <section aria-labelledby="checks-title" className="space-y-2">
      <h3 id="checks-title" className="text-sm font-semibold">
        Monitoring checks
      </h3>
      <ul className="space-y-2">
        {state.checks.map((check) => {
          const due = checkDueState(check, now);
          return (
            <li key={check.id} className="rounded-md border border-slate-200 p-2 dark:border-slate-700" data-check={check.label} data-due={due}>
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <span className="font-medium">{check.label}</span>
                <span className={`text-xs ${DUE_STYLE[due]}`}>
                  {DUE_LABEL[due]} · <ZonedTime at={Date.parse(check.dueAt)} timeZone={state.window.timeZone} />
                </span>
              </div>
              {check.doneBy ? (
                <p className="text-xs text-slate-600 dark:text-slate-400">
                  {check.status === "DONE" ? "Done" : "Skipped"} by {check.doneBy}
                  {check.note ? `: ${check.note}` : ""}
                </p>
              ) : null}
              {mayTick ? (
                <div className="mt-1 flex flex-wrap gap-2">
                  {check.status === "PENDING" ? (
                    <>
                      <button type="button" className={buttonStyles.secondary} onClick={() => onChange({ type: "check.status", checkId: check.id, status: "DONE" })}>
                        Check done
                      </button>
                      <button type="button" className={buttonStyles.quiet} onClick={() => setSkipping(check.id)}>
                        Skip…
                      </button>
                    </>
                  ) : (
                    <button type="button" className={buttonStyles.quiet} onClick={() => onChange({ type: "check.status", checkId: check.id, status: "PENDING" })}>
                      Reopen
                    </button>
                  )}
                </div>
              ) : null}
              {skipping === check.id ? (
                <form
                  className="mt-2 space-y-2"
                  aria-label={`Skip ${check.label}`}
                  onSubmit={(event) => {
                    event.preventDefault();
                    if (!note.trim()) return;
                    onChange({ type: "check.status", checkId: check.id, status: "SKIPPED", note: note.trim() });
                    setSkipping(null);
                    setNote("");
                  }}
                >
                  <label className={fieldStyles.label}>
                    Why is it skipped?
                    <input className={fieldStyles.input} value={note} onChange={(event) => setNote(event.target.value)} required />
                  </label>
                  <button type="submit" className={buttonStyles.secondary}>
                    Skip check
                  </button>
                </form>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
