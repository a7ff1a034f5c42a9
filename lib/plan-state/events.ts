import type { ItemStatusName } from "@/lib/plans/progress";
import type { PlanStatusName } from "@/lib/plan-state/lifecycle";

/**
 * The events of a plan's log, as stored (PlanEvent.payload) and as broadcast. Each carries
 * the resulting state, not a delta, so applying one twice changes nothing.
 */
export interface ItemLiveState {
  id: string;
  status: ItemStatusName;
  statusNote: string | null;
  measuredValue: number | null;
  statusAt: string | null;
  changedBy: string | null;
  version: number;
}

export interface CommentLiveState {
  id: string;
  itemId: string;
  body: string;
  author: string;
  at: string;
}

export type PlanEventPayload =
  | { type: "item.changed"; item: ItemLiveState; previousStatus: ItemStatusName }
  | { type: "comment.added"; comment: CommentLiveState }
  | {
      type: "plan.status";
      status: PlanStatusName;
      previousStatus: PlanStatusName;
      reason: string | null;
      trigger: string | null;
      startedAt: string | null;
      finishedAt: string | null;
    };

export interface PlanEventMessage {
  planId: string;
  seq: number;
  at: string;
  actor: { id: string; name: string } | null;
  event: PlanEventPayload;
}
