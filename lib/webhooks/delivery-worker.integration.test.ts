import { afterEach, beforeEach, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createTickingPlan, setStatus } from "@/lib/faults/fault-fixture";
import { parseAllowedHosts } from "@/lib/outbound/address-policy";
import { applyPlanChange } from "@/lib/plan-state/apply-plan-change";
import { integrationDatabase } from "@/lib/testing/integration-env";
import { waitFor } from "@/lib/testing/live-harness";
import { resetDatabase } from "@/lib/testing/reset-database";
import { startWebhookReceiver, type WebhookReceiver } from "@/lib/testing/webhook-receiver";
import { startDeliveryWorker, type DeliveryWorker } from "@/lib/webhooks/delivery-worker";
import { newWebhookSecret, sealSecret } from "@/lib/webhooks/secret-box";
import { setWebhookActive } from "@/lib/webhooks/subscriptions";

/**
 * Two delivery workers on one database, as two app instances run them: every event reaches
 * every subscription, in order, and no delivery is sent twice, while receivers fail now and then.
 */

const APP_SECRET = "worker-test-secret-0123456789abcdef";
const EVENTS = 60;
const workers: DeliveryWorker[] = [];
const receivers: WebhookReceiver[] = [];

beforeEach(async () => {
  await resetDatabase();
});
afterEach(async () => {
  for (const worker of workers.splice(0)) await worker.stop();
  for (const receiver of receivers.splice(0)) await receiver.close();
});

it("two workers share the outbox without sending a delivery twice or out of order", async () => {
  const { planId, itemIds, lead } = await createTickingPlan(6);
  for (let index = 0; index < 3; index += 1) {
    // Every fourth request fails, so runs are cut short and retried while the other worker is claiming.
    const receiver = await startWebhookReceiver((request) => (request % 4 === 3 ? 500 : 200));
    receivers.push(receiver);
    await db().webhookSubscription.create({ data: { planId, url: receiver.url, events: ["*"], format: "JSON", secretSealed: sealSecret(newWebhookSecret(), APP_SECRET) } });
  }
  for (let index = 0; index < 2; index += 1) {
    workers.push(
      startDeliveryWorker({
        databaseUrl: integrationDatabase().url,
        appSecret: APP_SECRET,
        retryBaseMs: 20,
        timeoutMs: 2_000,
        pollMs: 50,
        allowedHosts: parseAllowedHosts("127.0.0.1"),
        runLength: 4,
        log: (line) => {
          throw new Error(`worker logged: ${line}`);
        },
      }),
    );
  }
  const actor = { ...lead, isAdmin: false };
  const versions = new Map(itemIds.map((itemId) => [itemId, 0]));
  for (let index = 0; index < EVENTS; index += 1) {
    const itemId = itemIds[index % itemIds.length]!;
    await applyPlanChange(actor, planId, setStatus(itemId, versions.get(itemId)!));
    versions.set(itemId, versions.get(itemId)! + 1);
  }

  const delivered = (receiver: WebhookReceiver) =>
    receiver.requests.filter((_request, index) => index % 4 !== 3).map((request) => Number(String(request.headers["preflight-event-id"]).split(":")[1]));
  await waitFor(() => receivers.every((receiver) => delivered(receiver).length >= EVENTS), 30_000);
  const expected = Array.from({ length: EVENTS }, (_, index) => index + 1);
  for (const receiver of receivers) {
    expect(delivered(receiver)).toEqual(expected);
    const attempts = receiver.requests.map((request) => Number(String(request.headers["preflight-event-id"]).split(":")[1]));
    expect(attempts).toEqual([...attempts].sort((a, b) => a - b));
  }
  await waitFor(async () => (await db().webhookDelivery.count({ where: { status: "DELIVERED" } })) === 3 * EVENTS);
  expect(await db().webhookDelivery.count({ where: { status: { not: "DELIVERED" } } })).toBe(0);
});

it("a paused subscription's queued deliveries wait while others are sent, and go out in order once it is resumed", async () => {
  const { planId, itemIds, lead } = await createTickingPlan(3);
  const actor = { ...lead, isAdmin: false };
  const [paused, running] = [await startWebhookReceiver(), await startWebhookReceiver()];
  receivers.push(paused, running);
  const create = (url: string) => db().webhookSubscription.create({ data: { planId, url, events: ["*"], format: "JSON", secretSealed: sealSecret(newWebhookSecret(), APP_SECRET) } });
  const pausedSubscription = await create(paused.url);
  await create(running.url);

  // Queued while active, then paused before any worker runs.
  await applyPlanChange(actor, planId, setStatus(itemIds[0]!, 0));
  await setWebhookActive(actor, { planId }, pausedSubscription.id, false);
  // Not queued for the paused subscription at all.
  await applyPlanChange(actor, planId, setStatus(itemIds[1]!, 0));
  workers.push(
    startDeliveryWorker({
      databaseUrl: integrationDatabase().url,
      appSecret: APP_SECRET,
      retryBaseMs: 20,
      timeoutMs: 2_000,
      pollMs: 50,
      allowedHosts: parseAllowedHosts("127.0.0.1"),
      log: (line) => {
        throw new Error(`worker logged: ${line}`);
      },
    }),
  );
  await waitFor(() => running.requests.length === 2);
  // The worker went round the outbox for the running subscription; the paused one's delivery stayed queued.
  expect(paused.requests).toHaveLength(0);
  expect(await db().webhookDelivery.findMany({ where: { subscriptionId: pausedSubscription.id }, select: { status: true, attempts: true } })).toEqual([{ status: "PENDING", attempts: 0 }]);

  await setWebhookActive(actor, { planId }, pausedSubscription.id, true);
  await applyPlanChange(actor, planId, setStatus(itemIds[2]!, 0));
  await waitFor(() => paused.requests.length === 2);
  expect(paused.requests.map((request) => request.headers["preflight-event-id"])).toEqual([`${planId}:1`, `${planId}:3`]);
});
