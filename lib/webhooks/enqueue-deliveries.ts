import type pg from "pg";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * The outbox write: inside the transaction that records an event, one delivery row per active
 * subscription that wants it (the plan's own and the instance-wide ones). It commits or rolls
 * back with the event, so a crash can delay a delivery but never lose or invent one.
 *
 * One statement on the subscriptions' planId index; a plan without subscriptions costs one
 * index probe that finds nothing. When rows were queued, NOTIFY wakes the delivery workers at
 * commit (PostgreSQL delivers notifications only when the transaction commits). The SQL is the
 * function preflight_enqueue_deliveries (prisma/migrations/20261209200000_one_statement_tick),
 * which the one-statement tick (lib/plan-state/tick-statement.ts) calls too.
 */
export const DELIVERY_CHANNEL = "preflight_webhook_deliveries";

const ENQUEUE = `SELECT preflight_enqueue_deliveries($1, $2, $3, '${DELIVERY_CHANNEL}')`;

export interface RecordedEvent {
  eventId: string;
  planId: string;
  type: string;
}

/** For the item hot path, on its plain pg connection. */
export async function enqueueDeliveriesOnClient(client: pg.PoolClient, event: RecordedEvent): Promise<void> {
  await client.query(ENQUEUE, [event.eventId, event.planId, event.type]);
}

/** For every other change, in its Prisma transaction (executeRaw: the statement's one column is the function's void, which Prisma cannot read back). */
export async function enqueueDeliveries(tx: Prisma.TransactionClient, event: RecordedEvent): Promise<void> {
  await tx.$executeRawUnsafe(ENQUEUE, event.eventId, event.planId, event.type);
}
