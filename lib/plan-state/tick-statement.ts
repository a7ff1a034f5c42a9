import { randomUUID } from "node:crypto";
import type { PlanChange } from "@/lib/plan-state/change-schema";
import { changeTime } from "@/lib/plan-state/change-clock";
import type { PlanEventMessage, PlanEventPayload } from "@/lib/plan-state/events";
import { FINISHED_STATUSES } from "@/lib/plan-state/lifecycle";
import { liveFormOf } from "@/lib/plan-state/live-delta";
import type { Actor } from "@/lib/plan-state/plan-access";
import { mayPerform, type PlanRoleName } from "@/lib/plan-state/permissions";
import { writerPool } from "@/lib/plan-state/item-change-store";
import { isSettled, type ItemStatusName } from "@/lib/plans/progress";
import { DELIVERY_CHANNEL } from "@/lib/webhooks/enqueue-deliveries";
import { NOTIFICATION_CHANNEL } from "@/lib/notifications/enqueue-notification-job";
import { sharePolicyOf, type SharePolicy } from "@/lib/share/redact-for-share";

/**
 * The hot path of a live run, a person ticking a step, in one round trip: a single autocommit
 * statement that calls preflight_tick (prisma/migrations/20261209200000_one_statement_tick).
 * It locks the plan, reads the actor's role, the plan's status and the item, and when no rule
 * could refuse the tick writes the item, the plan's next sequence number, the event and both
 * outbox rows (webhook deliveries, notification job) together: they commit or roll back as one.
 *
 * When a rule might have something to say (the version moved, a role that may not tick, a
 * finished plan, a measured step, a downtime flag, open predecessors, signatures over the
 * item) it writes nothing and returns null, and the caller takes the full path, which
 * evaluates every rule in TypeScript under the same lock and answers with the reason
 * (a 409 with the item's fresh state, a 403, …). So the fast path can only skip work, never a rule.
 */
export type ItemStatusChange = Extract<PlanChange, { type: "item.status" }>;

export interface TickWritten {
  message: PlanEventMessage;
  /** What the plan's room is sent: the tick as a delta (lib/plan-state/live-delta.ts). */
  live: ReturnType<typeof liveFormOf>;
  share: SharePolicy;
}

/** Every name of a union, listed through a record so that adding one to the union fails to compile here. */
const PLAN_ROLES = Object.keys({ LEAD: true, EXECUTOR: true, APPROVER: true, VIEWER: true } satisfies Record<PlanRoleName, true>) as PlanRoleName[];
const ITEM_STATUSES = Object.keys({ PENDING: true, DONE: true, SKIPPED: true, FAILED: true, NOT_APPLICABLE: true } satisfies Record<ItemStatusName, true>) as ItemStatusName[];

/** The rules' data, from the rule modules themselves, handed to the SQL function with every call. */
export const TICK_ROLES = PLAN_ROLES.filter((role) => mayPerform(role, "tick"));
const FINISHED = [...FINISHED_STATUSES];
const SETTLED = ITEM_STATUSES.filter(isSettled);

const TICK = `
  SELECT written, event_seq, before_status, before_note, before_value, share_shows_discussion, hide_commands_in_share
    FROM preflight_tick($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::jsonb, $12, $13, $14, $15, '${DELIVERY_CHANNEL}', '${NOTIFICATION_CHANNEL}')`;

interface TickRow {
  written: boolean;
  event_seq: number | null;
  before_status: ItemStatusName | null;
  before_note: string | null;
  before_value: number | null;
  share_shows_discussion: boolean | null;
  hide_commands_in_share: boolean | null;
}

/** The tick written in one statement, or null when it must take the full path (nothing was written). */
export async function tickInOneStatement(actor: Actor, planId: string, change: ItemStatusChange): Promise<TickWritten | null> {
  // Automation's ticks, check results and overrides are decided by the full path's rules only.
  if (actor.automation || change.checkResult || change.override) return null;
  const at = changeTime();
  const clears = change.status === "PENDING";
  const statusNote = clears ? null : (change.note ?? null);
  const statusAt = clears ? null : at;
  const actorRef = { id: actor.id, name: actor.name };
  // The function fills in what only the locked read knows: the previous status and the measured value kept.
  const item = { id: change.itemId, status: change.status, statusNote, measuredValue: null as number | null, statusAt: statusAt?.toISOString() ?? null, changedBy: clears ? null : actor.name, version: change.expectedVersion + 1 };
  const event: Extract<PlanEventPayload, { type: "item.changed" }> = { type: "item.changed", item, previousStatus: change.status };
  const eventId = randomUUID();
  const { rows } = await writerPool().query<TickRow>(TICK, [
    planId,
    change.itemId,
    actor.id,
    change.expectedVersion,
    change.status,
    statusNote,
    change.measuredValue ?? null,
    clears ? null : actor.id,
    statusAt,
    eventId,
    JSON.stringify({ actor: actorRef, event }),
    at,
    TICK_ROLES,
    FINISHED,
    SETTLED,
  ]);
  const row = rows[0];
  if (!row?.written || row.event_seq === null || row.before_status === null) return null;
  item.measuredValue = change.measuredValue ?? row.before_value;
  event.previousStatus = row.before_status;
  const message: PlanEventMessage = { planId, seq: row.event_seq, at: at.toISOString(), actor: actorRef, event };
  return {
    message,
    // The function only writes for a member who may tick, so the room can name the actor.
    live: liveFormOf(message, { status: row.before_status, statusNote: row.before_note, measuredValue: row.before_value }, true),
    share: sharePolicyOf({ shareShowsDiscussion: row.share_shows_discussion === true, hideCommandsInShare: row.hide_commands_in_share !== false }),
  };
}
