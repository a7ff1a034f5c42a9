import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { parsePlanMarkdown } from "@/lib/import/parse-plan-markdown";
import { applyPlanChange } from "@/lib/plan-state/apply-plan-change";
import type { PlanEventMessage } from "@/lib/plan-state/events";
import { createPlanFromDocument } from "@/lib/plans/create-plan";
import { startAppProcess, UNLIMITED_CHANGES, type AppProcess } from "@/lib/testing/app-process";
import { integrationDatabase } from "@/lib/testing/integration-env";
import { connectClient, sessionCookie, waitFor, type LiveClient } from "@/lib/testing/live-harness";
import { resetDatabase } from "@/lib/testing/reset-database";
import { hashSubscriberToken } from "@/lib/status-updates/subscriber-tokens";

/**
 * Status updates through the real server (HTTP and socket): the lead posts, others are
 * refused; the update's text is final (a message filled from the live state); one mail per
 * confirmed subscriber is queued with the event, none for an unconfirmed one; a start can post
 * a message by itself; outside stakeholders subscribe (double opt-in), confirm and unsubscribe.
 */
const PLAN = `# Payments rollout

**Service:** Payments API
**Version:** 2.4.0

## Deploy
- [ ] Roll out
- [ ] Switch traffic

## Communication
\`\`\`text title="Started"
Subject: Rollout starting

{{service}} {{version}} is {{status}}: {{progress}}, now {{phase}}.
\`\`\`
`;

type Person = { id: string; name: string; email: string };
let app: AppProcess;
let lead: Person;
let executor: Person;
let planId: string;
const clients: LiveClient[] = [];

beforeAll(async () => {
  // Loopback is the proxy here, so each test can ask from an address of its own (X-Forwarded-For).
  app = await startAppProcess(integrationDatabase().url, { env: { ...UNLIMITED_CHANGES, TRUSTED_PROXIES: "loopback" } });
}, 120_000);

afterAll(async () => {
  clients.splice(0).forEach((client) => client.close());
  await app?.stop();
});

beforeEach(async () => {
  clients.splice(0).forEach((client) => client.close());
  await resetDatabase();
  const person = (name: string, email: string) => db().user.create({ data: { name, email, passwordHash: "not-used" }, select: { id: true, name: true, email: true } });
  [lead, executor] = await Promise.all([person("Lee Lead", "lead@example.com"), person("Eve Executor", "eve@example.com")]);
  planId = (await createPlanFromDocument({ document: parsePlanMarkdown(PLAN).document, createdById: lead.id })).id;
  await db().planMember.create({ data: { planId, userId: executor.id, role: "EXECUTOR" } });
});

interface Answer {
  status: number;
  event?: PlanEventMessage;
  error?: { message: string };
}

async function overHttp(who: Person, change: unknown): Promise<Answer> {
  const response = await fetch(`${app.url}/api/plans/${planId}/changes`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: app.url, cookie: await sessionCookie(who.id, who.name) },
    body: JSON.stringify(change),
  });
  return { status: response.status, ...((await response.json()) as Omit<Answer, "status">) };
}

async function overSocket(who: Person, change: unknown): Promise<Answer> {
  const client = await connectClient(app.url, who);
  clients.push(client);
  const answer = await client.change(planId, change);
  return answer.ok ? { status: 201, event: answer.message } : { status: answer.status, error: answer.error as Answer["error"] };
}

