import { createHash, timingSafeEqual } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createTickingPlan, setStatus } from "@/lib/faults/fault-fixture";
import { startAppProcess, UNLIMITED_CHANGES, type ControlledAppProcess } from "@/lib/testing/app-process";
import { integrationDatabase } from "@/lib/testing/integration-env";
import { sessionCookie, waitFor } from "@/lib/testing/live-harness";
import { resetDatabase } from "@/lib/testing/reset-database";
import { startWebhookReceiver, type ReceivedRequest, type WebhookReceiver } from "@/lib/testing/webhook-receiver";

/**
 * Must-show 2 of issue 13, against the real server (server.ts with its delivery worker) and real
 * local receivers: the signature checks out under the test's own HMAC, a receiver failing twice
 * gets the delivery on the third try, a kill -9 between commit and delivery still delivers after
 * the restart, a subscription's deliveries arrive in order under a burst, and a private address
 * is refused at creation and at delivery.
 */

const WEBHOOK_ENV = {
  ...UNLIMITED_CHANGES,
  WEBHOOK_ALLOWED_HOSTS: "127.0.0.1",
  WEBHOOK_RETRY_BASE_MS: "100",
  WEBHOOK_TIMEOUT_MS: "1000",
  WEBHOOK_POLL_MS: "100",
};

const apps: ControlledAppProcess[] = [];
const receivers: WebhookReceiver[] = [];

async function app(options: { processGroup?: boolean; port?: number } = {}): Promise<ControlledAppProcess> {
  const started = await startAppProcess(integrationDatabase().url, { env: WEBHOOK_ENV, ...options });
  apps.push(started);
  return started;
}

async function receiver(...args: Parameters<typeof startWebhookReceiver>): Promise<WebhookReceiver> {
  const started = await startWebhookReceiver(...args);
  receivers.push(started);
  return started;
}

beforeEach(async () => {
  await resetDatabase();
});
afterEach(async () => {
  for (const started of apps.splice(0)) await started.stop().catch(() => {});
  for (const started of receivers.splice(0)) await started.close();
});

/** HMAC-SHA256 written out from RFC 2104 on plain SHA-256, so the check does not share the server's code path (createHmac). */
function hmacSha256Hex(key: string, message: string): string {
  const block = 64;
  let keyBytes = Buffer.from(key, "utf8");
  if (keyBytes.length > block) keyBytes = createHash("sha256").update(keyBytes).digest();
  const padded = Buffer.concat([keyBytes, Buffer.alloc(block - keyBytes.length)]);
  const inner = createHash("sha256")
    .update(padded.map((byte) => byte ^ 0x36))
    .update(message, "utf8")
    .digest();
  return createHash("sha256")
    .update(padded.map((byte) => byte ^ 0x5c))
    .update(inner)
    .digest("hex");
}

function verifySignature(request: ReceivedRequest, secret: string): boolean {
  const header = String(request.headers["preflight-signature"] ?? "");
  const parts = Object.fromEntries(header.split(",").map((part) => part.split("=") as [string, string]));
  if (!parts.t || !parts.v1) return false;
  const expected = Buffer.from(hmacSha256Hex(secret, `${parts.t}.${request.rawBody}`), "hex");
  const given = Buffer.from(parts.v1, "hex");
  return given.length === expected.length && timingSafeEqual(given, expected) && Math.abs(Date.now() / 1000 - Number(parts.t)) < 300;
}

