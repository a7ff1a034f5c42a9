import type { Database, DatabaseOrTransaction } from "@/lib/db";
import { notify, type NotificationToSend, type SentNotification } from "@/lib/notifications/notify";
import { isShuttingDown } from "@/lib/boot/shutdown-state";

const MINUTE = 60_000;
/** "A plan you are on starts in 30 minutes." */
export const STARTS_SOON_MINUTES = 30;
/** A check overdue by more than this is history, not news: the first sweep after an upgrade does not page for last month's checks. */
const CHECK_DUE_LOOKBACK_MS = 7 * 24 * 60 * MINUTE;
/** The event a status update records (the status-updates work adds it); its latest one restarts the reminder clock. */
export const STATUS_UPDATE_EVENT = "status-update.posted";

/**
 * What time brings, for one instant: the notifications due at `now` that no event causes —
 * a plan about to start, a monitoring check fallen due, a running plan with no status update
 * for a while. Safe to run as often as wanted, on several processes at once: every
 * notification has a dedupeKey, so notify() records each once. One transaction per plan, so
 * one plan's trouble does not hold back the others' notifications.
 */
export async function sweepOnce(database: Database, now: Date): Promise<SentNotification[]> {
  const perPlan = new Map<string, NotificationToSend[]>();
  const add = (planId: string, notifications: NotificationToSend[]) => perPlan.set(planId, [...(perPlan.get(planId) ?? []), ...notifications]);

  for (const [planId, notifications] of await startsSoon(database, now)) add(planId, notifications);
  for (const [planId, notifications] of await checksDue(database, now)) add(planId, notifications);
  for (const [planId, notifications] of await updateReminders(database, now)) add(planId, notifications);

  const sent: SentNotification[] = [];
  for (const notifications of perPlan.values()) {
    const recorded = await database.$transaction(async (tx) => {
      const results: SentNotification[] = [];
      for (const notification of notifications) {
        const result = await notify(tx, notification);
        if (result) results.push(result);
      }
      return results;
    });
    sent.push(...recorded);
  }
  return sent;
}

/** Scheduled plans whose window opens within the next 30 minutes: everyone on the plan. A moved window asks again. */
async function startsSoon(database: DatabaseOrTransaction, now: Date): Promise<[string, NotificationToSend[]][]> {
  const plans = await database.plan.findMany({
    where: { status: "SCHEDULED", windowStart: { gte: now, lte: new Date(now.getTime() + STARTS_SOON_MINUTES * MINUTE) } },
    select: { id: true, title: true, windowStart: true, members: { select: { userId: true } } },
  });
  return plans.map((plan) => {
    const start = plan.windowStart!;
    const minutes = Math.max(0, Math.round((start.getTime() - now.getTime()) / MINUTE));
    return [
      plan.id,
      plan.members.map((member) => ({
        userId: member.userId,
        planId: plan.id,
        kind: "PLAN_STARTS_SOON" as const,
        title: `“${plan.title}” starts in ${minutes} minute${minutes === 1 ? "" : "s"}`,
        body: `The window opens at ${start.toISOString().slice(11, 16)} UTC.`,
        href: `/plans/${plan.id}`,
        dedupeKey: `starts-soon:${plan.id}:${start.toISOString()}`,
      })),
    ];
  });
}

/**
 * Monitoring checks due and not done, to the people who watch the release. A check has no
 * owner of its own (MonitoringCheck has no owner column): the plan's leads own its checks.
 */
async function checksDue(database: DatabaseOrTransaction, now: Date): Promise<[string, NotificationToSend[]][]> {
  const checks = await database.monitoringCheck.findMany({
    where: { status: "PENDING", dueAt: { lte: now, gte: new Date(now.getTime() - CHECK_DUE_LOOKBACK_MS) } },
    select: { id: true, planId: true, label: true, plan: { select: { title: true, members: { where: { role: "LEAD" }, select: { userId: true } } } } },
    orderBy: { dueAt: "asc" },
  });
  return checks.map((check) => [
    check.planId,
    check.plan.members.map((lead) => ({
      userId: lead.userId,
      planId: check.planId,
      kind: "CHECK_DUE" as const,
      title: `Monitoring check due on “${check.plan.title}”: ${check.label}`,
      href: `/plans/${check.planId}#checks-title`,
      dedupeKey: `check-due:${check.id}`,
    })),
  ]);
}

