import type { Server as HttpServer } from "node:http";
import { getToken } from "next-auth/jwt";
import { Server, type Socket } from "socket.io";
import { describeError } from "@/lib/describe-error";
import { logger } from "@/lib/logger";
import { applyPlanChange } from "@/lib/plan-state/apply-plan-change";
import { assertMayRead, type Actor } from "@/lib/plan-state/plan-access";
import { eventsAfter } from "@/lib/plan-state/read-plan-state";
import { planRoom, registerEmitter } from "@/lib/realtime/broadcast";
import {
  changePlanSchema,
  joinPlanSchema,
  presenceSchema,
  syncPlanSchema,
  type CatchUp,
  type ChangeAnswer,
  type PresenceEntry,
} from "@/lib/realtime/socket-protocol";
import { findActiveUser } from "@/lib/users/find-active-user";

interface SocketData {
  actor: Actor;
  roles: Record<string, string>;
  idle: Record<string, boolean>;
}

type Ack<T> = (answer: T) => void;

/** How long presence changes are gathered before one broadcast tells the room who is here. */
const PRESENCE_COALESCE_MS = 250;

interface RelayedEmit {
  room: string;
  event: string;
  payload: unknown;
}

/**
 * socket.io on the same HTTP server and port as Next. A connection needs a valid session
 * cookie (the JWT the pages use) for an active account. Each handler validates its payload,
 * checks the plan role, and calls the same lib/ functions as the HTTP routes.
 */
export function attachSocketServer(httpServer: HttpServer, options: { authSecret: string; adapter?: Parameters<Server["adapter"]>[0] }): Server {
  const io = new Server<Record<string, never>, Record<string, never>, Record<string, never>, SocketData>(httpServer, {
    path: "/socket.io",
    serveClient: false,
    // Same-origin only: the browser client connects to the page's own origin.
    cors: { origin: false },
    ...(options.adapter ? { adapter: options.adapter } : {}),
  });

  io.use(async (socket, next) => {
    const headers = socket.handshake.headers;
    const secure = headers["x-forwarded-proto"] === "https" || Boolean((socket.request.socket as { encrypted?: boolean }).encrypted);
    const token = await getToken({ req: { headers: headers as Record<string, string> }, secret: options.authSecret, secureCookie: secure }).catch(() => null);
    const user = token?.sub ? await findActiveUser(token.sub).catch(() => null) : null;
    if (!user) return next(new Error("unauthenticated"));
    socket.data = { actor: { id: user.id, name: user.name, isAdmin: user.role === "ADMIN" }, roles: {}, idle: {} };
    next();
  });

  const emitPresence = async (planId: string) => {
    const sockets = await io.in(planRoom(planId)).fetchSockets();
    const byUser = new Map<string, PresenceEntry>();
    for (const remote of sockets) {
      const data = remote.data as SocketData;
      const existing = byUser.get(data.actor.id);
      const idle = data.idle[planId] ?? false;
      byUser.set(data.actor.id, {
        userId: data.actor.id,
        name: data.actor.name,
        role: data.roles[planId] ?? "VIEWER",
        idle: existing ? existing.idle && idle : idle,
      });
    }
    io.to(planRoom(planId)).emit("plan:presence" as never, { planId, people: [...byUser.values()] } as never);
  };

  // When a war room opens a plan, hundreds of people join within seconds; answering every
  // join with its own room-wide presence broadcast would send N² messages. Changes within
  // PRESENCE_COALESCE_MS are gathered into one broadcast per plan.
  const pendingPresence = new Map<string, NodeJS.Timeout>();
  const schedulePresence = (planId: string) => {
    if (pendingPresence.has(planId)) return;
    const timer = setTimeout(() => {
      pendingPresence.delete(planId);
      void emitPresence(planId).catch((error: unknown) => logger.warn("presence update failed", error));
    }, PRESENCE_COALESCE_MS);
    timer.unref();
    pendingPresence.set(planId, timer);
  };

  io.on("connection", (socket: Socket) => {
    const data = socket.data as SocketData;
    const fail = <T>(ack: Ack<T> | undefined, error: unknown) => {
      const { status, body } = describeError(error);
      ack?.({ ok: false, status, ...body } as T);
    };

    socket.on("plan:join", async (raw: unknown, ack?: Ack<CatchUp>) => {
      try {
        const { planId, lastSeq } = joinPlanSchema.parse(raw);
        const role = await assertMayRead(planId, data.actor);
        data.roles[planId] = role ?? "ADMIN";
        await socket.join(planRoom(planId));
        schedulePresence(planId);
        const events = lastSeq === undefined ? [] : await eventsAfter(planId, lastSeq);
        ack?.(events ? { ok: true, events } : { ok: true, reload: true });
      } catch (error) {
        fail(ack, error);
      }
    });

    socket.on("plan:sync", async (raw: unknown, ack?: Ack<CatchUp>) => {
      try {
        const { planId, afterSeq } = syncPlanSchema.parse(raw);
        await assertMayRead(planId, data.actor);
        const events = await eventsAfter(planId, afterSeq);
        ack?.(events ? { ok: true, events } : { ok: true, reload: true });
      } catch (error) {
        fail(ack, error);
      }
    });

    socket.on("plan:change", async (raw: unknown, ack?: Ack<ChangeAnswer>) => {
      try {
        const { planId, change } = changePlanSchema.parse(raw);
        const message = await applyPlanChange(data.actor, planId, change);
        ack?.({ ok: true, message });
      } catch (error) {
        fail(ack, error);
      }
    });

    socket.on("plan:presence", (raw: unknown) => {
      const parsed = presenceSchema.safeParse(raw);
      if (!parsed.success || !socket.rooms.has(planRoom(parsed.data.planId))) return;
      data.idle[parsed.data.planId] = parsed.data.idle;
      schedulePresence(parsed.data.planId);
    });

    socket.on("plan:leave", async (raw: unknown) => {
      const parsed = joinPlanSchema.pick({ planId: true }).safeParse(raw);
      if (!parsed.success) return;
      await socket.leave(planRoom(parsed.data.planId));
      schedulePresence(parsed.data.planId);
    });

    socket.on("disconnecting", () => {
      const planIds = [...socket.rooms].filter((room) => room.startsWith("plan:")).map((room) => room.slice("plan:".length));
      // Scheduled, so it runs after the socket has left its rooms: the others learn who is still here.
      planIds.forEach(schedulePresence);
    });
  });

  // Committed plan events go to this process's sockets at once and in order, then to the
  // other processes, which emit them to theirs. (A plain io.to().emit() through the cluster
  // adapter would wait for the publish before delivering locally, adding a database round
  // trip to every tick and letting concurrent publishes overtake each other.)
  const relay = io as unknown as {
    serverSideEmit(event: "relay", message: RelayedEmit): void;
    on(event: "relay", listener: (message: RelayedEmit) => void): void;
  };
  relay.on("relay", ({ room, event, payload }) => io.local.to(room).emit(event as never, payload as never));
  registerEmitter((room, event, payload) => {
    io.local.to(room).emit(event as never, payload as never);
    relay.serverSideEmit("relay", { room, event, payload });
  });
  return io as unknown as Server;
}
