import { z } from "zod";
import type { PlanEventMessage, PlanEventWire } from "@/lib/plan-state/events";
import type { ErrorBody } from "@/lib/describe-error";
import type { WatcherCount } from "@/lib/share/redact-for-share";
import type { Actor } from "@/lib/plan-state/plan-access";

/**
 * The socket.io contract between browser and server, in one place: every event each side
 * sends, its payload and its acknowledgement. The server is typed with it
 * (`Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>`), the
 * browser too (`Socket<ServerToClientEvents, ClientToServerEvents>`), so renaming an event or
 * changing a payload fails to compile on both sides. What arrives over the wire is still
 * checked at runtime: the server parses every client payload with the schemas below, and
 * the browser parses what the server sends in development and tests (contract-check.ts).
 */

// ---------------------------------------------------------------- client → server payloads

export const joinPlanSchema = z.object({ planId: z.string().min(1).max(64), lastSeq: z.number().int().min(0).optional() });
export const syncPlanSchema = z.object({ planId: z.string().min(1).max(64), afterSeq: z.number().int().min(0) });
export const changePlanSchema = z.object({ planId: z.string().min(1).max(64), change: z.unknown() });
export const presenceSchema = z.object({ planId: z.string().min(1).max(64), idle: z.boolean() });
export const planOnlySchema = z.object({ planId: z.string().min(1).max(64) });

export type JoinPlan = z.infer<typeof joinPlanSchema>;
export type SyncPlan = z.infer<typeof syncPlanSchema>;
export type ChangePlan = z.infer<typeof changePlanSchema>;
export type PresenceReport = z.infer<typeof presenceSchema>;
export type PlanOnly = z.infer<typeof planOnlySchema>;

// ---------------------------------------------------------------- shared shapes

/**
 * Only what the client relies on of a plan event: where it belongs and its place in the
 * sequence. The payload's own shape is lib/plan-state/events.ts's, which evolves on its own.
 */
export const planEventMessageSchema = z.looseObject({
  planId: z.string(),
  seq: z.number().int().min(0),
  event: z.looseObject({ type: z.string() }),
});

const errorBodySchema = z.object({
  error: z.looseObject({ code: z.string(), message: z.string() }),
});

/** A refused request over the socket: the same body as HTTP's, with its status. */
export type Refusal = { ok: false; status: number; retryAfterSeconds?: number } & ErrorBody;
const refusalSchema = errorBodySchema.extend({ ok: z.literal(false), status: z.number().int(), retryAfterSeconds: z.number().optional() });

/** A catch-up answer: the missed events, or "reload the snapshot" when there are too many. */
export type CatchUp = { ok: true; events: PlanEventMessage[] } | { ok: true; reload: true } | Refusal;
export const catchUpSchema = z.union([
  z.object({ ok: z.literal(true), events: z.array(planEventMessageSchema) }),
  z.object({ ok: z.literal(true), reload: z.literal(true) }),
  refusalSchema,
]);

export type ChangeAnswer = { ok: true; message: PlanEventMessage; shareToken?: string } | Refusal;
export const changeAnswerSchema = z.union([z.object({ ok: z.literal(true), message: planEventMessageSchema, shareToken: z.string().optional() }), refusalSchema]);

export interface DashboardWatchAnswer {
  ok: boolean;
}
export const dashboardWatchAnswerSchema = z.object({ ok: z.boolean() });

export interface PresenceEntry {
  userId: string;
  name: string;
  role: string;
  idle: boolean;
}
const presenceEntrySchema = z.object({ userId: z.string(), name: z.string(), role: z.string(), idle: z.boolean() });

/**
 * What one app process (`source`) says about the people on its sockets in a plan's room,
 * numbered per source (`seq`) so that a client notices a message it missed:
 * - "full": everyone on that process, sent once to a newcomer (or a client that asked again);
 * - "delta": who came or changed (idle, role) and who left, sent to the room;
 * - "alive": nothing changed, the process is still there (it repeats this every
 *   PRESENCE_REFRESH_MS, so a dead process's people expire on clients).
 * lib/realtime/presence.ts merges them.
 */
export type PresenceMessage =
  | { kind: "full"; planId: string; source: string; seq: number; people: PresenceEntry[] }
  | { kind: "delta"; planId: string; source: string; seq: number; upserted: PresenceEntry[]; left: string[] }
  | { kind: "alive"; planId: string; source: string; seq: number };
const presenceHeader = { planId: z.string(), source: z.string(), seq: z.number().int().min(0) };
export const presenceMessageSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("full"), ...presenceHeader, people: z.array(presenceEntrySchema) }),
  z.object({ kind: z.literal("delta"), ...presenceHeader, upserted: z.array(presenceEntrySchema), left: z.array(z.string()) }),
  z.object({ kind: z.literal("alive"), ...presenceHeader }),
]);

/**
 * The room heartbeat: every few seconds while anyone watches, the plan's latest sequence
 * number. A client that is behind without having seen the events (a relay between app
 * processes lost in a database blip) asks for the gap with plan:sync.
 */
export interface PlanHead {
  planId: string;
  seq: number;
}
export const planHeadSchema = z.object({ planId: z.string(), seq: z.number().int().min(0) });

