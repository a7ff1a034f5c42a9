import type pg from "pg";
import type { PlanEventPayload } from "@/lib/plan-state/events";
import type { PlanContext, WebhookFormatName } from "@/lib/webhooks/payloads";
import { isSettled, type ItemStatusName } from "@/lib/plans/progress";

/**
 * The SQL of the delivery worker. Times are the database's (now()), so that several app
 * instances with slightly different clocks agree on what is due.
 */

/** A delivery a worker has claimed: it is SENDING until `lockedUntil`, then claimable again. */
export interface ClaimedDelivery {
  id: string;
  attempts: number;
  /** How long ago the delivery was queued, by the database's clock. */
  ageMs: number;
  subscriptionId: string;
  url: string;
  format: WebhookFormatName;
  secretSealed: string;
  active: boolean;
  planId: string;
  planTitle: string;
  seq: number;
  actor: { id: string; name: string } | null;
  data: PlanEventPayload;
  occurredAt: Date;
  /** Outbox order. */
  position: bigint;
}

// A subscription's deliveries go out one after another, in outbox order. A worker claims, per
// subscription whose oldest open delivery (its head) is due, a run: the head and the deliveries
// queued behind it (up to $3), and sends them in order; later ones wait while an earlier one is
// pending, retrying or in flight. Only one worker claims for a subscription at a time (an
// advisory lock held for this statement); SKIP LOCKED lets workers claim side by side for
// different subscriptions.
//
// The statement's snapshot is taken before it gets the advisory lock, so it can predate a claim
// that another worker committed just before releasing that lock. Locking a row re-checks the
// status test on the row's newest version, one row at a time: the head, now in flight at the
// other worker, fails it, while the deliveries queued behind it may still pass. Taking those
// would send them before the head. So a run keeps only an unbroken prefix of what it locked:
// a delivery is claimed only if every delivery before it in the run was claimed too; otherwise
// the subscription waits for the next tick, when the snapshot shows the other worker's claim.
const CLAIMABLE = `((d.status = 'PENDING' AND d."nextAttemptAt" <= now()) OR (d.status = 'SENDING' AND d."lockedUntil" < now()))`;
const CLAIM = `
  WITH heads AS (
    SELECT DISTINCT ON ("subscriptionId") d."subscriptionId", d.position, ${CLAIMABLE} AS due
      FROM "WebhookDelivery" d
     WHERE d.status IN ('PENDING', 'SENDING')
     ORDER BY d."subscriptionId", d.position
  ), due AS (
    -- A paused subscription's deliveries wait for it to be resumed.
    SELECT h."subscriptionId", h.position FROM heads h JOIN "WebhookSubscription" s ON s.id = h."subscriptionId" AND s.active
     WHERE h.due ORDER BY h.position LIMIT $1
  ), mine AS (
    SELECT "subscriptionId", position FROM due WHERE pg_try_advisory_xact_lock(hashtext('preflight-webhook:' || "subscriptionId"))
  ), runs AS (
    SELECT run.id, m."subscriptionId", run.position FROM mine m CROSS JOIN LATERAL (
      SELECT queued.id, queued.position, bool_and(queued.claimable) OVER (ORDER BY queued.position) AS unbroken
        FROM (SELECT d.id, d.position, ${CLAIMABLE} AS claimable
                FROM "WebhookDelivery" d
               WHERE d."subscriptionId" = m."subscriptionId" AND d.status IN ('PENDING', 'SENDING') AND d.position >= m.position
               ORDER BY d.position LIMIT $3) AS queued
    ) AS run WHERE run.unbroken
  ), claimed AS (
    SELECT d.id FROM "WebhookDelivery" d WHERE d.id IN (SELECT id FROM runs) AND ${CLAIMABLE}
       FOR UPDATE OF d SKIP LOCKED
  ), prefix AS (
    SELECT r.id FROM runs r
     WHERE r.id IN (SELECT id FROM claimed)
       AND NOT EXISTS (SELECT 1 FROM runs earlier
                        WHERE earlier."subscriptionId" = r."subscriptionId" AND earlier.position < r.position
                          AND earlier.id NOT IN (SELECT id FROM claimed))
  )
  UPDATE "WebhookDelivery" d
     SET status = 'SENDING', attempts = d.attempts + 1, "lastAttemptAt" = now(),
         "lockedUntil" = now() + make_interval(secs => $2::double precision / 1000)
    FROM prefix, "WebhookSubscription" s, "PlanEvent" e, "Plan" p
   WHERE d.id = prefix.id AND s.id = d."subscriptionId" AND e.id = d."eventId" AND p.id = e."planId"
RETURNING d.id, d.position::text AS position, d.attempts, (EXTRACT(EPOCH FROM (now() - d."createdAt")) * 1000)::float8 AS age_ms,
          s.id AS subscription_id, s.url, s.format::text AS format, s."secretSealed" AS secret_sealed, s.active,
          e."planId" AS plan_id, p.title AS plan_title, e.seq, e.payload, e."createdAt" AS occurred_at`;

