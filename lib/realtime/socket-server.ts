import type { Server as HttpServer } from "node:http";
import { getToken } from "next-auth/jwt";
import { Server } from "socket.io";
import { describeError } from "@/lib/describe-error";
import { applyPlanChange } from "@/lib/plan-state/apply-plan-change";
import { assertMayRead } from "@/lib/plan-state/plan-access";
import { eventsAfter } from "@/lib/plan-state/read-plan-state";
import { DASHBOARD_ROOM, planRoom, registerEmitter, registerUserDisconnector, shareRoom, userRoom } from "@/lib/realtime/broadcast";
import { ACCESS_LOST_MESSAGE, membershipEffectOf } from "@/lib/realtime/membership-effect";
import { payloadAndAck } from "@/lib/realtime/socket-arguments";
import { isAllowedSocketOrigin } from "@/lib/realtime/socket-origin";
import { createPresenceTracker } from "@/lib/realtime/presence-tracker";
import {
  changePlanSchema,
  joinPlanSchema,
  planOnlySchema,
  presenceSchema,
  syncPlanSchema,
  type CatchUp,
  type ChangeAnswer,
  type ClientToServerEvents,
  type DashboardWatchAnswer,
  type HandshakeRefusal,
  type InterServerEvents,
  type Refusal,
  type RoomEmit,
  type ServerToClientEvents,
  type SocketData,
} from "@/lib/realtime/socket-contract";
import { peersOf } from "@/lib/realtime/cluster-peers";
import { createKnownPlanHeads } from "@/lib/realtime/known-plan-heads";
import { localEmitter } from "@/lib/realtime/local-emit";
import { startPlanHeartbeat } from "@/lib/realtime/plan-heartbeat";
import { DATABASE_RETRY_AFTER_SECONDS, DATABASE_UNAVAILABLE_MESSAGE, isDatabaseUnavailable } from "@/lib/db/database-unavailable";
import { noteDatabaseUnavailable } from "@/lib/db/outage-log";
import { logger } from "@/lib/logger";
import { findSessionUser, loadSessionUser, sessionVersionOfToken } from "@/lib/users/find-active-user";
import { AppError } from "@/lib/errors";
import type { PlanRoleName } from "@/lib/plan-state/permissions";
import { findActiveShareLink } from "@/lib/share/find-share-link";
import { sharedEventsAfter } from "@/lib/share/shared-live-state";
import { MAX_CHANGE_BODY_BYTES } from "@/lib/http/limited-body";
import { countChange } from "@/lib/limits/change-rate-limit";

const NOT_FOUND = "This plan does not exist, or you cannot see it.";

/** A person reads the plans they are a member of; a share visitor only the plan of their link. */
async function assertSocketMayRead(data: SocketData, planId: string): Promise<PlanRoleName | null> {
  if (data.actor) return assertMayRead(planId, data.actor);
  if (data.share?.planId !== planId) throw new AppError("not_found", NOT_FOUND);
  return "VIEWER";
}

const READ_ONLY_LINK = "This is a read-only share link; sign in to take part in the plan.";

/**
 * A handshake that could not look the person up. Without the database it is retriable: the
 * client tries again with backoff (socket.io-client does not retry middleware refusals by
 * itself) and the page says the database is unavailable. Anything else stays a final refusal.
 */
function handshakeFailure(error: unknown): Error {
  if (isDatabaseUnavailable(error)) {
    noteDatabaseUnavailable(error instanceof Error ? error.message : String(error));
    const data: HandshakeRefusal = { retriable: true, status: 503, retryAfterSeconds: DATABASE_RETRY_AFTER_SECONDS };
    return Object.assign(new Error(DATABASE_UNAVAILABLE_MESSAGE), { data });
  }
  logger.warn("socket handshake failed", error instanceof Error ? error.message : error);
  return new Error("unauthenticated");
}

/** A plan change is at most MAX_CHANGE_BODY_BYTES; 16 KB more leaves room for socket.io's envelope. */
export const MAX_SOCKET_MESSAGE_BYTES = MAX_CHANGE_BODY_BYTES + 16 * 1024;

/** What a socket missed: the plan's events for a person, their share-link form for a share visitor. */
function catchUpEvents(data: SocketData, planId: string, afterSeq: number) {
  return data.share ? sharedEventsAfter(planId, afterSeq) : eventsAfter(planId, afterSeq);
}