/**
 * What a refused handshake carries in `connect_error`'s `data`: `retriable` when the refusal
 * was the database's (try again after `retryAfterSeconds`), absent for a missing or ended
 * session, which is final.
 */
export interface HandshakeRefusal {
  retriable: true;
  status: 503;
  retryAfterSeconds: number;
}

/** Sent to a member's sockets when they are removed from a plan: the page stops updating and says why. */
export interface AccessLost {
  planId: string;
  message: string;
}
export const accessLostSchema = z.object({ planId: z.string(), message: z.string() });

export const watcherCountSchema = z.object({ planId: z.string(), source: z.string(), watching: z.number().int().min(0) });

/** What a person's open pages get when a notification is recorded for them: enough for the bell. */
export interface NotificationPush {
  id: string;
  kind: string;
  title: string;
  href: string;
  unreadCount: number;
}
export const notificationPushSchema = z.object({ id: z.string(), kind: z.string(), title: z.string(), href: z.string(), unreadCount: z.number().int().min(0) });

/** Dashboards only learn that something changed; they re-read with their viewer's access. */
export type DashboardChanged = Record<string, never>;
export const dashboardChangedSchema = z.object({});

// ---------------------------------------------------------------- the event maps

/** Each server → client event's one payload. */
export interface ServerToClientPayloads {
  /** The plan room gets a tick as a delta (lib/plan-state/live-delta.ts); share rooms always get the whole, redacted event. */
  "plan:event": PlanEventWire;
  "plan:head": PlanHead;
  "plan:presence": PresenceMessage;
  "plan:watching": WatcherCount;
  "plan:access-lost": AccessLost;
  "dashboard:changed": DashboardChanged;
  "notification:new": NotificationPush;
}
export type ServerEventName = keyof ServerToClientPayloads;

export type ServerToClientEvents = { [E in ServerEventName]: (payload: ServerToClientPayloads[E]) => void };

/** What the browser checks each server event against (contract-check.ts). */
export const serverEventSchemas: { [E in ServerEventName]: z.ZodType } = {
  "plan:event": planEventMessageSchema,
  "plan:head": planHeadSchema,
  "plan:presence": presenceMessageSchema,
  "plan:watching": watcherCountSchema,
  "plan:access-lost": accessLostSchema,
  "dashboard:changed": dashboardChangedSchema,
  "notification:new": notificationPushSchema,
};

/**
 * The client's messages. Payloads are what a well-behaved client sends; the server still
 * parses each one (a socket is user input).
 */
export interface ClientToServerEvents {
  "plan:join": (payload: JoinPlan, ack: (answer: CatchUp) => void) => void;
  "plan:sync": (payload: SyncPlan, ack: (answer: CatchUp) => void) => void;
  "plan:change": (payload: ChangePlan, ack: (answer: ChangeAnswer) => void) => void;
  "plan:presence": (payload: PresenceReport) => void;
  /** The client missed a presence message: every process sends it its full list again. */
  "plan:presence-resync": (payload: PlanOnly) => void;
  "plan:leave": (payload: PlanOnly) => void;
  "dashboard:watch": (ack: (answer: DashboardWatchAnswer) => void) => void;
  "dashboard:unwatch": () => void;
}

/** The acknowledgement each acknowledged client message gets. */
export interface AckPayloads {
  "plan:join": CatchUp;
  "plan:sync": CatchUp;
  "plan:change": ChangeAnswer;
  "dashboard:watch": DashboardWatchAnswer;
}
export const ackSchemas: { [E in keyof AckPayloads]: z.ZodType } = {
  "plan:join": catchUpSchema,
  "plan:sync": catchUpSchema,
  "plan:change": changeAnswerSchema,
  "dashboard:watch": dashboardWatchAnswerSchema,
};

/**
 * One emit to a room, carried between app processes in one relay message. `also`: a plan
 * event's share-link form, for the share room, in the same message. Typed per event, so a
 * payload always matches its event's.
 */
export type RoomEmit<E extends ServerEventName = ServerEventName> = {
  [K in E]: { room: string | string[]; event: K; payload: ServerToClientPayloads[K]; also?: { room: string; payload: ServerToClientPayloads[K] } };
}[E];

/** Asks the other processes for their full presence list of a plan. */
export interface PresenceRefreshRequest {
  planId: string;
  /** Sockets in the plan's room: they get each process's full list. */
  members: string[];
  /** Sockets of share visitors: they get each process's count. */
  visitors: string[];
}

/** Between app processes (serverSideEmit over the cluster adapter). */
export interface InterServerEvents {
  relay: (message: RoomEmit) => void;
  "presence:refresh": (request: PresenceRefreshRequest) => void;
}

/**
 * A socket belongs to a signed-in person (actor) or to a visitor of a read-only share link
 * (share), never both: a share visitor may watch that one plan and change nothing.
 */
export interface SocketData {
  actor: Actor | null;
  /** The session version the handshake's token carried (signed-in people only). */
  sessionVersion?: number;
  /** Plans this person was removed from while connected (see plan:join). */
  lostAccess?: Set<string>;
  share: { linkId: string; planId: string } | null;
  roles: Record<string, string>;
  idle: Record<string, boolean>;
}