/**
 * Claims runs of due deliveries for up to `subscriptions` subscriptions, at most `runLength`
 * each; they are the worker's until `lockMs` from now (renewed as it records each outcome).
 * Returned per subscription, in the order they must be sent.
 */
export async function claimDueDeliveries(pool: pg.Pool, subscriptions: number, lockMs: number, runLength: number): Promise<ClaimedDelivery[][]> {
  const { rows } = await pool.query(CLAIM, [subscriptions, lockMs, runLength]);
  const deliveries = rows.map((row) => {
    const payload = row.payload as { actor?: { id: string; name: string } | null; event: PlanEventPayload };
    return {
      id: row.id,
      attempts: row.attempts,
      ageMs: row.age_ms,
      subscriptionId: row.subscription_id,
      url: row.url,
      format: row.format,
      secretSealed: row.secret_sealed,
      active: row.active,
      planId: row.plan_id,
      planTitle: row.plan_title,
      seq: row.seq,
      actor: payload.actor ?? null,
      data: payload.event,
      occurredAt: row.occurred_at,
      position: BigInt(row.position),
    };
  });
  const runs = new Map<string, ClaimedDelivery[]>();
  for (const delivery of deliveries) runs.set(delivery.subscriptionId, [...(runs.get(delivery.subscriptionId) ?? []), delivery]);
  return [...runs.values()].map((run) => run.sort((a, b) => (a.position < b.position ? -1 : 1)));
}

export interface AttemptRecord {
  status: "DELIVERED" | "PENDING" | "FAILED";
  responseStatus: number | null;
  responseExcerpt: string | null;
  durationMs: number | null;
  error: string | null;
  /** For PENDING: how long until the next attempt. */
  retryInMs?: number;
}

// Guarded by the attempt number: a worker that outlived its lock does not overwrite the outcome
// of the worker that claimed the delivery after it. The same statement renews the lock on the
// rest of the worker's run, so a long run is not claimed from under it.
const RECORD = `
  WITH recorded AS (
    UPDATE "WebhookDelivery"
       SET status = $3::"WebhookDeliveryStatus", "lockedUntil" = NULL,
           "deliveredAt" = CASE WHEN $3 = 'DELIVERED' THEN now() ELSE NULL END,
           "nextAttemptAt" = CASE WHEN $3 = 'PENDING' THEN now() + make_interval(secs => $4::double precision / 1000) ELSE "nextAttemptAt" END,
           "responseStatus" = $5, "responseExcerpt" = $6, "durationMs" = $7, error = $8
     WHERE id = $1 AND attempts = $2 AND status = 'SENDING'
 RETURNING 1
  ), renewed AS (
    UPDATE "WebhookDelivery" SET "lockedUntil" = now() + make_interval(secs => $10::double precision / 1000)
     WHERE id = ANY($9::text[]) AND status = 'SENDING'
 RETURNING 1
  )
  SELECT (SELECT count(*) FROM recorded)::int AS recorded, (SELECT count(*) FROM renewed)::int AS renewed`;

export async function recordAttempt(
  pool: pg.Pool,
  delivery: Pick<ClaimedDelivery, "id" | "attempts">,
  record: AttemptRecord,
  rest: { ids: string[]; lockMs: number } = { ids: [], lockMs: 0 },
): Promise<void> {
  await pool.query(RECORD, [delivery.id, delivery.attempts, record.status, record.retryInMs ?? 0, record.responseStatus, record.responseExcerpt, record.durationMs, record.error, rest.ids, rest.lockMs]);
}

// The unsent rest of a run goes back to the queue as it was (the claim's attempt is taken back):
// its head is now a delivery waiting for a retry, which holds it back.
const RELEASE = `
  UPDATE "WebhookDelivery" d SET status = 'PENDING', attempts = d.attempts - 1, "lockedUntil" = NULL
    FROM unnest($1::text[], $2::int[]) AS released(id, attempts)
   WHERE d.id = released.id AND d.attempts = released.attempts AND d.status = 'SENDING'`;

export async function releaseDeliveries(pool: pg.Pool, deliveries: Pick<ClaimedDelivery, "id" | "attempts">[]): Promise<void> {
  if (!deliveries.length) return;
  await pool.query(RELEASE, [deliveries.map((delivery) => delivery.id), deliveries.map((delivery) => delivery.attempts)]);
}

const PLAN_ITEMS = `
  SELECT i.id, i.text, i.status::text AS status, i.required, s.title AS section
    FROM "PlanItem" i JOIN "PlanSection" s ON s.id = i."sectionId"
   WHERE i."planId" = $1`;

/** Step names, sections and progress of a plan, for the chat formats' human line. */
export async function loadPlanContext(pool: pg.Pool, planId: string): Promise<PlanContext> {
  const { rows } = await pool.query<{ id: string; text: string; status: ItemStatusName; required: boolean; section: string }>(PLAN_ITEMS, [planId]);
  const byId = new Map(rows.map((row) => [row.id, row]));
  const required = rows.filter((row) => row.required);
  return {
    itemText: (itemId) => byId.get(itemId)?.text,
    sectionOf: (itemId) => byId.get(itemId)?.section,
    progress: { settled: required.filter((row) => isSettled(row.status)).length, total: required.length },
  };
}
