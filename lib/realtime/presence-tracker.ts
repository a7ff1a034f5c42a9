import { randomUUID } from "node:crypto";
import type { Server } from "socket.io";
import { logger } from "@/lib/logger";
import { planRoom, shareRoom } from "@/lib/realtime/broadcast";
import { presenceDelta, presenceOf, PRESENCE_REFRESH_MS } from "@/lib/realtime/presence";
import type { ClientToServerEvents, InterServerEvents, PresenceEntry, PresenceRefreshRequest, RoomEmit, ServerToClientEvents, SocketData } from "@/lib/realtime/socket-contract";
import { watcherCountForShare } from "@/lib/share/redact-for-share";

/** presenceOf's one entry for all share-link visitors. */
const SHARE_VISITORS = "share-link";

/** How long presence changes are gathered before one message tells the room what changed. */
export const PRESENCE_COALESCE_MS = 250;

type SocketServer = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;

/** What this process last told a plan's room about its sockets. */
interface Announced {
  /** Numbers this process's presence messages for the plan, so clients notice one they missed. */
  seq: number;
  people: PresenceEntry[];
  /** The count last sent to share visitors. */
  watching: number;
}

/**
 * This process's half of presence: it counts the people on its own sockets in a plan's room
 * and sends the room what changed since it last did (who came, who left, who went idle),
 * tagged with its id and numbered. When a war room opens a plan, hundreds join within
 * seconds; changes within PRESENCE_COALESCE_MS go out as one delta per plan.
 * - A newcomer (or a client that missed a number) gets each process's full list, sent to
 *   its socket alone: this process's at once, the others' on request over the adapter.
 * - Every PRESENCE_REFRESH_MS the room hears "alive" (no list), so clients drop the list of
 *   a process that died (PRESENCE_EXPIRY_MS), and notice a delta they missed.
 * - Share visitors hear only how many watch (plan:watching), when it changes and with each beat.
 *
 * `broadcast`: the socket server's emit to a room on every process (the relay, which skips
 * the adapter when this is the only process); `hasPeers`: whether another process may be
 * listening, without which asking the others for their lists is skipped.
 */
