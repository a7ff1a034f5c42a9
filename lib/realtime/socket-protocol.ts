import { z } from "zod";
import type { PlanEventMessage } from "@/lib/plan-state/events";
import type { ErrorBody } from "@/lib/describe-error";

/** The socket.io messages between browser and server, validated on the server side. */
export const joinPlanSchema = z.object({ planId: z.string().min(1).max(64), lastSeq: z.number().int().min(0).optional() });
export const syncPlanSchema = z.object({ planId: z.string().min(1).max(64), afterSeq: z.number().int().min(0) });
export const changePlanSchema = z.object({ planId: z.string().min(1).max(64), change: z.unknown() });
export const presenceSchema = z.object({ planId: z.string().min(1).max(64), idle: z.boolean() });

/** A catch-up answer: the missed events, or "reload the snapshot" when there are too many. */
export type CatchUp = { ok: true; events: PlanEventMessage[] } | { ok: true; reload: true } | ({ ok: false; status: number } & ErrorBody);
export type ChangeAnswer = { ok: true; message: PlanEventMessage; shareToken?: string } | ({ ok: false; status: number; retryAfterSeconds?: number } & ErrorBody);

export interface PresenceEntry {
  userId: string;
  name: string;
  role: string;
  idle: boolean;
}

/**
 * The room heartbeat: every few seconds while anyone watches, the plan's latest sequence
 * number. A client that is behind without having seen the events (a relay between app
 * processes lost in a database blip) asks for the gap with plan:sync.
 */
export interface PlanHead {
  planId: string;
  seq: number;
}

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
