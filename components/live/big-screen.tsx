"use client";

import { describeOverride } from "@/lib/signoffs/gate-blocks";
import { useMemo } from "react";
import { setSocketShareToken } from "@/components/live/socket-client";
import { usePlanLive } from "@/components/live/use-plan-live";
import { useShareWatchers } from "@/components/live/use-share-watchers";
import { useNow } from "@/components/timeline/use-now";
import { formatClock, formatDuration, formatInZone } from "@/lib/time/format-time";
import { timelineOfLiveState } from "@/lib/timeline/live-timeline";
import type { PhaseSection } from "@/lib/timeline/phases";
import type { GateStatus } from "@/lib/signoffs/gate-rules";
import { liveGateStatuses, type GateStructure } from "@/lib/signoffs/live-gates";
import { describeEvent } from "@/lib/plan-state/describe-event";
import type { PlanLiveState } from "@/lib/plan-state/live-state";
import { currentPhase } from "@/lib/plans/current-phase";
import type { LiveSectionStructure } from "@/lib/plans/plan-view";
import { progressOf } from "@/lib/plans/progress";
import { WITHHELD } from "@/lib/share/redact-for-share";

const STATUS_LABEL: Record<PlanLiveState["status"], string> = {
  DRAFT: "Draft",
  SCHEDULED: "Scheduled",
  IN_PROGRESS: "In progress",
  ROLLING_BACK: "Rolling back",
  COMPLETE: "Complete",
  PARTIAL: "Partial",
  ROLLED_BACK: "Rolled back",
  ABORTED: "Aborted",
};


/**
 * The war-room view: readable from across a room, no controls, updating live. With a share
 * token it is the stakeholders' view of a read-only link, which also lists the checklist.
 */
