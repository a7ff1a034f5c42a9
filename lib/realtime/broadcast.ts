import type { PlanEventMessage } from "@/lib/plan-state/events";
import { redactEventForShare, type SharePolicy } from "@/lib/share/redact-for-share";

/**
 * The bridge from the one writer to socket.io. server.ts registers the emitter once it has
 * created the socket server; route handlers run in Next's bundles, which load their own copy
 * of this module, so the emitter lives on globalThis where every copy finds it.
 */
type Emit = (room: string, event: string, payload: unknown, alsoTo?: AlsoEmit) => void;

/** A second room that gets its own form of the same event, carried in the same relay message. */
export interface AlsoEmit {
  room: string;
  payload: unknown;
}

const registry = globalThis as unknown as { preflightEmit?: Emit; preflightDisconnectUser?: (userId: string) => void };

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
 * adapter), and its share-link form, redacted once here under the settings the writer read
 * with the plan's lock, to the plan's share visitors.
 */
export function broadcastPlanEvent(message: PlanEventMessage, share: SharePolicy): void {
  // Without a socket server (scripts, the seed) the optional call skips its arguments: nothing is redacted.
  registry.preflightEmit?.(planRoom(message.planId), "plan:event", message, { room: shareRoom(message.planId), payload: redactEventForShare(message, share) });
  if (DASHBOARD_EVENTS.has(message.event.type)) notifyDashboards();
}

/**
 * Tells open dashboards to refresh. It carries nothing: each dashboard re-reads through
 * the server with its viewer's access rules, so no plan's details reach someone who may not see it.
 */
export function notifyDashboards(): void {
  registry.preflightEmit?.(DASHBOARD_ROOM, "dashboard:changed", {});
}
