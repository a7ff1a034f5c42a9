import { randomUUID } from "node:crypto";
import { changeTime } from "@/lib/plan-state/change-clock";
import type pg from "pg";
import { createPool } from "@/lib/db";
import { databaseUrl } from "@/lib/env";
import type { DowntimeMarkerName, DowntimePeriodLive, ItemLiveState } from "@/lib/plan-state/events";
import type { PlanStatusName } from "@/lib/plan-state/lifecycle";
import type { PlanRoleName } from "@/lib/plan-state/permissions";
import type { Predecessor } from "@/lib/planning/tick-blocking";
import { enqueueDeliveriesOnClient } from "@/lib/webhooks/enqueue-deliveries";
import { enqueueNotificationJobOnClient } from "@/lib/notifications/enqueue-notification-job";

/**
 * The SQL behind item changes that the one-statement tick (tick-statement.ts) leaves to the
 * full rules: measurements, Automation's ticks, and ticks a rule might refuse or that have side
 * effects (stale signatures, downtime). It runs on a plain pg connection in six round trips — BEGIN, one locking read of plan,
 * role and item, one statement that updates the item, bumps the plan's sequence and appends
 * the event, one that queues its webhook deliveries (the outbox), one that queues its
 * notification job (the notification outbox), COMMIT — because an ORM interactive transaction costs ten times that here.
 * The rules themselves stay in apply-plan-change.ts; this file only reads and writes.
 */

const globalForPool = globalThis as unknown as { preflightWriterPool?: pg.Pool };

/** The item writers' pool: plain pg connections, for this file and the one-statement tick (tick-statement.ts). */
export function writerPool(): pg.Pool {
  globalForPool.preflightWriterPool ??= createPool(databaseUrl(), 10);
  return globalForPool.preflightWriterPool;
}

export interface ItemChangeContext {
  planStatus: PlanStatusName;
  lastSeq: number;
  role: PlanRoleName | null;
  item: (Omit<ItemLiveState, "statusAt"> & { statusAt: Date | null; downtimeMarker: DowntimeMarkerName | null; metric: unknown; hasCheck: boolean }) | null;
  /** The steps the item waits for (directly, or through a section it waits for), in plan order, with their status. */
  predecessors: Predecessor[];
  downtimeOpen: boolean;
  /** The plan's share-link settings, read with the lock so the share stream follows the settings in force. */
  shareShowsDiscussion: boolean;
  hideCommandsInShare: boolean;
}

/** What else the change did, written in the same transaction: signatures made stale, downtime started or ended. */
export interface ItemChangeSideEffects {
  staleSignatureIds: string[];
  downtime?: DowntimePeriodLive[];
}

export interface ItemWrite {
  status: ItemLiveState["status"];
  statusNote: string | null;
  measuredValue: number | null;
  statusById: string | null;
  statusAt: Date | null;
  /** The step's HTTP check result, recorded with an Automation tick (lib/checks/). */
  checkResult?: unknown;
}

/**
 * Runs `decide` inside a transaction that holds the plan's row lock. `decide` sees the
 * context and returns the item's new state and the event payload, or throws to roll back.
 */
export async function changeItemLocked<T>(
  planId: string,
  itemId: string,
  actorId: string,
  decide: (context: ItemChangeContext) => {
    write: ItemWrite;
    /** Set when this change starts or ends the plan's downtime (a flagged item ticked done). */
    downtime?: "start" | "end";
    event: (effects: ItemChangeSideEffects) => { type: string; payload: unknown; at: Date };
    result: (seq: number, effects: ItemChangeSideEffects) => T;
  },
): Promise<T | null> {
  const client = await writerPool().connect();
  try {
    await client.query("BEGIN");
    try {
      const { rows } = await client.query(LOCK_AND_READ, [planId, actorId, itemId]);
      const row = rows[0];
      if (!row) {
        await client.query("ROLLBACK");
        return null;
      }
      const context: ItemChangeContext = {
        planStatus: row.plan_status,
        lastSeq: row.last_seq,
        role: row.role,
        item: row.item_id
          ? {
              id: row.item_id,
              status: row.item_status,
              statusNote: row.status_note,
              measuredValue: row.measured_value,
              statusAt: row.status_at,
              changedBy: row.changed_by,
              version: row.version,
              downtimeMarker: row.downtime_marker,
              metric: row.metric,
              hasCheck: row.has_check,
            }
          : null,
        predecessors: row.predecessors ?? [],
        downtimeOpen: row.downtime_open,
        shareShowsDiscussion: row.share_shows_discussion,
        hideCommandsInShare: row.hide_commands_in_share,
      };
      const decision = decide(context);
      const seq = context.lastSeq + 1;
      // Signatures that approved this item as it was no longer hold: mark them stale in the
      // same transaction. The locking read said whether there are any, so ordinary ticks
      // pay nothing for this.
      const staleSignatureIds: string[] = row.covered_by_signature
        ? (await client.query<{ id: string }>(MARK_SIGNATURES_STALE, [planId, itemId, changeTime(), `“${row.item_text}” changed after this was signed.`])).rows.map((stale) => stale.id)
        : [];
      const downtime = decision.downtime ? await changeDowntime(client, planId, decision.downtime, decision.write.statusAt ?? changeTime()) : undefined;
      const effects: ItemChangeSideEffects = { staleSignatureIds, ...(downtime ? { downtime } : {}) };
      const event = decision.event(effects);
      const { write } = decision;
      const eventId = randomUUID();
      const written = await client.query(WRITE_ITEM_AND_EVENT, [
        itemId,
        context.item!.version,
        write.status,
        write.statusNote,
        write.measuredValue,
        write.statusById,
        write.statusAt,
        planId,
        eventId,
        event.type,
        actorId,
        JSON.stringify(event.payload),
        event.at,
        write.checkResult === undefined ? null : JSON.stringify(write.checkResult),
      ]);
      if (written.rowCount !== 1) throw new Error(`item ${itemId} changed under the plan lock; nothing was written`);
      await enqueueDeliveriesOnClient(client, { eventId, planId, type: event.type });
      await enqueueNotificationJobOnClient(client, eventId);
      await client.query("COMMIT");
      return decision.result(seq, effects);
    } catch (error) {
      await client.query("ROLLBACK").catch(() => {});
      throw error;
    }
  } finally {
    client.release();
  }
}

