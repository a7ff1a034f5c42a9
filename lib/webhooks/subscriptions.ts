import { db } from "@/lib/db";
import { settings } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { checkOutboundUrl, OutboundRefusedError, OutboundRequestError } from "@/lib/outbound/guarded-fetch";
import { assertMay, planRoleOf, type Actor } from "@/lib/plan-state/plan-access";
import { DELIVERY_CHANNEL } from "@/lib/webhooks/enqueue-deliveries";
import { newWebhookSecret, sealSecret } from "@/lib/webhooks/secret-box";
import { createWebhookSchema, type DeliveryLogQuery } from "@/lib/webhooks/subscription-schema";

/** A plan's own subscriptions (its leads manage them) or the instance-wide ones (admins only). */
export type WebhookScope = { planId: string } | "instance";

const MAX_SUBSCRIPTIONS_PER_SCOPE = 20;
const DELIVERY_LOG_LENGTH = 50;
const NOT_FOUND = "This webhook does not exist, or you cannot see it.";

async function assertMayManage(scope: WebhookScope, actor: Actor): Promise<void> {
  if (scope === "instance") {
    if (!actor.isAdmin) throw new AppError("forbidden", "Only administrators manage instance-wide webhooks.");
    return;
  }
  assertMay(await planRoleOf(scope.planId, actor.id), "manage", actor);
}

const planIdOf = (scope: WebhookScope) => (scope === "instance" ? null : scope.planId);

/** Creates a subscription; the signing secret is in this answer only. */
export async function createWebhook(actor: Actor, scope: WebhookScope, input: unknown): Promise<{ id: string; secret: string }> {
  await assertMayManage(scope, actor);
  const { url, events, format } = createWebhookSchema.parse(input);
  try {
    await checkOutboundUrl(url);
  } catch (error) {
    if (error instanceof OutboundRefusedError || error instanceof OutboundRequestError) throw new AppError("unprocessable", error.message, { field: "url" });
    throw error;
  }
  const count = await db().webhookSubscription.count({ where: { planId: planIdOf(scope) } });
  if (count >= MAX_SUBSCRIPTIONS_PER_SCOPE) throw new AppError("conflict", `There are already ${MAX_SUBSCRIPTIONS_PER_SCOPE} webhooks here; delete one first.`);
  const secret = newWebhookSecret();
  const created = await db().webhookSubscription.create({
    data: {
      planId: planIdOf(scope),
      url,
      events,
      format: format === "json" ? "JSON" : format === "slack" ? "SLACK" : "TEAMS",
      secretSealed: sealSecret(secret, settings().AUTH_SECRET!),
      createdById: actor.id,
    },
    select: { id: true },
  });
  return { id: created.id, secret };
}

export interface WebhookSummary {
  id: string;
  url: string;
  events: string[];
  format: "json" | "slack" | "teams";
  active: boolean;
  createdAt: string;
  deliveries: { delivered: number; pending: number; failed: number };
}

export async function listWebhooks(actor: Actor, scope: WebhookScope): Promise<WebhookSummary[]> {
  await assertMayManage(scope, actor);
  const subscriptions = await db().webhookSubscription.findMany({
    where: { planId: planIdOf(scope) },
    orderBy: { createdAt: "asc" },
    select: { id: true, url: true, events: true, format: true, active: true, createdAt: true },
  });
  const counts = await db().webhookDelivery.groupBy({
    by: ["subscriptionId", "status"],
    where: { subscriptionId: { in: subscriptions.map((subscription) => subscription.id) } },
    _count: { _all: true },
  });
  const countOf = (id: string, statuses: string[]) =>
    counts.filter((row) => row.subscriptionId === id && statuses.includes(row.status)).reduce((sum, row) => sum + row._count._all, 0);
  return subscriptions.map((subscription) => ({
    id: subscription.id,
    url: subscription.url,
    events: subscription.events,
    format: subscription.format.toLowerCase() as WebhookSummary["format"],
    active: subscription.active,
    createdAt: subscription.createdAt.toISOString(),
    deliveries: {
      delivered: countOf(subscription.id, ["DELIVERED"]),
      pending: countOf(subscription.id, ["PENDING", "SENDING"]),
      failed: countOf(subscription.id, ["FAILED"]),
    },
  }));
}

/** Deletes a subscription and its delivery log; deliveries not yet sent are dropped with it. */
export async function deleteWebhook(actor: Actor, scope: WebhookScope, webhookId: string): Promise<void> {
  await assertMayManage(scope, actor);
  const { count } = await db().webhookSubscription.deleteMany({ where: { id: webhookId, planId: planIdOf(scope) } });
  if (count === 0) throw new AppError("not_found", NOT_FOUND);
}

