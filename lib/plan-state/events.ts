import type { ItemStatusName } from "@/lib/plans/progress";
import type { HttpCheck, HttpCheckResult } from "@/lib/checks/check-spec";
import type { PlanStatusName } from "@/lib/plan-state/lifecycle";
import type { PlanRoleName } from "@/lib/plan-state/permissions";
import type { GateBlocksName, GateOverrideRecord } from "@/lib/signoffs/gate-blocks";
import type { SignatureLiveState } from "@/lib/signoffs/gate-rules";
import type { ItemPlanning } from "@/lib/planning/planning-schema";
import type { StructureEventPayload } from "@/lib/plan-editing/structure-events";
import type { DocumentPartEventPayload } from "@/lib/document-parts/part-events";

/**
 * The events of a plan's log, as stored (PlanEvent.payload) and as broadcast. Each carries
 * the resulting state, not a delta, so applying one twice changes nothing. The one exception is
 * on the wire only: a plain tick reaches the plan's room as an ItemDelta (below).
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
  /** Share links also carry comments, notes, reasons and who did what (lib/share/redact-for-share.ts). */
  shareShowsDiscussion: boolean;
}

export interface GateLiveConfig {
  requiredItemIds: string[];
  /** What the gate holds back; older events lack it, and the gate's structure says it then. */
  blocks?: GateBlocksName;
  quorums: { title: string; quorum: number }[];
}

export interface MemberLiveState {
  userId: string;
  name: string;
  role: PlanRoleName;
  titles: string[];
}

/** The scheduled window and what the plan expects of it. */
export interface WindowLiveState {
  windowStart: string | null;
  timeZone: string;
  expectedDurationMinutes: number | null;
  expectedDowntimeMinutes: number | null;
}

export interface DowntimePeriodLive {
  id: string;
  startedAt: string;
  endedAt: string | null;
}

export type DowntimeMarkerName = "START" | "END";

export interface CheckLiveState {
  id: string;
  label: string;
  offsetMinutes: number;
  dueAt: string;
  status: "PENDING" | "DONE" | "SKIPPED";
  note: string | null;
  doneAt: string | null;
  doneBy: string | null;
}

export type PlanEventPayload =
  /**
   * `staleSignatureIds`: signatures this change made stale, because they had approved the item as it was.
   * `downtime`: the plan's downtime periods, when ticking this item (flagged as downtime start or end) changed them.
   */
  /** `override`: the lead ticked the step Done although it waited for `blockers`, and said why. */
  | {
      type: "item.changed";
      item: ItemLiveState;
      previousStatus: ItemStatusName;
      staleSignatureIds?: string[];
      downtime?: DowntimePeriodLive[];
      override?: DependencyOverride;
      /** The step's HTTP check ran and this is what it found: the evidence for the tick (lib/checks/). */
      check?: HttpCheckResult;
    }
  /** A step's HTTP check was set, changed or removed (null); its version went up with it. */
  | { type: "item.checkSet"; item: ItemLiveState; check: HttpCheck | null }
  /** A step's owners, dependencies or planned minutes changed; its version went up with them. */
  | { type: "item.planned"; item: ItemLiveState; planning: ItemPlanning }
  | { type: "comment.added"; comment: CommentLiveState }
  | {
      type: "plan.status";
      status: PlanStatusName;
      previousStatus: PlanStatusName;
      reason: string | null;
      trigger: string | null;
      startedAt: string | null;
      finishedAt: string | null;
      /** Monitoring checks created because the plan finished. */
      checks?: CheckLiveState[];
      /** The lead started or completed the plan over unsatisfied sign-off gates, and why. */
      override?: GateOverrideRecord;
    }
  | { type: "plan.edited"; settings: PlanSettings }
  | { type: "gate.configured"; gateId: string; config: GateLiveConfig }
  /** `supersededId`: the same person's earlier signature for the same title, now replaced. */
  | { type: "gate.signed"; signature: SignatureLiveState; supersededId: string | null }
  | { type: "member.set"; member: MemberLiveState; previousRole: PlanRoleName | null }
  | { type: "member.removed"; userId: string; name: string }
  | { type: "share.created"; linkId: string }
  | { type: "share.revoked"; linkId: string }
  | { type: "plan.window"; window: WindowLiveState }
  | { type: "downtime.changed"; action: "started" | "ended"; periods: DowntimePeriodLive[] }
  | { type: "item.flagged"; itemId: string; downtimeMarker: DowntimeMarkerName | null }
  | { type: "check.changed"; check: CheckLiveState }
  /** The lead posted a status update for stakeholders; `text` is what was sent, `messageName` the document's message it was filled from. */
  | { type: "status-update.posted"; text: string; messageName: string | null }
  /** Sections and steps added, edited, moved or removed (lib/plan-editing/structure-events.ts). */
  | StructureEventPayload
  /** Gates, rollback triggers, tables and messages edited (lib/document-parts/part-events.ts). */
  | DocumentPartEventPayload
  /** Only in a share link's stream: an event it may not see, kept so its sequence has no gap. */
  | { type: "withheld" };

export interface DependencyOverride {
  reason: string;
  blockers: { itemId: string; text: string }[];
}

export interface PlanEventMessage {
  planId: string;
  seq: number;
  at: string;
  actor: { id: string; name: string } | null;
  event: PlanEventPayload;
}

/**
 * A tick as the plan's room receives it live: only what changed of the item, and its new
 * version (lib/plan-state/live-delta.ts builds and applies it). Stored events, catch-up,
 * acknowledgements, webhooks and share links keep the whole `item.changed` event.
 *
 * A field is present only when the tick changed it. `statusAt` is the message's `at` and
 * `changedBy` the actor's name unless the tick cleared them (then they are present as null).
 */
export interface ItemDelta {
  type: "item.delta";
  id: string;
  version: number;
  status?: ItemStatusName;
  statusNote?: string | null;
  measuredValue?: number | null;
  statusAt?: null;
  changedBy?: null;
}

/** The live form of a tick. The actor's name is only sent when the plan's members cannot tell it (an actor without a plan role, such as Automation). */
export interface ItemDeltaMessage {
  planId: string;
  seq: number;
  at: string;
  actor: { id: string; name?: string };
  event: ItemDelta;
}

/** What a plan's room receives as `plan:event`: an event whole, or a tick as a delta. */
export type PlanEventWire = PlanEventMessage | ItemDeltaMessage;
