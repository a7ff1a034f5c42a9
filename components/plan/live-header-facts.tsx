"use client";

import { usePublishedLiveState } from "@/components/live/live-state-store";
import { formatInZone } from "@/lib/time/format-time";

/** The plan's title, live: a rename by the lead shows here at once. */
export function LivePlanTitle({ planId, title }: { planId: string; title: string }) {
  const state = usePublishedLiveState(planId);
  return <>{state?.settings.title ?? title}</>;
}

export interface WindowFactSource {
  windowStart: string | null;
  timeZone: string;
  windowStartText: string | null;
  expectedDurationMinutes: number | null;
}

/** The scheduled start as the plan now has it (the lead may move it while people watch), else as the document wrote it. */
export function windowFact(window: WindowFactSource): string | null {
  const length = window.expectedDurationMinutes ? ` (${window.expectedDurationMinutes} min)` : "";
  if (window.windowStart) return `Window: ${formatInZone(new Date(window.windowStart), window.timeZone)}${length}`;
  return window.windowStartText ? `Window: ${window.windowStartText}${length}` : null;
}

/** The header's facts, with the window taken from the live state when the plan is open live. */
export function LiveHeaderFacts({ planId, before, window, after }: { planId: string; before: string[]; window: WindowFactSource; after: string[] }) {
  const state = usePublishedLiveState(planId);
  const live = state ? { ...window, windowStart: state.window.windowStart, timeZone: state.window.timeZone, expectedDurationMinutes: state.window.expectedDurationMinutes } : window;
  const facts = [...before, windowFact(live), ...after].filter(Boolean);
  if (!facts.length) return null;
  return (
    <p className="mt-1 text-sm text-slate-600 dark:text-slate-400" data-testid="plan-facts">
      {facts.join(" · ")}
    </p>
  );
}
