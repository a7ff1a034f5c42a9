"use client";

import { useEffect, useMemo, useState } from "react";
import { usePlanLive } from "@/components/live/use-plan-live";
import { describeEvent } from "@/lib/plan-state/describe-event";
import type { PlanLiveState } from "@/lib/plan-state/live-state";
import { currentPhase } from "@/lib/plans/current-phase";
import type { LiveSectionStructure } from "@/lib/plans/plan-view";
import { progressOf } from "@/lib/plans/progress";

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

function elapsed(since: string | null, now: number): string {
  if (!since) return "T-";
  const seconds = Math.max(0, Math.floor((now - Date.parse(since)) / 1000));
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  return `T+${hours ? `${hours}:` : ""}${String(minutes).padStart(hours ? 2 : 1, "0")}:${String(seconds % 60).padStart(2, "0")}`;
}

/** The war-room view: readable from across a room, no controls, updating live. */
export function BigScreen({ title, environment, sections, initial, gates }: {
  title: string;
  environment: string | null;
  sections: LiveSectionStructure[];
  initial: PlanLiveState;
  gates: { title: string; roles: string[] }[];
}) {
  const { state, connection } = usePlanLive(initial);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
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
          </p>
          <h1 className="mt-2 text-4xl font-semibold lg:text-5xl">{title}</h1>
        </div>
        <p className="font-mono text-6xl tabular-nums" aria-label="Clock">
          {state.startedAt ? elapsed(state.startedAt, now) : new Date(now).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" })}
        </p>
      </header>

      <section className="mt-12 grid gap-10 lg:grid-cols-[1fr_28rem]">
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
        </div>
        <div className="space-y-10">
          <section aria-labelledby="screen-gates">
            <h2 id="screen-gates" className="text-xl uppercase tracking-wide text-slate-400">
              Sign-offs
            </h2>
            <ul className="mt-3 space-y-2 text-xl">
              {gates.map((gate) => (
                <li key={gate.title}>
                  {gate.title}: <span className="text-slate-400">{gate.roles.join(", ") || "—"} pending</span>
                </li>
              ))}
            </ul>
          </section>
          <section aria-labelledby="screen-activity">
            <h2 id="screen-activity" className="text-xl uppercase tracking-wide text-slate-400">
              Latest
            </h2>
            <ol className="mt-3 space-y-3 text-xl" data-testid="screen-activity">
              {state.activity.slice(0, 6).map((message) => (
                <li key={message.seq}>{describeEvent(message, itemText)}</li>
              ))}
            </ol>
          </section>
        </div>
      </section>
    </main>
  );
}
