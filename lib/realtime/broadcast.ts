import type { PlanEventMessage, PlanEventWire } from "@/lib/plan-state/events";
import type { NotificationPush, RoomEmit } from "@/lib/realtime/socket-contract";
import { redactEventForShare, type SharePolicy } from "@/lib/share/redact-for-share";

export type { NotificationPush } from "@/lib/realtime/socket-contract";

/**
 * The bridge from the one writer to socket.io. server.ts registers the emitter once it has
 * created the socket server; route handlers run in Next's bundles, which load their own copy
 * of this module, so the emitter lives on globalThis where every copy finds it. It takes one
 * typed emit (socket-contract.ts): an event's name always comes with that event's payload.
 */
type Emit = (message: RoomEmit) => void;

declare global {
  // Shared by every bundle's copy of this module (a global must be declared with var).
  var preflightEmit: Emit | undefined;
  var preflightDisconnectUser: ((userId: string) => void) | undefined;
}

const registry = globalThis;

export function registerUserDisconnector(disconnect: ((userId: string) => void) | undefined): void {
  registry.preflightDisconnectUser = disconnect;
}

/**
 * Ends a user's live connections on every app process (their sessions were ended: password
 * reset, deactivation, "sign out everywhere"); a no-op without a socket server.
 */
export function disconnectUserEverywhere(userId: string): void {
  registry.preflightDisconnectUser?.(userId);
}

export function registerEmitter(emit: Emit | undefined): void {
  registry.preflightEmit = emit;
}

export function planRoom(planId: string): string {
  return `plan:${planId}`;
}

/** Every socket of one signed-in person, on every process: what ending their sessions closes. */
export function userRoom(userId: string): string {
  return `user:${userId}`;
}

/** Visitors of the plan's read-only share links: they get the redacted stream, never the plan room's. */
export function shareRoom(planId: string): string {
  return `share:${planId}`;
}

/** Signed-in people watching the dashboard. */
export const DASHBOARD_ROOM = "dashboard";

/** Changes that move a plan between the dashboard's lists or change what it shows of one. */
const DASHBOARD_EVENTS: ReadonlySet<PlanEventMessage["event"]["type"]> = new Set(["plan.status", "plan.window", "plan.edited", "check.changed"]);

/**
 * Sends a committed event to everyone watching the plan (on every app process, via the
 * adapter), as `live` when the writer made a smaller form of it for the room (a tick's delta,
 * lib/plan-state/live-delta.ts), and its share-link form, redacted once here from the whole
 * event under the settings the writer read with the plan's lock, to the plan's share visitors.
 */
export function broadcastPlanEvent(message: PlanEventMessage, share: SharePolicy, live: PlanEventWire = message): void {
  // Without a socket server (scripts, the seed) the optional call skips its arguments: nothing is redacted.
  registry.preflightEmit?.({ room: planRoom(message.planId), event: "plan:event", payload: live, also: { room: shareRoom(message.planId), payload: redactEventForShare(message, share) } });
  if (DASHBOARD_EVENTS.has(message.event.type)) notifyDashboards();
}

/**
 * Tells open dashboards to refresh. It carries nothing: each dashboard re-reads through
 * the server with its viewer's access rules, so no plan's details reach someone who may not see it.
 */
export function notifyDashboards(): void {
  registry.preflightEmit?.({ room: DASHBOARD_ROOM, event: "dashboard:changed", payload: {} });
}

/** Pushes a new notification to every open page of its person (on every process, via the adapter). */
export function notifyUser(userId: string, payload: NotificationPush): void {
  registry.preflightEmit?.({ room: userRoom(userId), event: "notification:new", payload });
}
