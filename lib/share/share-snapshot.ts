import type { PlanLiveState } from "@/lib/plan-state/live-state";

/** What a share visitor's page holds: the live state without the discussion on items. */
export function shareSnapshot(state: PlanLiveState): PlanLiveState {
  return { ...state, comments: {} };
}
