import type { Server } from "socket.io";
import { isDatabaseUnavailable } from "@/lib/db/database-unavailable";
import { noteDatabaseUnavailable } from "@/lib/db/outage-log";
import { logger } from "@/lib/logger";
import { latestSequenceNumbers } from "@/lib/plan-state/read-plan-state";
import { planRoom, shareRoom } from "@/lib/realtime/broadcast";
import type { ClientToServerEvents, InterServerEvents, PlanHead, ServerToClientEvents, SocketData } from "@/lib/realtime/socket-contract";

/** The plans whose room (members' or share visitors') has a socket on this process. */
export function watchedPlanIds(rooms: Iterable<string>): string[] {
  const planIds = new Set<string>();
  for (const room of rooms) {
    if (room.startsWith("plan:") || room.startsWith("share:")) planIds.add(room.slice(room.indexOf(":") + 1));
  }
  return [...planIds];
}

/**
 * Every `intervalMs`, each plan watched on this process hears its latest sequence number
 * (`plan:head`): one query for all watched plans, one small message per room. Events relayed
 * between processes travel over the cluster adapter; if a database blip drops some on the
 * way, this is how a watcher learns it is behind and catches up, without a reload. Each
 * process announces only to its own sockets, so nothing here crosses the adapter.
 * `announceNow` is for the moment the adapter's connection comes back. `onHeads`: what each
 * beat read, and which plans are watched here.
 */
export function startPlanHeartbeat(
  io: Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>,
  intervalMs: number,
  onHeads?: (heads: readonly PlanHead[], watched: readonly string[]) => void,
): { announceNow(): Promise<void>; stop(): void } {
  let running = false;
  const announceNow = async () => {
    if (running) return;
    running = true;
    try {
      const planIds = watchedPlanIds(io.of("/").adapter.rooms.keys());
      const heads = await latestSequenceNumbers(planIds);
      onHeads?.(heads, planIds);
      for (const head of heads) io.local.to(planRoom(head.planId)).to(shareRoom(head.planId)).emit("plan:head", head);
    } catch (error) {
      // Logged once per outage (lib/db/outage-log.ts); the next beat tries again.
      if (isDatabaseUnavailable(error)) noteDatabaseUnavailable(error instanceof Error ? error.message : String(error));
      else logger.warn("plan heartbeat failed", error instanceof Error ? error.message : error);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void announceNow(), intervalMs);
  // The heartbeat never keeps a stopping process alive.
  timer.unref();
  return { announceNow, stop: () => clearInterval(timer) };
}