async function api(base: string, user: { id: string; name: string }, path: string, init: { method?: string; body?: unknown } = {}) {
  const response = await fetch(`${base}${path}`, {
    method: init.method ?? "GET",
    headers: { "content-type": "application/json", origin: base, cookie: await sessionCookie(user.id, user.name) },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : null };
}

async function subscribe(base: string, lead: { id: string; name: string }, planId: string, url: string, extra: Record<string, unknown> = {}) {
  const created = await api(base, lead, `/api/plans/${planId}/webhooks`, { method: "POST", body: { url, events: ["*"], format: "json", ...extra } });
  expect(created.status).toBe(201);
  return created.body as { id: string; secret: string };
}

async function tick(base: string, user: { id: string; name: string }, planId: string, itemId: string, expectedVersion: number): Promise<number> {
  const answer = await api(base, user, `/api/plans/${planId}/changes`, { method: "POST", body: setStatus(itemId, expectedVersion) });
  expect(answer.status).toBe(201);
  return (answer.body as { event: { seq: number } }).event.seq;
}

describe("webhooks against the real server", () => {
  it("signs each delivery so that an independent HMAC implementation verifies it, with the event id and Preflight JSON", async () => {
    const server = await app();
    const { planId, itemIds, lead } = await createTickingPlan(3);
    const hook = await receiver();
    const { id, secret } = await subscribe(server.url, lead, planId, hook.url);
    expect(secret).toMatch(/^whsec_/);
    // The secret is not stored as given, and never listed again.
    const stored = await db().webhookSubscription.findUniqueOrThrow({ where: { id } });
    expect(stored.secretSealed).not.toContain(secret);
    const listed = await api(server.url, lead, `/api/plans/${planId}/webhooks`);
    expect(JSON.stringify(listed.body)).not.toContain(secret);

    const seq = await tick(server.url, lead, planId, itemIds[0]!, 0);
    await waitFor(() => hook.requests.length === 1);
    const [request] = hook.requests;
    expect(verifySignature(request!, secret)).toBe(true);
    expect(verifySignature(request!, "whsec_wrong")).toBe(false);
    expect(verifySignature({ ...request!, rawBody: request!.rawBody.replace("DONE", "FAILED") }, secret)).toBe(false);
    expect(request!.headers["content-type"]).toBe("application/json");
    expect(request!.headers["preflight-event-id"]).toBe(`${planId}:${seq}`);
    expect(JSON.parse(request!.rawBody)).toMatchObject({
      id: `${planId}:${seq}`,
      type: "item.changed",
      plan: { id: planId, title: "Fault test plan" },
      sequence: seq,
      actor: { id: lead.id, name: lead.name },
      data: { type: "item.changed", item: { id: itemIds[0], status: "DONE" } },
    });
    await waitFor(async () => (await db().webhookDelivery.findFirst({ where: { subscriptionId: id } }))?.status === "DELIVERED");

    // A change on the other path of the one writer (a comment) is queued and signed the same way.
    const comment = await api(server.url, lead, `/api/plans/${planId}/changes`, { method: "POST", body: { type: "item.comment", itemId: itemIds[1], body: "Looks good" } });
    expect(comment.status).toBe(201);
    await waitFor(() => hook.requests.length === 2);
    expect(verifySignature(hook.requests[1]!, secret)).toBe(true);
    expect(JSON.parse(hook.requests[1]!.rawBody)).toMatchObject({ type: "comment.added", sequence: seq + 1, data: { comment: { body: "Looks good" } } });
  });

  it("retries a receiver that answers 500 twice and delivers on the third try; the log shows it and Redeliver sends it again", async () => {
    const server = await app();
    const { planId, itemIds, lead } = await createTickingPlan(2);
    const hook = await receiver((index) => (index < 2 ? 500 : 200));
    const { id, secret } = await subscribe(server.url, lead, planId, hook.url);
    const seq = await tick(server.url, lead, planId, itemIds[0]!, 0);

    await waitFor(() => hook.requests.length === 3, 20_000);
    expect(hook.requests.map((request) => request.headers["preflight-event-id"])).toEqual(Array(3).fill(`${planId}:${seq}`));
    expect(hook.requests.map((request) => request.headers["preflight-delivery-attempt"])).toEqual(["1", "2", "3"]);
    expect(hook.requests.every((request) => verifySignature(request, secret))).toBe(true);

    const log = async (query = "") => (await api(server.url, lead, `/api/plans/${planId}/webhooks/${id}/deliveries${query}`)).body as { items: Record<string, unknown>[]; nextCursor: string | null };
    await waitFor(async () => (await log()).items[0]?.status === "DELIVERED");
    const [entry] = (await log()).items;
    expect(entry).toMatchObject({ status: "DELIVERED", attempts: 3, responseStatus: 200, responseExcerpt: "thanks", eventId: `${planId}:${seq}`, eventType: "item.changed" });
    expect(typeof entry!.durationMs).toBe("number");

    const again = await api(server.url, lead, `/api/plans/${planId}/webhooks/${id}/deliveries/${String(entry!.id)}/redeliver`, { method: "POST" });
    expect(again.status).toBe(201);
    await waitFor(() => hook.requests.length === 4);
    expect(hook.requests[3]!.headers["preflight-event-id"]).toBe(`${planId}:${seq}`);
    expect((await log()).items).toHaveLength(2);
    // The log is paged, newest first: one at a time, the cursor leads to the older one and then ends.
    const newest = await log("?limit=1");
    expect(newest.items).toHaveLength(1);
    expect(newest.nextCursor).not.toBeNull();
    const older = await log(`?limit=1&cursor=${newest.nextCursor}`);
    expect(older).toEqual({ items: [expect.objectContaining({ id: entry!.id })], nextCursor: null });
    expect(newest.items[0]!.id).not.toBe(entry!.id);
  });

  it("keeps each subscription's deliveries in order under a burst, through failures, for the plan's and an instance-wide subscription", async () => {
    const server = await app();
    const { planId, itemIds, lead, executor } = await createTickingPlan(10);
    const admin = await db().user.create({ data: { name: "Ada Admin", email: "admin@example.com", passwordHash: "not-used", role: "ADMIN" } });
    // Every third request fails: each failure holds the subscription's later deliveries back until it is retried.
    const flaky = await receiver((index) => (index % 3 === 1 ? 503 : 200));
    const steady = await receiver();
    await subscribe(server.url, lead, planId, flaky.url);
    const instanceWide = await api(server.url, admin, "/api/webhooks", { method: "POST", body: { url: steady.url, events: ["item.changed"], format: "json" } });
    expect(instanceWide.status).toBe(201);

    // Two people tick at once: 40 events.
    const person = async (user: { id: string; name: string }, items: string[]) => {
      const sequences: number[] = [];
      for (let round = 0; round < 4; round += 1) for (const itemId of items) sequences.push(await tick(server.url, user, planId, itemId, round));
      return sequences;
    };
    await Promise.all([person(lead, itemIds.slice(0, 5)), person(executor, itemIds.slice(5))]);

    const delivered = (hook: WebhookReceiver, failing: (index: number) => boolean) =>
      hook.requests.filter((_request, index) => !failing(index)).map((request) => Number(String(request.headers["preflight-event-id"]).split(":")[1]));
    await waitFor(() => delivered(flaky, (index) => index % 3 === 1).length === 40 && steady.requests.length === 40, 30_000);
    const expected = Array.from({ length: 40 }, (_, index) => index + 1);
    expect(delivered(flaky, (index) => index % 3 === 1)).toEqual(expected);
    expect(delivered(steady, () => false)).toEqual(expected);
    // Every attempt, failed or not, came in order too: a retry is never overtaken.
    const attempts = flaky.requests.map((request) => Number(String(request.headers["preflight-event-id"]).split(":")[1]));
    expect(attempts).toEqual([...attempts].sort((a, b) => a - b));
  });

  it("delivers after a restart when the app is killed with SIGKILL between the commit and the delivery", async () => {
    const first = await app({ processGroup: true });
    const { planId, itemIds, lead } = await createTickingPlan(2);
    // The first request is held open: the app dies while the delivery is in flight, unanswered.
    const hook = await receiver((index) => (index === 0 ? "hang" : 200));
    const { id } = await subscribe(first.url, lead, planId, hook.url);
    const seq = await tick(first.url, lead, planId, itemIds[0]!, 0);
    await waitFor(() => hook.requests.length === 1);
    first.signalGroup("SIGKILL");
    await first.exited;
    expect((await db().webhookDelivery.findFirstOrThrow({ where: { subscriptionId: id } })).status).toBe("SENDING");

    await app({ port: first.port });
    await waitFor(() => hook.requests.length === 2, 20_000);
    expect(hook.requests[1]!.headers["preflight-event-id"]).toBe(`${planId}:${seq}`);
    await waitFor(async () => (await db().webhookDelivery.findFirstOrThrow({ where: { subscriptionId: id } })).status === "DELIVERED");
  });

  it("refuses a private-address target at creation with 422, and fails a delivery whose target became private", async () => {
    const server = await app();
    const { planId, itemIds, lead, executor } = await createTickingPlan(2);
    for (const url of ["http://10.0.0.5/hook", "http://169.254.169.254/latest/meta-data", "http://[::1]:9/hook", "http://192.168.1.20/"]) {
      const refused = await api(server.url, lead, `/api/plans/${planId}/webhooks`, { method: "POST", body: { url, events: ["*"], format: "slack" } });
      expect(refused.status).toBe(422);
      expect((refused.body as { error: { message: string } }).error.message).toMatch(/is (a private|a loopback|the cloud metadata).*WEBHOOK_ALLOWED_HOSTS/);
    }
    expect(await db().webhookSubscription.count()).toBe(0);
    // Rights: an executor cannot manage the plan's webhooks, and only admins the instance's.
    expect((await api(server.url, executor, `/api/plans/${planId}/webhooks`, { method: "POST", body: { url: "http://127.0.0.1:9/", events: ["*"] } })).status).toBe(403);
    expect((await api(server.url, lead, "/api/webhooks")).status).toBe(403);
    expect((await api(server.url, lead, `/api/plans/${planId}/webhooks`, { method: "POST", body: { url: "http://127.0.0.1:9/", events: ["tick"] } })).status).toBe(400);

    // A subscription whose target is private by the time of delivery (written directly, as a changed DNS answer would make it).
    const { id } = await subscribe(server.url, lead, planId, "http://127.0.0.1:9/hook");
    await db().webhookSubscription.update({ where: { id }, data: { url: "http://10.0.0.5/hook" } });
    await tick(server.url, lead, planId, itemIds[0]!, 0);
    await waitFor(async () => (await db().webhookDelivery.findFirst({ where: { subscriptionId: id } }))?.status === "FAILED");
    const failed = await db().webhookDelivery.findFirstOrThrow({ where: { subscriptionId: id } });
    expect(failed).toMatchObject({ attempts: 1, responseStatus: null });
    expect(failed.error).toMatch(/10\.0\.0\.5 is a private address/);
  });
});
