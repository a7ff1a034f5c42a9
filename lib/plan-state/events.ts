import type { ItemStatusName } from "@/lib/plans/progress";
import type { PlanStatusName } from "@/lib/plan-state/lifecycle";
import type { PlanRoleName } from "@/lib/plan-state/permissions";
import type { SignatureLiveState } from "@/lib/signoffs/gate-rules";

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

/** Settings of a plan that its pages and the one writer both need. */
export interface PlanSettings {
  title: string;
  allowSelfApproval: boolean;
  hideCommandsInShare: boolean;
}

export interface GateLiveConfig {
  requiredItemIds: string[];
  quorums: { title: string; quorum: number }[];
}

export interface MemberLiveState {
  userId: string;
  name: string;
  role: PlanRoleName;
  titles: string[];
}

export type PlanEventPayload =
  /** `staleSignatureIds`: signatures this change made stale, because they had approved the item as it was. */
  | { type: "item.changed"; item: ItemLiveState; previousStatus: ItemStatusName; staleSignatureIds?: string[] }
  | { type: "comment.added"; comment: CommentLiveState }
  | {
      type: "plan.status";
      status: PlanStatusName;
      previousStatus: PlanStatusName;
      reason: string | null;
      trigger: string | null;
      startedAt: string | null;
      finishedAt: string | null;
    }
  | { type: "plan.edited"; settings: PlanSettings }
  | { type: "gate.configured"; gateId: string; config: GateLiveConfig }
  /** `supersededId`: the same person's earlier signature for the same title, now replaced. */
  | { type: "gate.signed"; signature: SignatureLiveState; supersededId: string | null }
  | { type: "member.set"; member: MemberLiveState; previousRole: PlanRoleName | null }
  | { type: "member.removed"; userId: string; name: string }
  | { type: "share.created"; linkId: string }
  | { type: "share.revoked"; linkId: string };

export interface PlanEventMessage {
  planId: string;
  seq: number;
  at: string;
  actor: { id: string; name: string } | null;
  event: PlanEventPayload;
}
