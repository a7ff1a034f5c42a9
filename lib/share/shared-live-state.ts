import { db } from "@/lib/db";
import type { PlanEventMessage } from "@/lib/plan-state/events";
import type { PlanLiveState } from "@/lib/plan-state/live-state";
import { eventsAfter, loadLiveState } from "@/lib/plan-state/read-plan-state";
import { redactEventForShare, redactStateForShare, sharePolicyOf } from "@/lib/share/redact-for-share";

/** The live state as a share link shows it (the page's first render and GET /api/share/:token/live). */
export async function loadSharedLiveState(planId: string): Promise<PlanLiveState | null> {
  const state = await loadLiveState(planId);
  return state ? redactStateForShare(state) : null;
}

/**
 * The events a share visitor missed, as a share link shows them: under the plan's settings now,
 * so a lead who turns discussion off also hides what came before. Null: reload the snapshot.
 */
export async function sharedEventsAfter(planId: string, afterSeq: number): Promise<PlanEventMessage[] | null> {
  const [settings, events] = await Promise.all([
    db().plan.findUnique({ where: { id: planId }, select: { shareShowsDiscussion: true, hideCommandsInShare: true } }),
    eventsAfter(planId, afterSeq),
  ]);
  if (!events) return null;
  if (!settings) return [];
  const policy = sharePolicyOf(settings);
  return events.map((message) => redactEventForShare(message, policy));
}
