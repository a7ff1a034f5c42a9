import type { ItemDelta, ItemDeltaMessage, ItemLiveState, PlanEventMessage, PlanEventWire } from "@/lib/plan-state/events";
import { applyEvent, classifyEvent, type PlanLiveState } from "@/lib/plan-state/live-state";

/**
 * Ticks go to a plan's room as deltas: every watcher already holds the item, so sending its
 * whole state, the actor's name and the previous status again is most of a tick's bytes
 * (388 of them, for a 67-byte floor). Pure and shared: the server builds the delta from the
 * event it recorded, and the browser turns it back into that event on the item it holds.
 *
 * The recorded event stays whole (the log, catch-up, acknowledgements, webhooks, notifications
 * and share links read it), so a client that lacks the delta's base resyncs from the log and
 * gets the whole event there.
 */

/** The item as it was before the tick, as the writer read it under the plan's lock. */
export type ItemBefore = Pick<ItemLiveState, "status" | "statusNote" | "measuredValue">;

/**
 * The form of a recorded event for the plan's room: a delta for a plain tick, the event
 * itself for anything else (a tick that also made signatures stale, moved the downtime,
 * went over open predecessors or carries a check result says more than a delta can).
 * `actorIsMember`: the plan's members name the actor, so the room can tell the name itself.
 */
export function liveFormOf(message: PlanEventMessage, before: ItemBefore, actorIsMember: boolean): PlanEventWire {
  const { event, actor } = message;
  if (event.type !== "item.changed" || !actor) return message;
  if (event.staleSignatureIds?.length || event.downtime || event.override || event.check) return message;
  const { item } = event;
  // statusAt and changedBy are either what the message says already, or cleared.
  if (item.statusAt !== null && item.statusAt !== message.at) return message;
  if (item.changedBy !== null && item.changedBy !== actor.name) return message;
  const delta: ItemDelta = { type: "item.delta", id: item.id, version: item.version };
  if (item.status !== before.status) delta.status = item.status;
  if (item.statusNote !== before.statusNote) delta.statusNote = item.statusNote;
  if (item.measuredValue !== before.measuredValue) delta.measuredValue = item.measuredValue;
  if (item.statusAt === null) delta.statusAt = null;
  if (item.changedBy === null) delta.changedBy = null;
  const delivered: ItemDeltaMessage = { planId: message.planId, seq: message.seq, at: message.at, actor: actorIsMember ? { id: actor.id } : { id: actor.id, name: actor.name }, event: delta };
  return delivered;
}

/**
 * The whole event a live message stands for, on the state the client holds; null when the
 * client lacks the delta's base (it does not hold the item at the version before, or cannot
 * name the actor), and must resync.
 */
export function expandLiveEvent(state: Pick<PlanLiveState, "items" | "members">, wire: PlanEventWire): PlanEventMessage | null {
  if (!isItemDelta(wire)) return wire;
  const delta = wire.event;
  const base = state.items[delta.id];
  if (!base || base.version !== delta.version - 1) return null;
  const name = wire.actor.name ?? state.members.find((member) => member.userId === wire.actor.id)?.name;
  if (name === undefined) return null;
  const item: ItemLiveState = {
    id: delta.id,
    status: delta.status ?? base.status,
    statusNote: delta.statusNote !== undefined ? delta.statusNote : base.statusNote,
    measuredValue: delta.measuredValue !== undefined ? delta.measuredValue : base.measuredValue,
    statusAt: delta.statusAt === null ? null : wire.at,
    changedBy: delta.changedBy === null ? null : name,
    version: delta.version,
  };
  return { planId: wire.planId, seq: wire.seq, at: wire.at, actor: { id: wire.actor.id, name }, event: { type: "item.changed", item, previousStatus: base.status } };
}

export function isItemDelta(wire: PlanEventWire): wire is ItemDeltaMessage {
  return wire.event.type === "item.delta";
}

export type LiveReceipt =
  | { outcome: "applied"; state: PlanLiveState; message: PlanEventMessage }
  /** Seen already (the sender's acknowledgement, or a repeat): nothing changes. */
  | { outcome: "duplicate" }
  /** Events are missing before it, or the client lacks its base: ask the server (plan:sync). */
  | { outcome: "resync" };

/** What a live message does to the state a client holds. Applying the same message twice changes nothing the second time. */
export function receiveLiveEvent(state: PlanLiveState, wire: PlanEventWire): LiveReceipt {
  const order = classifyEvent(state, wire);
  if (order === "duplicate") return { outcome: "duplicate" };
  if (order === "gap") return { outcome: "resync" };
  const message = expandLiveEvent(state, wire);
  if (!message) return { outcome: "resync" };
  return { outcome: "applied", state: applyEvent(state, message), message };
}

/** Applies a run of live messages in order, as a page receiving them would; stops where it would have to resync. */
export function receiveLiveEvents(state: PlanLiveState, wires: readonly PlanEventWire[]): { state: PlanLiveState; resync: boolean } {
  let current = state;
  for (const wire of wires) {
    const receipt = receiveLiveEvent(current, wire);
    if (receipt.outcome === "resync") return { state: current, resync: true };
    if (receipt.outcome === "applied") current = receipt.state;
  }
  return { state: current, resync: false };
}