const publicPost = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${app.url}${path}`, { method: "POST", headers: { "content-type": "application/json", origin: app.url, ...headers }, body: JSON.stringify(body) });

const mails = () => db().mailMessage.findMany({ orderBy: { createdAt: "asc" }, select: { to: true, subject: true, text: true, dedupeKey: true, unsubscribeUrl: true } });

async function addSubscriber(email: string, confirmed: boolean) {
  return db().planSubscriber.create({
    data: { planId, email, confirmedAt: confirmed ? new Date() : null, confirmTokenHash: confirmed ? null : hashSubscriberToken(`pending-${email}`), unsubscribeTokenHash: hashSubscriberToken(`unsubscribe-${email}`) },
    select: { id: true },
  });
}

describe("posting a status update", () => {
  it("records the lead's text over HTTP and mails each confirmed subscriber once, no one unconfirmed", async () => {
    const confirmed = await addSubscriber("cfo@example.com", true);
    await addSubscriber("pending@example.com", false);
    const answer = await overHttp(lead, { type: "status-update.post", text: "We are halfway; no downtime so far." });
    expect(answer.status).toBe(201);
    expect(answer.event!.event).toEqual({ type: "status-update.posted", text: "We are halfway; no downtime so far.", messageName: null });
    const stored = await db().planEvent.findFirstOrThrow({ where: { planId, type: "status-update.posted" }, select: { id: true } });
    const queued = await mails();
    expect(queued).toHaveLength(1);
    expect(queued[0]).toMatchObject({ to: "cfo@example.com", subject: "Payments rollout: status update", dedupeKey: `update:${stored.id}:${confirmed.id}` });
    expect(queued[0]!.text).toContain("We are halfway; no downtime so far.");
    expect(queued[0]!.unsubscribeUrl).toMatch(/\/subscriptions\/unsubscribe\?token=[A-Za-z0-9_-]{43}$/);
    // An outsider gets no link into the plan.
    expect(queued[0]!.text).not.toContain(`/plans/${planId}`);
  });

  it("fills one of the plan's messages from the live state, over the socket", async () => {
    await applyPlanChange({ id: lead.id, name: lead.name, isAdmin: false }, planId, { type: "plan.lifecycle", action: "start" });
    const answer = await overSocket(lead, { type: "status-update.post", messageName: "started" });
    expect(answer.status).toBe(201);
    expect(answer.event!.event).toEqual({ type: "status-update.posted", text: "Payments API 2.4.0 is In progress: 0 of 2 steps (0%), now Deploy.", messageName: "Started" });
  });

  it("refuses someone who is not a lead (403), over HTTP and the socket, and an unknown message (422)", async () => {
    expect((await overHttp(executor, { type: "status-update.post", text: "Hi" })).status).toBe(403);
    expect((await overSocket(executor, { type: "status-update.post", text: "Hi" })).status).toBe(403);
    const unknown = await overHttp(lead, { type: "status-update.post", messageName: "No such message" });
    expect(unknown.status).toBe(422);
    expect(unknown.error!.message).toContain("no message named");
    expect((await overHttp(lead, { type: "status-update.post", text: "x".repeat(4001) })).status).toBe(400);
    expect((await overHttp(lead, { type: "status-update.post", text: "Hi", messageName: "Started" })).status).toBe(400);
    expect(await db().planEvent.count({ where: { planId, type: "status-update.posted" } })).toBe(0);
  });

  it("posts the chosen message by itself when the plan starts, as the next event, with its mails", async () => {
    await addSubscriber("cfo@example.com", true);
    await db().plan.update({ where: { id: planId }, data: { autoUpdateOnStart: "Started" } });
    const watcher = await connectClient(app.url, lead);
    clients.push(watcher);
    await watcher.join(planId);
    const answer = await overHttp(lead, { type: "plan.lifecycle", action: "start" });
    expect(answer.status).toBe(201);
    const events = await db().planEvent.findMany({ where: { planId }, orderBy: { seq: "asc" }, select: { seq: true, type: true } });
    expect(events.slice(-2)).toEqual([
      { seq: answer.event!.seq, type: "plan.status" },
      { seq: answer.event!.seq + 1, type: "status-update.posted" },
    ]);
    await waitFor(() => watcher.events.some((message) => message.event.type === "status-update.posted"));
    const queued = await mails();
    expect(queued).toHaveLength(1);
    expect(queued[0]!.text).toContain("Payments API 2.4.0 is In progress");
  });
});

describe("the lead's settings for updates", () => {
  it("keeps the reminder and the automatic messages, and refuses a message the plan does not have (422)", async () => {
    const saved = await overHttp(lead, { type: "plan.edit", updateReminderMinutes: 15, autoUpdateOnStart: "started", autoUpdateOnRollback: null });
    expect(saved.status).toBe(201);
    expect(await db().plan.findUniqueOrThrow({ where: { id: planId }, select: { updateReminderMinutes: true, autoUpdateOnStart: true, autoUpdateOnRollback: true } })).toEqual({
      updateReminderMinutes: 15,
      autoUpdateOnStart: "started",
      autoUpdateOnRollback: null,
    });
    const refused = await overHttp(lead, { type: "plan.edit", autoUpdateOnComplete: "No such message" });
    expect(refused.status).toBe(422);
    expect((await overHttp(lead, { type: "plan.edit", updateReminderMinutes: 1 })).status).toBe(400);
    expect((await overHttp(executor, { type: "plan.edit", updateReminderMinutes: null })).status).toBe(403);
  });
});

describe("subscribing from a share link", () => {
  async function shareToken(): Promise<string> {
    const created = await applyPlanChange({ id: lead.id, name: lead.name, isAdmin: false }, planId, { type: "share.create" });
    return created.shareToken!;
  }
  const confirmTokenIn = (text: string) => /\/subscriptions\/confirm\?token=([A-Za-z0-9_-]+)/.exec(text)?.[1];
  const unsubscribeTokenIn = (url: string) => new URL(url).searchParams.get("token")!;

  it("asks for confirmation, confirms, sends the next update, and unsubscribes", async () => {
    const token = await shareToken();
    const asked = await publicPost(`/api/share/${token}/subscribe`, { email: "Stake@Example.com" }, { "x-forwarded-for": "198.51.100.1" });
    expect(asked.status).toBe(202);
    const askedAnswer: unknown = await asked.json();
    const [confirmation] = await mails();
    expect(confirmation).toMatchObject({ to: "stake@example.com", subject: "Payments rollout: confirm status updates" });
    const confirmToken = confirmTokenIn(confirmation!.text)!;

    // Unconfirmed: an update goes to no one.
    await overHttp(lead, { type: "status-update.post", text: "Before confirming" });
    expect(await mails()).toHaveLength(1);

    expect((await publicPost("/api/subscriptions/confirm", { token: confirmToken })).status).toBe(200);
    expect((await publicPost("/api/subscriptions/confirm", { token: confirmToken })).status).toBe(404);
    // Asking again once confirmed answers the same and sends nothing.
    const again = await publicPost(`/api/share/${token}/subscribe`, { email: "stake@example.com" });
    expect(again.status).toBe(202);
    expect(await again.json()).toEqual(askedAnswer);
    expect(await mails()).toHaveLength(1);

    await overHttp(lead, { type: "status-update.post", text: "After confirming" });
    const update = (await mails())[1]!;
    expect(update).toMatchObject({ to: "stake@example.com", subject: "Payments rollout: status update" });
    expect(update.text).toContain("After confirming");

    expect((await publicPost("/api/subscriptions/unsubscribe", { token: unsubscribeTokenIn(update.unsubscribeUrl) })).status).toBe(200);
    expect(await db().planSubscriber.count({ where: { planId } })).toBe(0);
    expect((await publicPost("/api/subscriptions/unsubscribe", { token: unsubscribeTokenIn(update.unsubscribeUrl) })).status).toBe(404);
  });

  it("refuses invalid tokens (404), a revoked link (404), a bad address (400), another site (403)", async () => {
    const token = await shareToken();
    expect((await publicPost("/api/subscriptions/confirm", { token: "not-a-token" })).status).toBe(404);
    expect((await publicPost("/api/subscriptions/unsubscribe", { token: "A".repeat(43) })).status).toBe(404);
    expect((await publicPost(`/api/share/${token}/subscribe`, { email: "not an address" })).status).toBe(400);
    expect((await publicPost(`/api/share/${"x".repeat(30)}/subscribe`, { email: "a@example.com" })).status).toBe(404);
    expect((await publicPost(`/api/share/${token}/subscribe`, { email: "a@example.com" }, { origin: "https://evil.example" })).status).toBe(403);
    expect(await mails()).toHaveLength(0);
  });

  it("limits how often one address may ask (429)", async () => {
    const token = await shareToken();
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 6; attempt++) {
      statuses.push((await publicPost(`/api/share/${token}/subscribe`, { email: `person${attempt}@example.com` }, { "x-forwarded-for": "203.0.113.9" })).status);
    }
    expect(statuses).toEqual([202, 202, 202, 202, 202, 429]);
  });

  it("lets a member switch their own updates on and off", async () => {
    const toggle = async (subscribed: boolean) =>
      fetch(`${app.url}/api/plans/${planId}/subscription`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: app.url, cookie: await sessionCookie(executor.id, executor.name) },
        body: JSON.stringify({ subscribed }),
      });
    expect((await toggle(true)).status).toBe(200);
    await overHttp(lead, { type: "status-update.post", text: "For members" });
    const [mail] = await mails();
    expect(mail).toMatchObject({ to: "eve@example.com" });
    expect(mail!.text).toContain(`/plans/${planId}`);
    expect((await toggle(false)).status).toBe(200);
    expect(await db().planSubscriber.count({ where: { planId } })).toBe(0);
  });
});