/**
 * Running plans whose lead asked to be reminded: when neither a status update nor the start
 * happened within the plan's interval, each lead is nudged, once per interval of silence. The
 * key names the moment the silence began, so a new update starts the count afresh.
 */
async function updateReminders(database: DatabaseOrTransaction, now: Date): Promise<[string, NotificationToSend[]][]> {
  const plans = await database.plan.findMany({
    where: { status: "IN_PROGRESS", updateReminderMinutes: { gt: 0 }, startedAt: { not: null } },
    select: { id: true, title: true, startedAt: true, updateReminderMinutes: true, members: { where: { role: "LEAD" }, select: { userId: true } } },
  });
  const due: [string, NotificationToSend[]][] = [];
  for (const plan of plans) {
    const lastUpdate = await database.planEvent.findFirst({ where: { planId: plan.id, type: STATUS_UPDATE_EVENT }, orderBy: { seq: "desc" }, select: { createdAt: true } });
    const quietSince = lastUpdate && lastUpdate.createdAt > plan.startedAt! ? lastUpdate.createdAt : plan.startedAt!;
    const interval = plan.updateReminderMinutes!;
    const quietMinutes = Math.floor((now.getTime() - quietSince.getTime()) / MINUTE);
    const intervalsQuiet = Math.floor(quietMinutes / interval);
    if (intervalsQuiet < 1) continue;
    due.push([
      plan.id,
      plan.members.map((lead) => ({
        userId: lead.userId,
        planId: plan.id,
        kind: "UPDATE_REMINDER" as const,
        title: `No status update on “${plan.title}” for ${quietMinutes} minutes`,
        body: "The people waiting on this deployment have heard nothing for a while. Post a status update.",
        href: `/plans/${plan.id}`,
        dedupeKey: `update-reminder:${plan.id}:${quietSince.toISOString()}:${intervalsQuiet}`,
      })),
    ]);
  }
  return due;
}

/** What the bell's live push carries (socket event `notification:new`): the entry and the person's unread count. */
export interface ScheduledNotificationPush {
  userId: string;
  payload: { id: string; kind: string; title: string; href: string; unreadCount: number };
}

/** The live pushes for what a sweep recorded, read after its commit so the counts include it. */
export async function pushesFor(database: DatabaseOrTransaction, sent: SentNotification[]): Promise<ScheduledNotificationPush[]> {
  const pushes: ScheduledNotificationPush[] = [];
  for (const notification of sent) {
    const unreadCount = await database.notification.count({ where: { userId: notification.userId, readAt: null } });
    pushes.push({ userId: notification.userId, payload: { id: notification.id, kind: notification.kind, title: notification.title, href: notification.href, unreadCount } });
  }
  return pushes;
}

export interface NotificationScheduler {
  stop(): Promise<void>;
}

export interface NotificationSchedulerOptions {
  database: Database;
  intervalMs: number;
  log: (line: string) => void;
  /** Called after each committed sweep with the live bell pushes for what it recorded. */
  push?: (pushes: ScheduledNotificationPush[]) => void;
  now?: () => Date;
}

/** Sweeps every `intervalMs` (one at a time: a slow sweep delays the next instead of overlapping it) until stopped. */
export function startNotificationScheduler(options: NotificationSchedulerOptions): NotificationScheduler {
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let wake: (() => void) | undefined;
  const now = options.now ?? (() => new Date());

  const loop = async () => {
    while (!stopped) {
      try {
        const sent = await sweepOnce(options.database, now());
        if (sent.length && options.push) options.push(await pushesFor(options.database, sent));
      } catch (error) {
        if (stopped) break;
        if (!isShuttingDown()) options.log(`notifications: the scheduled sweep failed: ${error instanceof Error ? error.message : String(error)}`);
      }
      if (stopped) break;
      await new Promise<void>((resolve) => {
        wake = resolve;
        timer = setTimeout(resolve, options.intervalMs);
      });
    }
  };
  const running = loop();

  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      wake?.();
      await running;
    },
  };
}
