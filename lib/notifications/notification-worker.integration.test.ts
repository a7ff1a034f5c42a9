import { beforeAll, beforeEach, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { createTickingPlan, setStatus } from "@/lib/faults/fault-fixture";
import { pushNotificationLive, runNotificationJobsOnce } from "@/lib/notifications/notification-worker";
import type { NotificationRule } from "@/lib/notifications/rules/notification-rule";
import { signLinkToken } from "@/lib/notifications/signed-link";
import { unsubscribeUrlFor } from "@/lib/notifications/unsubscribe-link";
import { describeUnsubscribeToken, listNotifications, markNotificationsRead, unsubscribeWithToken } from "@/lib/notifications/user-notifications";
import { applyPlanChange } from "@/lib/plan-state/apply-plan-change";
import { registerEmitter, userRoom } from "@/lib/realtime/broadcast";
import type { RoomEmit } from "@/lib/realtime/socket-contract";
import { resetDatabase } from "@/lib/testing/reset-database";

/**
 * The notification pipeline on a real database: the outbox job written with each event, the
 * worker turning jobs into notifications and mail exactly once, preferences, and a person's
 * own list and unsubscribe link.
 */

beforeAll(() => {
  vi.stubEnv("AUTH_SECRET", "notification-test-secret-0123456789abcdef");
});
beforeEach(async () => {
  await resetDatabase();
});

/** A test rule: every item change asks the plan's executor to sign off (the kind emailed by default). */
const askExecutor =
  (executorId: string): NotificationRule =>
  async (event) =>
    event.type === "item.changed"
      ? [{ userId: executorId, planId: event.planId, kind: "SIGNOFF_REQUESTED", title: `Event ${event.seq} needs you`, href: `/plans/${event.planId}#event-${event.seq}`, dedupeKey: `test:${event.id}` }]
      : [];

async function tickOnce() {
  const plan = await createTickingPlan(2);
  await applyPlanChange({ ...plan.lead, isAdmin: false }, plan.planId, setStatus(plan.itemIds[0]!, 0));
  return plan;
}

it("an event recorded through applyPlanChange queues exactly one notification job, on the hot path and the Prisma path", async () => {
  const { planId, itemIds, lead } = await tickOnce();
  await applyPlanChange({ ...lead, isAdmin: false }, planId, { type: "item.comment", itemId: itemIds[1]!, body: "Looks good" });
  const events = await db().planEvent.findMany({ where: { planId }, orderBy: { seq: "asc" }, select: { id: true, type: true } });
  expect(events.map((event) => event.type)).toEqual(["item.changed", "comment.added"]);
  const jobs = await db().notificationJob.findMany({ orderBy: { position: "asc" }, select: { eventId: true, attempts: true } });
  expect(jobs).toEqual(events.map((event) => ({ eventId: event.id, attempts: 0 })));
});

it("the worker runs the rules on each job, records their notifications with mail, and deletes the job", async () => {
  const { planId, executor } = await tickOnce();
  const result = await runNotificationJobsOnce(db(), { rules: [askExecutor(executor.id)] });
  expect(result).toMatchObject({ processed: 1, failed: 0 });
  expect(result.sent).toEqual([expect.objectContaining({ userId: executor.id, kind: "SIGNOFF_REQUESTED", title: "Event 1 needs you", emailed: true })]);
  const notifications = await db().notification.findMany({ select: { userId: true, planId: true, href: true, readAt: true } });
  expect(notifications).toEqual([{ userId: executor.id, planId, href: `/plans/${planId}#event-1`, readAt: null }]);
  expect(await db().mailMessage.findMany({ select: { to: true, subject: true } })).toEqual([{ to: "exec@example.com", subject: "Event 1 needs you" }]);
  expect(await db().notificationJob.count()).toBe(0);
});

it("running the worker again, or redoing a job after a crash, makes no duplicate notification or mail", async () => {
  const { executor } = await tickOnce();
  const rules = [askExecutor(executor.id)];
  await runNotificationJobsOnce(db(), { rules });
  expect(await runNotificationJobsOnce(db(), { rules })).toMatchObject({ processed: 0, sent: [] });
  // A crash after the notifications committed but before the job's delete would leave the job: put it back and redo it.
  const event = await db().planEvent.findFirstOrThrow({ select: { id: true } });
  await db().notificationJob.create({ data: { eventId: event.id } });
  expect(await runNotificationJobsOnce(db(), { rules })).toMatchObject({ processed: 1, sent: [] });
  expect(await db().notification.count()).toBe(1);
  expect(await db().mailMessage.count()).toBe(1);
});

it("a failing rule leaves its job for a retry with the error, and the jobs behind it go on", async () => {
  const { planId, itemIds, lead, executor } = await tickOnce();
  await applyPlanChange({ ...lead, isAdmin: false }, planId, setStatus(itemIds[1]!, 0));
  const failOnFirst: NotificationRule = async (event) => {
    if (event.seq === 1) throw new Error("the first event breaks this rule");
    return [];
  };
  const result = await runNotificationJobsOnce(db(), { rules: [askExecutor(executor.id), failOnFirst] });
  expect(result).toMatchObject({ processed: 1, failed: 1 });
  // The failed job rolled back whole: nothing of it was recorded.
  expect(await db().notification.findMany({ select: { title: true } })).toEqual([{ title: "Event 2 needs you" }]);
  const [job] = await db().notificationJob.findMany({ select: { attempts: true, lastError: true, runAfter: true } });
  expect(job).toMatchObject({ attempts: 1, lastError: expect.stringContaining("the first event breaks this rule") });
  expect(job!.runAfter.getTime()).toBeGreaterThan(Date.now());
});

it("preferences are honoured: in-app only gets the bell but no mail, off gets neither", async () => {
  const { executor } = await tickOnce();
  await db().notificationPreference.create({ data: { userId: executor.id, kind: "SIGNOFF_REQUESTED", delivery: "APP_ONLY" } });
  await runNotificationJobsOnce(db(), { rules: [askExecutor(executor.id)] });
  expect(await db().notification.count({ where: { userId: executor.id } })).toBe(1);
  expect(await db().mailMessage.count()).toBe(0);

  await resetDatabase();
  const again = await tickOnce();
  await db().notificationPreference.create({ data: { userId: again.executor.id, kind: "SIGNOFF_REQUESTED", delivery: "OFF" } });
  await runNotificationJobsOnce(db(), { rules: [askExecutor(again.executor.id)] });
  expect(await db().notification.count()).toBe(0);
  expect(await db().mailMessage.count()).toBe(0);
});

it("a person lists and marks read only their own notifications", async () => {
  const { lead, executor } = await tickOnce();
  const mine = await db().notification.create({ data: { userId: executor.id, kind: "MENTIONED", title: "Mine", href: "/plans", dedupeKey: "a" } });
  const theirs = await db().notification.create({ data: { userId: lead.id, kind: "MENTIONED", title: "Theirs", href: "/plans", dedupeKey: "b" } });

  const page = await listNotifications(executor.id);
  expect(page.items.map((item) => item.title)).toEqual(["Mine"]);
  expect(page.nextCursor).toBeNull();
  // Another person's notification is no cursor into someone else's list.
  expect(await listNotifications(executor.id, { cursor: theirs.id })).toEqual({ items: [], nextCursor: null });

  expect(await markNotificationsRead(executor.id, { ids: [theirs.id] })).toEqual({ unreadCount: 1 });
  expect((await db().notification.findUniqueOrThrow({ where: { id: theirs.id } })).readAt).toBeNull();
  expect(await markNotificationsRead(executor.id, { ids: [mine.id] })).toEqual({ unreadCount: 0 });
  expect(await markNotificationsRead(lead.id, { all: true })).toEqual({ unreadCount: 0 });
});

it("pages through a long list newest first without repeating or skipping", async () => {
  const { executor } = await tickOnce();
  const at = Date.now();
  for (let index = 0; index < 45; index += 1) {
    await db().notification.create({ data: { userId: executor.id, kind: "MENTIONED", title: `N${index}`, href: "/plans", dedupeKey: `n${index}`, createdAt: new Date(at + Math.floor(index / 3) * 1000) } });
  }
  const seen: string[] = [];
  let cursor: string | null = null;
  do {
    const page = await listNotifications(executor.id, { cursor });
    seen.push(...page.items.map((item) => item.title));
    cursor = page.nextCursor;
  } while (cursor);
  expect(seen).toHaveLength(45);
  expect(new Set(seen).size).toBe(45);
  expect(seen[0]).toMatch(/^N4[2-4]$/);
});

it("an unsubscribe link turns that kind's email off for its owner; a forged or expired one is refused", async () => {
  const { executor } = await tickOnce();
  const token = new URL(unsubscribeUrlFor(executor.id, "SIGNOFF_REQUESTED")).searchParams.get("token")!;
  expect(describeUnsubscribeToken(token)).toEqual({ ok: true, label: "Sign-off requests" });
  expect(await db().notificationPreference.count()).toBe(0);
  expect(await unsubscribeWithToken(token)).toEqual({ ok: true, label: "Sign-off requests" });
  expect(await db().notificationPreference.findMany({ select: { userId: true, kind: true, delivery: true } })).toEqual([{ userId: executor.id, kind: "SIGNOFF_REQUESTED", delivery: "APP_ONLY" }]);

  const [body] = token.split(".");
  const forged = `${Buffer.from(JSON.stringify({ userId: "someone-else", kind: "ROLLBACK_TRIGGERED", exp: 9_999_999_999 })).toString("base64url")}.${token.split(".")[1]}`;
  expect(body).not.toBe(forged.split(".")[0]);
  expect(await unsubscribeWithToken(forged)).toEqual({ ok: false, message: expect.stringContaining("not valid") });
  const expired = signLinkToken("unsubscribe-notifications", { userId: executor.id, kind: "ROLLBACK_TRIGGERED" }, new Date(Date.now() - 1_000));
  expect(await unsubscribeWithToken(expired)).toEqual({ ok: false, message: expect.stringContaining("expired") });
  expect(await db().notificationPreference.count()).toBe(1);
});

it("after its job commits, each notification is pushed to its person's room with their unread count", async () => {
  const { executor } = await tickOnce();
  const pushed: RoomEmit[] = [];
  registerEmitter((message) => void pushed.push(message));
  try {
    const result = await runNotificationJobsOnce(db(), { rules: [askExecutor(executor.id)] });
    for (const sent of result.sent) await pushNotificationLive(db(), sent);
  } finally {
    registerEmitter(undefined);
  }
  const notification = await db().notification.findFirstOrThrow({ select: { id: true, href: true } });
  expect(pushed).toEqual([
    { room: userRoom(executor.id), event: "notification:new", payload: { id: notification.id, kind: "SIGNOFF_REQUESTED", title: "Event 1 needs you", href: notification.href, unreadCount: 1 } },
  ]);
});
