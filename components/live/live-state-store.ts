"use client";

import { useSyncExternalStore } from "react";
import type { PlanLiveState } from "@/lib/plan-state/live-state";

/**
 * The live state of each plan open on this page, for components outside the one that holds
 * the connection (the page header): they read it here and re-render with it, instead of
 * showing what the server rendered.
 */
const states = new Map<string, PlanLiveState>();
const listeners = new Set<() => void>();

export function publishLiveState(state: PlanLiveState) {
  states.set(state.planId, state);
  listeners.forEach((notify) => notify());
}

export function forgetLiveState(planId: string) {
  states.delete(planId);
  listeners.forEach((notify) => notify());
}

function subscribe(notify: () => void) {
  listeners.add(notify);
  return () => listeners.delete(notify);
}

/** The plan's live state while a live page of it is open, else null (the caller shows what it was given). */
export function usePublishedLiveState(planId: string): PlanLiveState | null {
  return useSyncExternalStore(
    subscribe,
    () => states.get(planId) ?? null,
    () => null,
  );
}
