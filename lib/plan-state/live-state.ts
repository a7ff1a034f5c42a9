import type {
  CheckLiveState,
  CommentLiveState,
  DowntimeMarkerName,
  DowntimePeriodLive,
  GateLiveConfig,
  ItemLiveState,
  MemberLiveState,
  PlanEventMessage,
  PlanSettings,
  WindowLiveState,
} from "@/lib/plan-state/events";
import type { SignatureLiveState } from "@/lib/signoffs/gate-rules";
import type { GateOverrideRecord } from "@/lib/signoffs/gate-blocks";
import type { PlanStatusName } from "@/lib/plan-state/lifecycle";
import type { ItemPlanning } from "@/lib/planning/planning-schema";
import type { ItemSnapshot, StructureEventPayload } from "@/lib/plan-editing/structure-events";

/**
 * What a client holds of a running plan and how events move it forward. Pure and shared:
 * the browser applies broadcasts with it, and tests check that a client which missed events
 * and caught up ends exactly where one that saw them all did.
 */
export interface PlanLiveState {
  planId: string;
  seq: number;
  /** When the server read this snapshot; pages render their clocks at this time first. */
  loadedAt: string;
  status: PlanStatusName;
  startedAt: string | null;
  finishedAt: string | null;
  rollbackReason: string | null;
  items: Record<string, ItemLiveState>;
  comments: Record<string, CommentLiveState[]>;
  settings: PlanSettings;
  /** What of each gate the lead can change while the plan runs. */
  gates: Record<string, GateLiveConfig>;
  /** Signatures in force (not replaced by a newer one from the same person), oldest first. */
  signatures: SignatureLiveState[];
  /** The newest events first, for the activity feed. */
  activity: PlanEventMessage[];
  window: WindowLiveState;
  downtime: DowntimePeriodLive[];
  /** Items whose tick starts or ends the downtime. */
  downtimeMarkers: Record<string, DowntimeMarkerName>;
  /** First and last state change of each item that changed (ISO), for actual times on the timeline. */
  itemSpans: Record<string, { first: string; last: string }>;
  /** Monitoring checks due after the finish, in due order. */
  checks: CheckLiveState[];
  /** Starts and completions the lead made over unsatisfied sign-off gates, oldest first. */
  overrides: GateOverrideRecord[];
  /**
   * Who is on the plan, with their role and sign-off titles: pages pick their buttons from it,
   * so a title taken away removes the Approve button on the holder's open page at once.
   */
  members: MemberLiveState[];
  /**
   * Owners, dependencies and planned minutes of the steps that have any. Owners hold user ids
   * and titles; pages resolve them through `members`, so a title handed over shows at once.
   */
  planning: Record<string, ItemPlanning>;
  /** Each section's version, which structural edits of it send back (optimistic concurrency, as items' versions). */
  sectionVersions: Record<string, number>;
}

export const ACTIVITY_LENGTH = 50;

export type ApplyOutcome = "applied" | "duplicate" | "gap";

/** Where an incoming event stands relative to the state: next in line, already seen, or after a gap. */
export function classifyEvent(state: Pick<PlanLiveState, "seq">, message: Pick<PlanEventMessage, "seq">): ApplyOutcome {
  if (message.seq <= state.seq) return "duplicate";
  if (message.seq === state.seq + 1) return "applied";
  return "gap";
}