/**
 * Pauses or resumes a subscription. While paused it gets no new deliveries, and those already
 * queued wait (in order) until it is resumed.
 */
export async function setWebhookActive(actor: Actor, scope: WebhookScope, webhookId: string, active: boolean): Promise<void> {
  await assertMayManage(scope, actor);
  const { count } = await db().webhookSubscription.updateMany({ where: { id: webhookId, planId: planIdOf(scope) }, data: { active } });
  if (count === 0) throw new AppError("not_found", NOT_FOUND);
  // Resuming wakes the workers for what waited.
  if (active) await db().$executeRawUnsafe(`SELECT pg_notify('${DELIVERY_CHANNEL}', '')`);
}

export interface DeliveryLogEntry {
  id: string;
  eventId: string;
  eventType: string;
  status: "PENDING" | "SENDING" | "DELIVERED" | "FAILED";
  attempts: number;
  responseStatus: number | null;
  responseExcerpt: string | null;
  durationMs: number | null;
  error: string | null;
  queuedAt: string;
  lastAttemptAt: string | null;
  nextAttemptAt: string | null;
}

/** The subscription's latest deliveries, newest first. */
export async function listDeliveries(actor: Actor, scope: WebhookScope, webhookId: string, page: Partial<DeliveryLogQuery> = {}): Promise<{ items: DeliveryLogEntry[]; nextCursor: string | null }> {
  const limit = page.limit ?? DELIVERY_LOG_LENGTH;
  await assertMayManage(scope, actor);
  const subscription = await db().webhookSubscription.findFirst({ where: { id: webhookId, planId: planIdOf(scope) }, select: { id: true } });
  if (!subscription) throw new AppError("not_found", NOT_FOUND);
  // One more than asked tells whether an older page exists; the cursor is the outbox position to continue below.
  const rows = await db().webhookDelivery.findMany({
    where: { subscriptionId: webhookId, ...(page.cursor !== undefined ? { position: { lt: BigInt(page.cursor) } } : {}) },
    orderBy: { position: "desc" },
    take: limit + 1,
    include: { event: { select: { planId: true, seq: true, type: true } } },
  });
  const deliveries = rows.slice(0, limit);
  const nextCursor = rows.length > limit ? String(deliveries[deliveries.length - 1]!.position) : null;
  const items = deliveries.map((delivery) => ({
    id: delivery.id,
    eventId: `${delivery.event.planId}:${delivery.event.seq}`,
    eventType: delivery.event.type,
    status: delivery.status,
    attempts: delivery.attempts,
    responseStatus: delivery.responseStatus,
    responseExcerpt: delivery.responseExcerpt,
    durationMs: delivery.durationMs,
    error: delivery.error,
    queuedAt: delivery.createdAt.toISOString(),
    lastAttemptAt: delivery.lastAttemptAt?.toISOString() ?? null,
    nextAttemptAt: delivery.status === "PENDING" ? delivery.nextAttemptAt.toISOString() : null,
  }));
  return { items, nextCursor };
}

// A new outbox row for the same event: it goes to the back of the subscription's queue, and the
// worker is woken as for any new delivery.
const REDELIVER = `
  WITH queued AS (
    INSERT INTO "WebhookDelivery" (id, "subscriptionId", "eventId")
    SELECT gen_random_uuid()::text, d."subscriptionId", d."eventId" FROM "WebhookDelivery" d WHERE d.id = $1 AND d."subscriptionId" = $2
 RETURNING id
  ), woken AS (
    SELECT pg_notify('${DELIVERY_CHANNEL}', '') FROM (SELECT 1 FROM queued LIMIT 1) AS any_queued
  )
  SELECT id, (SELECT count(*) FROM woken) AS notified FROM queued`;

/** Sends a delivery's event again, as a new delivery. */
export async function redeliver(actor: Actor, scope: WebhookScope, webhookId: string, deliveryId: string): Promise<{ id: string }> {
  await assertMayManage(scope, actor);
  const subscription = await db().webhookSubscription.findFirst({ where: { id: webhookId, planId: planIdOf(scope) }, select: { id: true } });
  if (!subscription) throw new AppError("not_found", NOT_FOUND);
  const rows = await db().$queryRawUnsafe<{ id: string }[]>(REDELIVER, deliveryId, webhookId);
  if (!rows[0]) throw new AppError("not_found", "This delivery is not part of the webhook's log.");
  return { id: rows[0].id };
}
