"use client";

import { describeOverride } from "@/lib/signoffs/gate-blocks";
import { useMemo } from "react";
import { InlineMarkdown } from "@/components/markdown/user-markdown";
import { setSocketShareToken } from "@/components/live/socket-client";
import { usePlanLive } from "@/components/live/use-plan-live";
import { useStructureRefresh } from "@/components/live/use-structure-refresh";
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
import { itemDoneOutsideTarget } from "@/lib/plans/outside-target";
import { runProgressOf } from "@/lib/plans/progress";
import { runHeadline, type RunTone } from "@/lib/plans/run-state";
import { WITHHELD } from "@/lib/share/redact-for-share";
import { StatusUpdateList } from "@/components/status-updates/status-update-list";
import { SubscribeForm } from "@/components/status-updates/subscribe-form";

const HEADLINE_TONE: Record<RunTone, string> = {
  neutral: "text-slate-200",
  running: "text-sky-300",
  good: "text-emerald-400",
  warning: "text-amber-300",
  bad: "text-red-400",
};
const HEADLINE_ICON: Record<RunTone, string> = { neutral: "○", running: "▶", good: "✓", warning: "↺", bad: "✕" };

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
  // Steps added, moved, renamed or removed reach the screen (and a share link's checklist) as they happen.
  const onStructureChange = useStructureRefresh();
  const { state, connection } = usePlanLive(initial, { onStructureChange, ...(shareToken ? { snapshotUrl: `/api/share/${shareToken}/live` } : {}) });
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
  const run = runProgressOf(sections, statusOf, state.status);
  const progress = run.deployment;
  const headline = runHeadline(state.status, run.failedItems.length);
  const outsideTarget = (item: LiveSectionStructure["items"][number]) => itemDoneOutsideTarget(item.metric, state.items[item.id]);
  const outsideTargetCount = sections.reduce((sum, section) => sum + section.items.filter(outsideTarget).length, 0);
  const phase = currentPhase(sections, statusOf, state.status === "ROLLING_BACK");

  return (
    <main className="min-h-dvh bg-slate-950 p-8 text-slate-100 lg:p-12">
      <header className="flex flex-wrap items-start justify-between gap-6">
        <div>
          <p className="text-2xl text-slate-400">
            {environment ? <span className="mr-3 rounded bg-red-600 px-2 py-0.5 text-xl font-bold uppercase text-white">{environment}</span> : null}
            <span className={`text-base ${connection === "live" ? "text-emerald-400" : "text-amber-400"}`}>● {connection === "live" ? "live" : connection}</span>
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
          <p className={`text-6xl font-bold lg:text-8xl ${HEADLINE_TONE[headline.tone]}`} data-testid="screen-state" data-state={state.status} role="status">
            <span aria-hidden>{HEADLINE_ICON[headline.tone]} </span>
            {headline.label}
          </p>
          {state.status === "ROLLING_BACK" || state.status === "ROLLED_BACK" ? (
            state.rollbackReason ? <p className="mt-3 text-2xl text-amber-200">Reason: {state.rollbackReason}</p> : null
          ) : null}
          <p className={`mt-6 font-bold leading-none tabular-nums ${headline.finished ? "text-6xl text-slate-300" : "text-[7rem] lg:text-[9rem]"}`} data-testid="screen-progress">
            {progress.percent}%
          </p>
          <p className="mt-2 text-3xl text-slate-300">
            {progress.required.settled} of {progress.required.total} required steps
            {outsideTargetCount ? (
              <span className="ml-4 text-amber-300" data-testid="screen-outside-target">
                {outsideTargetCount} done outside target
              </span>
            ) : null}
          </p>
          <div className="mt-6 h-6 overflow-hidden rounded-full bg-slate-800" role="progressbar" aria-label="Deployment progress" aria-valuemin={0} aria-valuemax={100} aria-valuenow={progress.percent}>
            <div className="h-full rounded-full bg-emerald-500 transition-all" style={{ width: `${progress.percent}%` }} />
          </div>
          {run.rollback ? (
            <div className="mt-6" data-testid="screen-rollback-progress">
              <p className="text-3xl text-amber-200">
                Rollback procedure: {run.rollback.required.settled} of {run.rollback.required.total} steps ({run.rollback.percent}%)
              </p>
              <div className="mt-3 h-4 overflow-hidden rounded-full bg-slate-800" role="progressbar" aria-label="Rollback progress" aria-valuemin={0} aria-valuemax={100} aria-valuenow={run.rollback.percent}>
                <div className="h-full rounded-full bg-amber-400 transition-all" style={{ width: `${run.rollback.percent}%` }} />
              </div>
            </div>
          ) : null}
          {run.failedItems.length ? (
            <div className="mt-6 text-3xl text-red-400" data-testid="screen-failed">
              <p className="font-semibold">{run.failedItems.length} failed:</p>
              <ul className="mt-2 list-disc space-y-1 pl-10 text-2xl">
                {run.failedItems.slice(0, 5).map((item) => (
                  <li key={item.id}>
                    <InlineMarkdown text={item.text} />
                  </li>
                ))}
                {run.failedItems.length > 5 ? <li>…and {run.failedItems.length - 5} more</li> : null}
              </ul>
            </div>
          ) : null}
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
              Latest <span className="normal-case tracking-normal">({zone})</span>
            </h2>
            <ol className="mt-3 space-y-3 text-xl" data-testid="screen-activity">
              {/* A share link's stream stands in for what it may not show with "withheld" events; the feed skips them. */}
              {state.activity.filter((message) => message.event.type !== WITHHELD).slice(0, 6).map((message) => (
                <li key={message.seq}>
                  <time dateTime={message.at} className="mr-3 font-mono text-lg tabular-nums text-slate-400">
                    {formatInZone(new Date(message.at), zone, { withDate: false, withZone: false })}
                  </time>
                  {describeEvent(message, itemText)}
                </li>
              ))}
            </ol>
          </section>
        </div>
      </section>
      {/* Updates are written for stakeholders: the screen shows the latest, a share link all recent ones and a way to get them by mail. */}
      <div className="mx-auto mt-10 max-w-5xl">
        <StatusUpdateList activity={state.activity} zone={zone} latestOnly={!shareToken} />
      </div>
      {shareToken ? <SubscribeForm shareToken={shareToken} /> : null}
      {shareToken ? <SharedChecklist sections={sections} statusOf={statusOf} outsideTarget={outsideTarget} /> : null}
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
function SharedChecklist({
  sections,
  statusOf,
  outsideTarget,
}: {
  sections: LiveSectionStructure[];
  statusOf: (id: string) => keyof typeof ITEM_MARK;
  outsideTarget: (item: LiveSectionStructure["items"][number]) => boolean;
}) {
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
                  const outside = outsideTarget(item);
                  const tone = outside ? "text-amber-300" : status === "DONE" ? "text-emerald-400" : status === "FAILED" ? "text-red-400" : "text-slate-400";
                  return (
                    <li key={item.id} className="flex gap-2" data-testid="shared-item" data-status={status} data-outside-target={outside ? "true" : undefined}>
                      <span aria-hidden className={tone}>
                        {ITEM_MARK[status]}
                      </span>
                      <span>
                        <InlineMarkdown text={item.text} />{" "}
                        {outside ? <span className="text-amber-300">(done outside target)</span> : <span className="sr-only">({ITEM_LABEL[status]})</span>}
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