export function createPresenceTracker(io: SocketServer, cluster: { broadcast: (message: RoomEmit) => void; hasPeers: () => Promise<boolean>; refreshMs?: number }) {
  const { broadcast, hasPeers, refreshMs = PRESENCE_REFRESH_MS } = cluster;
  const source = randomUUID();
  const announced = new Map<string, Announced>();
  const pending = new Map<string, NodeJS.Timeout>();
  /** Sockets waiting for the other processes' full lists, per plan, asked for in one message per burst. */
  const wanting = new Map<string, { members: Set<string>; visitors: Set<string> }>();

  // Share visitors sit in a room of their own: people see them as one entry, and they see a count, never names.
  const countLocally = (planId: string) => {
    const nsp = io.of("/");
    const watching: { actor: SocketData["actor"]; role: string; idle: boolean }[] = [];
    for (const socketId of nsp.adapter.rooms.get(planRoom(planId)) ?? []) {
      const data = nsp.sockets.get(socketId)?.data;
      if (data) watching.push({ actor: data.actor, role: data.roles[planId] ?? "VIEWER", idle: data.idle[planId] ?? false });
    }
    const visitors = nsp.adapter.rooms.get(shareRoom(planId))?.size ?? 0;
    const people = presenceOf(visitors ? [...watching, { actor: null, role: "VIEWER", idle: false }] : watching);
    return { people, visitors, hasSockets: watching.length + visitors > 0 };
  };

  const watcherCount = (planId: string, state: Announced) => {
    const visitors = io.of("/").adapter.rooms.get(shareRoom(planId))?.size ?? 0;
    const signedIn = state.people.filter((person) => person.userId !== SHARE_VISITORS).length;
    return watcherCountForShare(planId, source, signedIn, visitors);
  };

  /** Tells the room what changed since the last message; `beat`: say "alive" when nothing did. */
  const announce = (planId: string, beat = false) => {
    const { people, hasSockets } = countLocally(planId);
    const state = announced.get(planId) ?? { seq: 0, people: [], watching: 0 };
    const delta = presenceDelta(state.people, people);
    if (delta) {
      state.seq += 1;
      state.people = people;
      broadcast({ room: planRoom(planId), event: "plan:presence", payload: { kind: "delta", planId, source, seq: state.seq, ...delta } });
    } else if (beat) {
      broadcast({ room: planRoom(planId), event: "plan:presence", payload: { kind: "alive", planId, source, seq: state.seq } });
    }
    // The number survives an empty room: clients still hold the last one of this source.
    announced.set(planId, state);
    const count = watcherCount(planId, state);
    if (count.watching !== state.watching || (beat && hasSockets)) {
      state.watching = count.watching;
      broadcast({ room: shareRoom(planId), event: "plan:watching", payload: count });
    }
  };

  /**
   * This process's full list (as last announced, with its number, so the deltas after it
   * apply) and count, to the sockets that asked: `send` reaches them on this process only
   * (a newcomer here) or on every process (a request from another).
   */
  const sendFull = (planId: string, members: string[], visitors: string[], send: (message: RoomEmit) => void) => {
    const state = announced.get(planId);
    // A process that never announced anyone for the plan is, for clients, an empty list at number 0.
    if (!state) return;
    if (members.length) send({ room: members, event: "plan:presence", payload: { kind: "full", planId, source, seq: state.seq, people: state.people } });
    if (visitors.length) send({ room: visitors, event: "plan:watching", payload: watcherCount(planId, state) });
  };
  const sendHere = (message: RoomEmit) => {
    if (message.event === "plan:presence") io.local.to(message.room).emit(message.event, message.payload);
    if (message.event === "plan:watching") io.local.to(message.room).emit(message.event, message.payload);
  };

  const schedule = (planId: string) => {
    if (pending.has(planId)) return;
    const timer = setTimeout(() => {
      pending.delete(planId);
      try {
        announce(planId);
        askOthers(planId);
      } catch (error) {
        logger.warn("presence update failed", error);
      }
    }, PRESENCE_COALESCE_MS);
    timer.unref();
    pending.set(planId, timer);
  };

  const askOthers = (planId: string) => {
    const sockets = wanting.get(planId);
    if (!sockets) return;
    wanting.delete(planId);
    const request: PresenceRefreshRequest = { planId, members: [...sockets.members], visitors: [...sockets.visitors] };
    void hasPeers().then(
      (peers) => peers && io.serverSideEmit("presence:refresh", request),
      (error: unknown) => logger.warn("presence refresh request failed", error),
    );
  };

  io.on("presence:refresh", ({ planId, members, visitors }) => sendFull(planId, members, visitors, broadcast));

  // Repeated now and then, so clients drop the list of a process that died (PRESENCE_EXPIRY_MS).
  const refresh = setInterval(() => {
    const planIds = new Set<string>();
    for (const [room, members] of io.of("/").adapter.rooms) {
      if ((room.startsWith("plan:") || room.startsWith("share:")) && members.size) planIds.add(room.slice(room.indexOf(":") + 1));
    }
    for (const planId of planIds) announce(planId, true);
  }, refreshMs);
  refresh.unref();

  return {
    /**
     * A socket joined the plan's room (`share`: its share visitors' room), or asked again after
     * missing a message: it gets this process's full list now, the other processes' on
     * request, and the room hears the change.
     */
    joined(planId: string, socketId: string, share: boolean) {
      sendFull(planId, share ? [] : [socketId], share ? [socketId] : [], sendHere);
      const sockets = wanting.get(planId) ?? { members: new Set<string>(), visitors: new Set<string>() };
      (share ? sockets.visitors : sockets.members).add(socketId);
      wanting.set(planId, sockets);
      schedule(planId);
    },
    changed: schedule,
    stop() {
      clearInterval(refresh);
      pending.forEach((timer) => clearTimeout(timer));
    },
  };
}