/** The state after one event. Only the next event in sequence changes anything. */
export function applyEvent(state: PlanLiveState, message: PlanEventMessage): PlanLiveState {
  if (classifyEvent(state, message) !== "applied") return state;
  const next: PlanLiveState = { ...state, seq: message.seq, activity: [message, ...state.activity].slice(0, ACTIVITY_LENGTH) };
  const { event } = message;
  switch (event.type) {
    case "item.changed": {
      next.items = { ...state.items, [event.item.id]: event.item };
      const span = state.itemSpans[event.item.id];
      next.itemSpans = { ...state.itemSpans, [event.item.id]: { first: span?.first ?? message.at, last: message.at } };
      if (event.downtime) next.downtime = event.downtime;
      if (event.staleSignatureIds?.length) {
        const stale = new Set(event.staleSignatureIds);
        const reason = "An item it approved changed afterwards.";
        next.signatures = state.signatures.map((signature) => (stale.has(signature.id) ? { ...signature, stale: true, staleReason: reason } : signature));
      }
      break;
    }
    case "item.planned":
      next.items = { ...state.items, [event.item.id]: event.item };
      next.planning = { ...state.planning, [event.item.id]: event.planning };
      break;
    case "item.checkSet":
      next.items = { ...state.items, [event.item.id]: event.item };
      break;
    case "comment.added":
      next.comments = { ...state.comments, [event.comment.itemId]: [...(state.comments[event.comment.itemId] ?? []), event.comment] };
      break;
    case "plan.status":
      next.status = event.status;
      next.startedAt = event.startedAt;
      next.finishedAt = event.finishedAt;
      if (event.status === "ROLLING_BACK") next.rollbackReason = event.reason;
      if (event.checks) next.checks = event.checks;
      if (event.override) next.overrides = [...state.overrides, event.override];
      break;
    case "plan.window":
      next.window = event.window;
      break;
    case "downtime.changed":
      next.downtime = event.periods;
      break;
    case "item.flagged": {
      // One item holds each flag: the item named now, and no other with the same flag.
      const others = Object.entries(state.downtimeMarkers).filter(([itemId, marker]) => itemId !== event.itemId && marker !== event.downtimeMarker);
      next.downtimeMarkers = Object.fromEntries(event.downtimeMarker ? [...others, [event.itemId, event.downtimeMarker]] : others);
      break;
    }
    case "check.changed":
      next.checks = state.checks.map((check) => (check.id === event.check.id ? event.check : check));
      break;
    case "plan.edited":
      next.settings = event.settings;
      break;
    case "gate.configured":
      next.gates = { ...state.gates, [event.gateId]: event.config };
      break;
    case "gate.signed":
      next.signatures = [...state.signatures.filter((signature) => signature.id !== event.supersededId), event.signature];
      break;
    case "member.set": {
      const others = state.members.filter((member) => member.userId !== event.member.userId);
      const index = state.members.findIndex((member) => member.userId === event.member.userId);
      // Keep a changed member in place, so lists do not jump; a new one joins at the end.
      next.members = index === -1 ? [...others, event.member] : [...others.slice(0, index), event.member, ...others.slice(index)];
      break;
    }
    case "member.removed":
      next.members = state.members.filter((member) => member.userId !== event.userId);
      break;
    case "section.added":
    case "section.edited":
    case "section.moved":
    case "section.removed":
    case "item.added":
    case "item.edited":
    case "item.moved":
    case "item.removed":
      applyStructureEvent(next, state, event);
      break;
    case "gate.edited":
      // Its title and titles reach the page with the server's render; its quorums live here.
      next.gates = { ...state.gates, [event.gateId]: event.config };
      break;
    case "gate.added":
      next.gates = { ...state.gates, [event.gateId]: event.config };
      break;
    case "gate.removed":
      next.gates = Object.fromEntries(Object.entries(state.gates).filter(([id]) => id !== event.gateId));
      next.signatures = state.signatures.filter((signature) => signature.gateId !== event.gateId);
      break;
  }
  return next;
}

/** A step as the live state holds it, from a structural event's snapshot (its run state is untouched by edits). */
function liveItemOf(snapshot: ItemSnapshot, current: ItemLiveState | undefined): ItemLiveState {
  return current
    ? { ...current, version: snapshot.version }
    : { id: snapshot.id, status: snapshot.status, statusNote: null, measuredValue: null, statusAt: null, changedBy: null, version: snapshot.version };
}

/** Structural edits move the versions and the set of steps; where they go on the page is the page's structure (components/editor). */
function applyStructureEvent(next: PlanLiveState, state: PlanLiveState, event: StructureEventPayload): void {
  switch (event.type) {
    case "section.added": {
      next.sectionVersions = { ...state.sectionVersions, [event.section.id]: event.section.version };
      for (const section of event.restored?.sections.slice(1) ?? []) next.sectionVersions[section.id] = section.version + 1;
      if (event.restored) next.items = { ...state.items, ...Object.fromEntries(event.restored.items.map((item) => [item.id, liveItemOf({ ...item, status: "PENDING", version: item.version + 1 }, undefined)])) };
      break;
    }
    case "section.edited":
    case "section.moved":
      next.sectionVersions = { ...state.sectionVersions, [event.section.id]: event.section.version };
      break;
    case "section.removed":
    case "item.removed": {
      const goneSections = new Set(event.removed.sections.map((section) => section.id));
      const goneItems = new Set(event.removed.items.map((item) => item.id));
      next.sectionVersions = Object.fromEntries(Object.entries(state.sectionVersions).filter(([id]) => !goneSections.has(id)));
      next.items = Object.fromEntries(Object.entries(state.items).filter(([id]) => !goneItems.has(id)));
      next.comments = Object.fromEntries(Object.entries(state.comments).filter(([id]) => !goneItems.has(id)));
      break;
    }
    case "item.added":
      next.items = { ...state.items, [event.item.id]: liveItemOf(event.item, undefined) };
      for (const item of event.restored?.items.slice(1) ?? []) next.items[item.id] = liveItemOf({ ...item, status: "PENDING", version: item.version + 1 }, undefined);
      if (event.planning) next.planning = { ...state.planning, [event.item.id]: event.planning };
      break;
    case "item.edited":
    case "item.moved": {
      next.items = { ...state.items, [event.item.id]: liveItemOf(event.item, state.items[event.item.id]) };
      if (event.type === "item.edited" && event.staleSignatureIds?.length) {
        const stale = new Set(event.staleSignatureIds);
        next.signatures = state.signatures.map((signature) => (stale.has(signature.id) ? { ...signature, stale: true, staleReason: `“${event.before.text}” was edited after this was signed.` } : signature));
      }
      break;
    }
  }
}

/** Applies a run of events in order, stopping at the first gap (the caller then asks for the rest). */
export function applyEvents(state: PlanLiveState, messages: readonly PlanEventMessage[]): { state: PlanLiveState; gap: boolean } {
  let current = state;
  for (const message of [...messages].sort((a, b) => a.seq - b.seq)) {
    const outcome = classifyEvent(current, message);
    if (outcome === "gap") return { state: current, gap: true };
    current = applyEvent(current, message);
  }
  return { state: current, gap: false };
}
