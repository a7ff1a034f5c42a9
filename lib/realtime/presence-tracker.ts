import { randomUUID } from "node:crypto";
import type { Server } from "socket.io";
import { logger } from "@/lib/logger";
import { planRoom, shareRoom } from "@/lib/realtime/broadcast";
import { presenceOf, PRESENCE_REFRESH_MS, type PresenceUpdate } from "@/lib/realtime/presence";
import { watcherCountForShare } from "@/lib/share/redact-for-share";

/** presenceOf's one entry for all share-link visitors. */
const SHARE_VISITORS = "share-link";

/** How long presence changes are gathered before one broadcast tells the room who is here. */
export const PRESENCE_COALESCE_MS = 250;

interface PresenceSocketData {
  actor: { id: string; name: string } | null;
  roles: Record<string, string>;
  idle: Record<string, boolean>;
}

/**
 * This process's half of presence: it counts the people on its own sockets in a plan's room
 * and broadcasts that list, tagged with its id, to the whole room (every process). When a war
 * room opens a plan, hundreds join within seconds; changes within PRESENCE_COALESCE_MS go out
 * as one broadcast per plan, not one per join (which would be N² messages).
 */
export function createPresenceTracker(io: Server) {
  const source = randomUUID();
  const pending = new Map<string, NodeJS.Timeout>();
  const cluster = io as unknown as { serverSideEmit(event: "presence:refresh", planId: string): void; on(event: "presence:refresh", listener: (planId: string) => void): void };

  // Share visitors sit in a room of their own: people see them as one entry, and they see a count, never names.
  const announce = async (planId: string) => {
    const sockets = await io.local.in(planRoom(planId)).fetchSockets();
    const visitors = io.of("/").adapter.rooms.get(shareRoom(planId))?.size ?? 0;
    const watching = sockets.map((socket) => {
      const data = socket.data as PresenceSocketData;
      return { actor: data.actor, role: data.roles[planId] ?? "VIEWER", idle: data.idle[planId] ?? false };
    });
    const people = presenceOf(visitors ? [...watching, { actor: null, role: "VIEWER", idle: false }] : watching);
    const update: PresenceUpdate = { planId, source, people };
    io.to(planRoom(planId)).emit("plan:presence" as never, update as never);
    const signedIn = people.filter((person) => person.userId !== SHARE_VISITORS).length;
    io.to(shareRoom(planId)).emit("plan:watching" as never, watcherCountForShare(planId, source, signedIn, visitors) as never);
  };

  const schedule = (planId: string) => {
    if (pending.has(planId)) return;
    const timer = setTimeout(() => {
      pending.delete(planId);
      void announce(planId).catch((error: unknown) => logger.warn("presence update failed", error));
    }, PRESENCE_COALESCE_MS);
    timer.unref();
    pending.set(planId, timer);
  };

  // Someone who joins through another process needs this process's list too.
  cluster.on("presence:refresh", (planId) => {
    const rooms = io.of("/").adapter.rooms;
    if (rooms.get(planRoom(planId))?.size || rooms.get(shareRoom(planId))?.size) schedule(planId);
  });
  // Repeated now and then, so clients drop the list of a process that died (PRESENCE_EXPIRY_MS).
  const refresh = setInterval(() => {
    for (const [room, members] of io.of("/").adapter.rooms) {
      if ((room.startsWith("plan:") || room.startsWith("share:")) && members.size) schedule(room.slice(room.indexOf(":") + 1));
    }
  }, PRESENCE_REFRESH_MS);
  refresh.unref();

  return {
    /** A socket joined: tell the room, and have the other processes tell the newcomer who is on theirs. */
    joined(planId: string) {
      if (!pending.has(planId)) cluster.serverSideEmit("presence:refresh", planId);
      schedule(planId);
    },
    changed: schedule,
    stop() {
      clearInterval(refresh);
      pending.forEach((timer) => clearTimeout(timer));
    },
  };
}