export function BigScreen({ title, environment, sections, initial, gates, phases, shareToken }: {
  title: string;
  environment: string | null;
  sections: LiveSectionStructure[];
  initial: PlanLiveState;
  gates: GateStructure[];
  /** The plan's phases, for the T-clock, the estimated finish and what runs behind. */
  phases: PhaseSection[];
  shareToken?: string;
}) {
  if (shareToken) setSocketShareToken(shareToken);
  const { state, connection } = usePlanLive(initial, shareToken ? { snapshotUrl: `/api/share/${shareToken}/live` } : {});
  const watching = useShareWatchers(initial.planId, Boolean(shareToken));
  const gateStatuses = liveGateStatuses(gates, state);
  const now = useNow(Date.parse(initial.loadedAt));
  const timeline = timelineOfLiveState(state, phases, [], now);
  const zone = state.window.timeZone;
  const downSince = state.downtime.find((period) => period.endedAt === null)?.startedAt ?? null;
  const behind = timeline.phases.filter((entry) => entry.state === "behind");
  const itemText = useMemo(() => {
    const texts = new Map(sections.flatMap((section) => section.items.map((item) => [item.id, item.text] as const)));
    return (id: string) => texts.get(id);
  }, [sections]);
  const statusOf = (id: string) => state.items[id]?.status ?? "PENDING";
  const progress = progressOf(sections.flatMap((section) => section.items.map((item) => ({ required: item.required, status: statusOf(item.id) }))));
  const phase = currentPhase(sections, statusOf, state.status === "ROLLING_BACK");

  return (
    <main className="min-h-dvh bg-slate-950 p-8 text-slate-100 lg:p-12">
      <header className="flex flex-wrap items-start justify-between gap-6">
        <div>
          <p className="text-2xl text-slate-400">
            {environment ? <span className="mr-3 rounded bg-red-600 px-2 py-0.5 text-xl font-bold uppercase text-white">{environment}</span> : null}
            {STATUS_LABEL[state.status]}
            <span className={`ml-4 text-base ${connection === "live" ? "text-emerald-400" : "text-amber-400"}`}>● {connection === "live" ? "live" : connection}</span>
            {watching !== null ? (
              <span className="ml-4 text-base text-slate-400" data-testid="screen-watching">
                {watching} watching
              </span>
            ) : null}
          </p>
          <h1 className="mt-2 text-4xl font-semibold lg:text-5xl">{title}</h1>
        </div>
        <p className="font-mono text-6xl tabular-nums" aria-label="Clock" data-testid="screen-clock">
          {timeline.clock.mode === "countdown" || timeline.clock.mode === "elapsed"
            ? formatClock(timeline.clock.ms)
            : timeline.clock.mode === "finished"
              ? formatDuration(timeline.clock.ms / 1000)
              : formatInZone(new Date(now), zone, { withDate: false })}
        </p>
      </header>
      {state.overrides.length ? (
        <ul aria-label="Sign-off overrides" className="mt-6 space-y-2">
          {state.overrides.map((override) => (
            <li key={override.id} data-testid="gate-override" className="rounded-lg bg-amber-900/60 px-4 py-2 text-2xl text-amber-100">
              {describeOverride(override)}
            </li>
          ))}
        </ul>
      ) : null}

      <section className="mt-12 grid grid-cols-1 gap-10 lg:grid-cols-[1fr_28rem]">
        <div>
          <p className="text-[9rem] font-bold leading-none tabular-nums lg:text-[12rem]" data-testid="screen-progress">
            {progress.percent}%
          </p>
          <p className="mt-2 text-3xl text-slate-300">
            {progress.required.settled} of {progress.required.total} required steps
            {progress.failed ? <span className="ml-4 text-red-400">{progress.failed} failed</span> : null}
          </p>
          <div className="mt-6 h-6 overflow-hidden rounded-full bg-slate-800">
            <div className="h-full rounded-full bg-emerald-500 transition-all" style={{ width: `${progress.percent}%` }} />
          </div>
          <p className="mt-10 text-3xl">
            <span className="text-slate-400">Now: </span>
            <strong>{phase?.title ?? (state.status === "COMPLETE" ? "Done" : "—")}</strong>
          </p>
          {downSince ? (
            <p className="mt-4 text-3xl font-semibold text-red-400" data-testid="screen-downtime">
              Service down for {formatDuration((now - Date.parse(downSince)) / 1000)}
              {state.window.expectedDowntimeMinutes !== null ? ` (${state.window.expectedDowntimeMinutes} min expected)` : ""}
            </p>
          ) : null}
          {timeline.estimatedFinish !== null && !state.finishedAt ? (
            <p className="mt-4 text-2xl text-slate-300">
              Estimated finish {formatInZone(new Date(timeline.estimatedFinish), zone, { withDate: false })}
              {behind.length ? <span className="ml-3 text-amber-300">Behind schedule: {behind.map((entry) => entry.title).join(", ")}</span> : null}
            </p>
          ) : null}
        </div>
        <div className="space-y-10">
          <section aria-labelledby="screen-gates">
            <h2 id="screen-gates" className="text-xl uppercase tracking-wide text-slate-400">
              Sign-offs
            </h2>
            {gateStatuses.length ? (
              <ul className="mt-3 space-y-2 text-xl" data-testid="screen-gates">
                {gateStatuses.map(({ gate, status }) => (
                  <li key={gate.id} data-gate-state={status.state}>
                    <span aria-hidden className={GATE_TONE[status.state]}>
                      {GATE_ICON[status.state]}{" "}
                    </span>
                    {gate.title}: <span className={GATE_TONE[status.state]}>{gateSummary(status)}</span>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="mt-3 text-xl text-slate-400">No sign-offs needed.</p>
            )}
          </section>
          <section aria-labelledby="screen-activity">
            <h2 id="screen-activity" className="text-xl uppercase tracking-wide text-slate-400">
              Latest
            </h2>
            <ol className="mt-3 space-y-3 text-xl" data-testid="screen-activity">
              {/* A share link's stream stands in for what it may not show with "withheld" events; the feed skips them. */}
              {state.activity.filter((message) => message.event.type !== WITHHELD).slice(0, 6).map((message) => (
                <li key={message.seq}>{describeEvent(message, itemText)}</li>
              ))}
            </ol>
          </section>
        </div>
      </section>
      {shareToken ? <SharedChecklist sections={sections} statusOf={statusOf} /> : null}
    </main>
  );
}

const GATE_ICON = { satisfied: "✓", pending: "○", rejected: "✕" } as const;
const GATE_TONE = { satisfied: "text-emerald-400", pending: "text-slate-300", rejected: "text-red-400" } as const;

function gateSummary(status: GateStatus): string {
  if (status.state === "satisfied") return status.decision ? "GO" : "signed";
  if (status.decision && !status.decision.stale && status.decision.decision !== "GO") return status.decision.decision === "NO_GO" ? "NO-GO" : "deferred";
  const rejected = status.roles.filter((role) => role.state === "rejected").map((role) => role.title);
  if (rejected.length) return `rejected by ${rejected.join(", ")}`;
  const waiting = status.roles.filter((role) => role.state !== "signed").map((role) => (role.state === "stale" ? `${role.title} (stale)` : role.title));
  return waiting.length ? `waiting for ${waiting.join(", ")}` : "waiting for the decision";
}

const ITEM_MARK = { PENDING: "○", DONE: "✓", SKIPPED: "↷", FAILED: "✕", NOT_APPLICABLE: "–" } as const;
const ITEM_LABEL = { PENDING: "pending", DONE: "done", SKIPPED: "skipped", FAILED: "failed", NOT_APPLICABLE: "not applicable" } as const;

/** The share page's read-only checklist, with commands unless the lead hid them from links. */
function SharedChecklist({ sections, statusOf }: { sections: LiveSectionStructure[]; statusOf: (id: string) => keyof typeof ITEM_MARK }) {
  return (
    <section aria-labelledby="shared-checklist" className="mt-12">
      <h2 id="shared-checklist" className="text-xl uppercase tracking-wide text-slate-400">
        Checklist
      </h2>
      <div className="mt-3 grid grid-cols-1 gap-6 md:grid-cols-2">
        {sections
          .filter((section) => section.items.length)
          .map((section) => (
            <div key={section.id}>
              <h3 className="text-lg font-semibold">{section.title}</h3>
              <ul className="mt-2 space-y-1 text-base">
                {section.items.map((item) => {
                  const status = statusOf(item.id);
                  return (
                    <li key={item.id} className="flex gap-2" data-testid="shared-item" data-status={status}>
                      <span aria-hidden className={status === "DONE" ? "text-emerald-400" : status === "FAILED" ? "text-red-400" : "text-slate-400"}>
                        {ITEM_MARK[status]}
                      </span>
                      <span>
                        {item.text} <span className="sr-only">({ITEM_LABEL[status]})</span>
                        {item.commands.map((command, index) => (
                          <code key={index} className="mt-1 block whitespace-pre-wrap rounded bg-slate-900 px-2 py-1 font-mono text-sm text-slate-200">
                            {command.code}
                          </code>
                        ))}
                      </span>
                    </li>
                  );
                })}
              </ul>
            </div>
          ))}
      </div>
    </section>
  );
}