export type SocketServer = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;

/**
 * socket.io on the same HTTP server and port as Next. A connection needs a valid session
 * cookie (the JWT the pages use) for an active account. Each handler validates its payload,
 * checks the plan role, and calls the same lib/ functions as the HTTP routes.
 */
export function attachSocketServer(
  httpServer: HttpServer,
  options: {
    authSecret: string;
    adapter?: Parameters<Server["adapter"]>[0];
    /** AUTH_URL: the app's public origin, which pages connect from. */
    appUrl?: string;
    /** How often watched rooms hear their plan's latest sequence number (plan-heartbeat.ts); 5 s by default. */
    heartbeatIntervalMs?: number;
    /** How often each process tells rooms it is alive (presence-tracker.ts); PRESENCE_REFRESH_MS by default, shorter in tests. */
    presenceRefreshMs?: number;
    /** Called with a listener to run whenever the cluster adapter's connection comes back after a loss. */
    onClusterReconnected?: (listener: () => void) => void;
  },
): SocketServer {
  const io: SocketServer = new Server(httpServer, {
    path: "/socket.io",
    serveClient: false,
    // The largest message a client may send: a plan change is capped at 64 KB over HTTP, and
    // the socket allows the same plus its envelope (socket.io's default is 1 MB).
    maxHttpBufferSize: MAX_SOCKET_MESSAGE_BYTES,
    // Same-origin only: the browser client connects to the page's own origin.
    cors: { origin: false },
    // Another site's page must not open a connection with the visitor's cookie (lib/realtime/socket-origin.ts).
    allowRequest: (request, callback) => {
      const encrypted = Boolean((request.socket as { encrypted?: boolean }).encrypted);
      callback(null, isAllowedSocketOrigin(request.headers, { appUrl: options.appUrl, encrypted }));
    },
    ...(options.adapter ? { adapter: options.adapter } : {}),
  });

  io.use(async (socket, next) => {
    const headers = socket.handshake.headers;
    const secure = headers["x-forwarded-proto"] === "https" || Boolean((socket.request.socket as { encrypted?: boolean }).encrypted);
    const token = await getToken({ req: { headers: headers as Record<string, string> }, secret: options.authSecret, secureCookie: secure }).catch(() => null);
    try {
      // An ended session (older session version) is refused like a missing one.
      const user = token?.sub ? await findSessionUser(token.sub, sessionVersionOfToken(token)) : null;
      if (user) {
        socket.data = { actor: { id: user.id, name: user.name, isAdmin: user.role === "ADMIN" }, sessionVersion: sessionVersionOfToken(token), share: null, roles: {}, idle: {} };
        return next();
      }
      const shareToken = (socket.handshake.auth as { shareToken?: unknown } | undefined)?.shareToken;
      const link = typeof shareToken === "string" ? await findActiveShareLink(shareToken) : null;
      if (!link) return next(new Error("unauthenticated"));
      socket.data = { actor: null, share: { linkId: link.id, planId: link.planId }, roles: {}, idle: {} };
      next();
    } catch (error) {
      next(handshakeFailure(error));
    }
  });

  const hasPeers = peersOf(options.adapter ? io.of("/").adapter : undefined);
  const presence = createPresenceTracker(io, { broadcast: (message) => relayEmit(message), hasPeers, refreshMs: options.presenceRefreshMs });
  const knownHeads = createKnownPlanHeads();

  io.on("connection", (socket) => {
    const data = socket.data;
    const fail = (ack: ((answer: Refusal) => void) | undefined, error: unknown) => {
      const { status, body } = describeError(error);
      // A rate-limited change says when to try again, as HTTP's Retry-After does.
      const retryAfterSeconds = body.error.retryAfterSeconds;
      ack?.({ ok: false, status, ...(typeof retryAfterSeconds === "number" ? { retryAfterSeconds } : {}), ...body });
    };

    if (data.actor) {
      const userId = data.actor.id;
      // Ending the person's sessions closes this room's sockets on every process.
      void socket.join(userRoom(userId));
      // Checked again now that the socket is in its room: sessions ended between the handshake's
      // check and the join would otherwise have missed it.
      // From the database, not the cache: another process's NOTIFY may not have arrived yet.
      void loadSessionUser(userId, data.sessionVersion ?? 0).then(
        (user) => user || socket.disconnect(true),
        () => socket.disconnect(true),
      );
    }

    socket.on("plan:join", async (...args: unknown[]) => {
      const { payload, ack } = payloadAndAck<CatchUp>(args);
      try {
        const { planId, lastSeq } = joinPlanSchema.parse(payload);
        data.lostAccess?.delete(planId);
        const role = (await assertSocketMayRead(data, planId)) ?? "ADMIN";
        // A removal that committed after the check read the membership, and was delivered
        // before this socket is in the room, had no socket to take out: it left this mark.
        // Checked with no await between it and the join, so no removal slips through.
        if (data.lostAccess?.has(planId)) throw new AppError("not_found", NOT_FOUND);
        data.roles[planId] = role;
        // Share visitors have a room of their own, which gets only the redacted stream.
        await socket.join(data.share ? shareRoom(planId) : planRoom(planId));
        presence.joined(planId, socket.id, Boolean(data.share));
        // Up to date with every event emitted here, and in the room for the next ones: no query (known-plan-heads.ts).
        const upToDate = lastSeq === undefined || knownHeads.isUpToDate(planId, lastSeq);
        const events = upToDate ? [] : await catchUpEvents(data, planId, lastSeq);
        if (events && lastSeq !== undefined) knownHeads.note(planId, events.at(-1)?.seq ?? lastSeq);
        ack?.(events ? { ok: true, events } : { ok: true, reload: true });
      } catch (error) {
        fail(ack, error);
      }
    });

    socket.on("plan:sync", async (...args: unknown[]) => {
      const { payload, ack } = payloadAndAck<CatchUp>(args);
      try {
        const { planId, afterSeq } = syncPlanSchema.parse(payload);
        await assertSocketMayRead(data, planId);
        const events = await catchUpEvents(data, planId, afterSeq);
        ack?.(events ? { ok: true, events } : { ok: true, reload: true });
      } catch (error) {
        fail(ack, error);
      }
    });

    socket.on("plan:change", async (...args: unknown[]) => {
      const { payload, ack } = payloadAndAck<ChangeAnswer>(args);
      try {
        const { planId, change } = changePlanSchema.parse(payload);
        if (!data.actor) throw new AppError("forbidden", READ_ONLY_LINK);
        await countChange(data.actor.id);
        const { message, shareToken } = await applyPlanChange(data.actor, planId, change);
        ack?.({ ok: true, message, ...(shareToken ? { shareToken } : {}) });
      } catch (error) {
        fail(ack, error);
      }
    });

    // Dashboards only learn that something changed, then re-read with their viewer's access.
    socket.on("dashboard:watch", async (...args: unknown[]) => {
      const { ack } = payloadAndAck<DashboardWatchAnswer>(args);
      if (data.actor) await socket.join(DASHBOARD_ROOM);
      ack?.({ ok: Boolean(data.actor) });
    });
    socket.on("dashboard:unwatch", async () => {
      await socket.leave(DASHBOARD_ROOM);
    });

    socket.on("plan:presence", (raw: unknown) => {
      const parsed = presenceSchema.safeParse(raw);
      if (!parsed.success || !socket.rooms.has(planRoom(parsed.data.planId))) return;
      data.idle[parsed.data.planId] = parsed.data.idle;
      presence.changed(parsed.data.planId);
    });

    // This client missed a presence message: it gets every process's full list again.
    socket.on("plan:presence-resync", (raw: unknown) => {
      const parsed = planOnlySchema.safeParse(raw);
      if (!parsed.success || !socket.rooms.has(planRoom(parsed.data.planId))) return;
      presence.joined(parsed.data.planId, socket.id, false);
    });

    socket.on("plan:leave", async (raw: unknown) => {
      const parsed = planOnlySchema.safeParse(raw);
      if (!parsed.success) return;
      await socket.leave(planRoom(parsed.data.planId));
      await socket.leave(shareRoom(parsed.data.planId));
      presence.changed(parsed.data.planId);
    });

    socket.on("disconnecting", () => {
      const planIds = [...socket.rooms].flatMap((room) => (room.startsWith("plan:") || room.startsWith("share:") ? [room.slice(room.indexOf(":") + 1)] : []));
      // Scheduled, so it runs after the socket has left its rooms: the others learn who is still here.
      planIds.forEach(presence.changed);
    });
  });

  // A revoked share link stops working at once: its visitors are disconnected on every process.
  const disconnectRevokedLinks = (message: RoomEmit) => {
    const planEvent = message.event === "plan:event" ? message.payload.event : null;
    if (planEvent?.type !== "share.revoked") return;
    for (const socket of io.of("/").sockets.values()) {
      if (socket.data.share?.linkId === planEvent.linkId) socket.disconnect(true);
    }
  };
  // A removed member's sockets leave the plan's room right after the removal is delivered, on
  // every process, so the plan's next event no longer reaches them; a changed role is taken over.
  const applyMembershipChange = (message: RoomEmit) => {
    const effect = message.event === "plan:event" ? membershipEffectOf(message.payload) : null;
    if (!effect) return;
    const room = planRoom(effect.planId);
    for (const socketId of io.of("/").adapter.rooms.get(userRoom(effect.userId)) ?? []) {
      const socket = io.of("/").sockets.get(socketId);
      if (!socket) continue;
      const socketData = socket.data;
      if (effect.kind === "removed" && !socketData.actor?.isAdmin) (socketData.lostAccess ??= new Set()).add(effect.planId);
      if (!socket.rooms.has(room)) continue;
      if (effect.kind === "role") {
        socketData.roles[effect.planId] = effect.role;
      } else if (socketData.actor?.isAdmin) {
        socketData.roles[effect.planId] = "ADMIN";
      } else {
        void socket.leave(room);
        delete socketData.roles[effect.planId];
        delete socketData.idle[effect.planId];
        socket.emit("plan:access-lost", { planId: effect.planId, message: ACCESS_LOST_MESSAGE });
      }
    }
    presence.changed(effect.planId);
  };
  const emitHere = localEmitter(io);
  // `also`: a plan event's share-link form, for the share room, in the same relay message.
  const emitLocally = (message: RoomEmit) => {
    emitHere(message);
    // Noted as it is emitted, so a join that finds its lastSeq at this head needs no catch-up.
    if (message.event === "plan:event") knownHeads.note(message.payload.planId, message.payload.seq);
    disconnectRevokedLinks(message);
    applyMembershipChange(message);
  };
  io.on("relay", emitLocally);
  // Committed plan events (and presence) are published to the other processes first, then
  // emitted to this process's sockets, so that the processes fan out at the same time: the
  // publish is a pg_notify through a pool (asynchronous), while emitting to hundreds of local
  // sockets is one synchronous loop that would otherwise hold the publish back until it was
  // done. The local emit waits one setImmediate, which keeps local events in order (FIFO). A
  // plain io.to().emit() through the cluster adapter would instead wait for the publish
  // before delivering locally, adding a database round trip to every tick.
  // With no other process (cluster-peers.ts) nothing is published: a single process sends no
  // pg_notify per tick that nobody would receive. The check resolves in a microtask (the
  // adapter's server count is in memory), so publishes still leave in the order emitted, and
  // before the local emit. A second process that starts is known from its first heartbeat;
  // an event not relayed to it in that moment reaches its watchers through the plan heartbeat.
  const relayEmit = (message: RoomEmit) => {
    void hasPeers().then(
      (peers) => peers && io.serverSideEmit("relay", message),
      (error: unknown) => logger.warn("live updates across processes: relay failed", error instanceof Error ? error.message : error),
    );
    setImmediate(() => emitLocally(message));
  };
  registerEmitter(relayEmit);

  // Ended sessions (password reset, deactivation, "sign out everywhere") lose their open live
  // connections at once: the cluster adapter carries the disconnect to every process.
  registerUserDisconnector((userId) => io.in(userRoom(userId)).disconnectSockets(true));

  // Watchers that missed relayed events learn it within one beat; after the adapter's
  // connection comes back, at once.
  const heartbeat = startPlanHeartbeat(io, options.heartbeatIntervalMs ?? 5_000, (heads, watched) => {
    knownHeads.retainOnly(watched);
    for (const head of heads) knownHeads.note(head.planId, head.seq);
  });
  options.onClusterReconnected?.(() => {
    // Relays may have been lost while the adapter's connection was down: joins catch up by query again.
    knownHeads.forget();
    void heartbeat.announceNow();
  });
  httpServer.once("close", heartbeat.stop);
  return io;
}