// The steps the item waits for, in plan order (preflight_item_predecessors, defined by the
// migration 20261209200000_one_statement_tick and shared with the one-statement tick). Index
// lookups only, so a step without dependencies costs next to nothing.
const PREDECESSORS = `
  SELECT COALESCE(json_agg(json_build_object('itemId', id, 'text', text, 'status', status) ORDER BY position), '[]'::json)
    FROM preflight_item_predecessors($3)`;

const LOCK_AND_READ = `
  SELECT p.status::text AS plan_status, p."lastSeq" AS last_seq, m.role::text AS role,
         p."shareShowsDiscussion" AS share_shows_discussion, p."hideCommandsInShare" AS hide_commands_in_share,
         i.id AS item_id, i.status::text AS item_status, i."statusNote" AS status_note,
         i."measuredValue" AS measured_value, i."statusAt" AS status_at, i.version,
         COALESCE(u.name, i."statusByName") AS changed_by, i.text AS item_text,
         i."downtimeMarker"::text AS downtime_marker, i.metric, i."httpCheck" IS NOT NULL AS has_check,
         EXISTS (SELECT 1 FROM "DowntimePeriod" d WHERE d."planId" = p.id AND d."endedAt" IS NULL) AS downtime_open,
         EXISTS (SELECT 1 FROM "GateSignature" s
                  WHERE s."planId" = p.id AND s."staleAt" IS NULL AND s."supersededAt" IS NULL
                    AND s."coveredItems" ? $3) AS covered_by_signature,
         (${PREDECESSORS}) AS predecessors
    FROM "Plan" p
    LEFT JOIN "PlanMember" m ON m."planId" = p.id AND m."userId" = $2
    LEFT JOIN "PlanItem" i ON i.id = $3 AND i."planId" = p.id
    LEFT JOIN "User" u ON u.id = i."statusById"
   WHERE p.id = $1
     FOR UPDATE OF p`;

const MARK_SIGNATURES_STALE = `
  UPDATE "GateSignature" SET "staleAt" = $3, "staleReason" = $4
   WHERE "planId" = $1 AND "staleAt" IS NULL AND "supersededAt" IS NULL AND "coveredItems" ? $2
RETURNING id`;

// The item's version guard repeats the check made under the lock, so a bug elsewhere can
// never turn into a silent overwrite: the event insert then finds no row and nothing commits.
const WRITE_ITEM_AND_EVENT = `
  WITH item AS (
    UPDATE "PlanItem"
       SET status = $3::"ItemStatus", "statusNote" = $4, "measuredValue" = $5, "statusById" = $6,
           "statusByName" = NULL, "statusAt" = $7, version = version + 1,
           "httpCheckResult" = COALESCE($14::jsonb, "httpCheckResult")
     WHERE id = $1 AND version = $2
 RETURNING id
  ), plan AS (
    UPDATE "Plan" SET "lastSeq" = "lastSeq" + 1, "updatedAt" = now()
     WHERE id = $8 AND EXISTS (SELECT 1 FROM item)
 RETURNING "lastSeq"
  )
  INSERT INTO "PlanEvent" (id, "planId", seq, type, "actorId", payload, "createdAt")
  SELECT $9, $8, plan."lastSeq", $10, $11, $12::jsonb, $13 FROM plan`;

/** Opens or closes the plan's downtime period; the rule for when to do so is in apply-plan-change.ts. */
async function changeDowntime(client: pg.PoolClient, planId: string, action: "start" | "end", at: Date): Promise<DowntimePeriodLive[]> {
  if (action === "start") {
    await client.query(`INSERT INTO "DowntimePeriod" (id, "planId", "startedAt") VALUES ($1, $2, $3)`, [randomUUID(), planId, at]);
  } else {
    await client.query(`UPDATE "DowntimePeriod" SET "endedAt" = $2 WHERE "planId" = $1 AND "endedAt" IS NULL`, [planId, at]);
  }
  const { rows } = await client.query<{ id: string; startedAt: Date; endedAt: Date | null }>(
    `SELECT id, "startedAt", "endedAt" FROM "DowntimePeriod" WHERE "planId" = $1 ORDER BY "startedAt"`,
    [planId],
  );
  return rows.map((row) => ({ id: row.id, startedAt: row.startedAt.toISOString(), endedAt: row.endedAt?.toISOString() ?? null }));
}
