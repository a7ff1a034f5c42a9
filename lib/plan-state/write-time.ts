import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { PlanChange } from "@/lib/plan-state/change-schema";
import type { CheckLiveState, DowntimePeriodLive, PlanEventPayload, WindowLiveState } from "@/lib/plan-state/events";
import { FINISHED_STATUSES } from "@/lib/plan-state/lifecycle";
import type { LockedPlan } from "@/lib/plan-state/lock-plan";

type Tx = Prisma.TransactionClient;

/** The lead schedules the window: its start (with time zone) and what it is expected to take. */
export async function writeWindow(tx: Tx, plan: LockedPlan, change: Extract<PlanChange, { type: "plan.window" }>): Promise<PlanEventPayload> {
  if (FINISHED_STATUSES.has(plan.status)) throw new AppError("conflict", "This plan has finished; its window can no longer change.");
  const current = await tx.plan.findUniqueOrThrow({ where: { id: plan.id }, select: { windowStart: true, startedAt: true } });
  const windowStart = change.windowStart === null ? null : new Date(change.windowStart);
  if (current.startedAt && windowStart?.getTime() !== current.windowStart?.getTime()) {
    throw new AppError("conflict", "This plan has started; its scheduled start is history now. You can still change the expected duration and downtime.");
  }
  const updated = await tx.plan.update({
    where: { id: plan.id },
    data: {
      windowStart,
      windowTimeZone: change.timeZone,
      expectedDurationMinutes: change.expectedDurationMinutes,
      expectedDowntimeMinutes: change.expectedDowntimeMinutes,
    },
    select: windowSelect,
  });
  return { type: "plan.window", window: windowLiveState(updated) };
}

export const windowSelect = { windowStart: true, windowTimeZone: true, expectedDurationMinutes: true, expectedDowntimeMinutes: true } as const;

export function windowLiveState(plan: { windowStart: Date | null; windowTimeZone: string | null; expectedDurationMinutes: number | null; expectedDowntimeMinutes: number | null }): WindowLiveState {
  return {
    windowStart: plan.windowStart?.toISOString() ?? null,
    timeZone: plan.windowTimeZone ?? "UTC",
    expectedDurationMinutes: plan.expectedDurationMinutes,
    expectedDowntimeMinutes: plan.expectedDowntimeMinutes,
  };
}

/** The lead marks downtime started or ended; only while the plan runs or rolls back. */
export async function writeDowntime(tx: Tx, plan: LockedPlan, change: Extract<PlanChange, { type: "downtime" }>, at: Date): Promise<PlanEventPayload> {
  if (plan.status !== "IN_PROGRESS" && plan.status !== "ROLLING_BACK") throw new AppError("conflict", "Downtime is recorded while the plan runs; start the plan first.");
  const open = await tx.downtimePeriod.findFirst({ where: { planId: plan.id, endedAt: null } });
  if (change.action === "start") {
    if (open) throw new AppError("conflict", "Downtime is already running; end it first.");
    await tx.downtimePeriod.create({ data: { planId: plan.id, startedAt: at } });
  } else {
    if (!open) throw new AppError("conflict", "There is no downtime running to end.");
    await tx.downtimePeriod.update({ where: { id: open.id }, data: { endedAt: at } });
  }
  return { type: "downtime.changed", action: change.action === "start" ? "started" : "ended", periods: await downtimePeriods(tx, plan.id) };
}

export async function downtimePeriods(tx: Pick<Tx, "downtimePeriod">, planId: string): Promise<DowntimePeriodLive[]> {
  const periods = await tx.downtimePeriod.findMany({ where: { planId }, orderBy: { startedAt: "asc" } });
  return periods.map((period) => ({ id: period.id, startedAt: period.startedAt.toISOString(), endedAt: period.endedAt?.toISOString() ?? null }));
}

/**
 * The lead flags an item whose tick starts or ends the downtime ("Stop application"). One item
 * holds each flag: flagging another moves it there, in the same transaction.
 */
export async function writeItemFlag(tx: Tx, plan: LockedPlan, change: Extract<PlanChange, { type: "item.flag" }>): Promise<PlanEventPayload> {
  if (change.downtimeMarker) {
    await tx.planItem.updateMany({ where: { planId: plan.id, downtimeMarker: change.downtimeMarker, id: { not: change.itemId } }, data: { downtimeMarker: null } });
  }
  const updated = await tx.planItem.updateMany({ where: { id: change.itemId, planId: plan.id }, data: { downtimeMarker: change.downtimeMarker } });
  if (updated.count !== 1) throw new AppError("not_found", "This item is not part of the plan.");
  return { type: "item.flagged", itemId: change.itemId, downtimeMarker: change.downtimeMarker };
}

/** A monitoring check ticked done or skipped (or set back), like an item. */
export async function writeCheckStatus(tx: Tx, plan: LockedPlan, change: Extract<PlanChange, { type: "check.status" }>, actor: { id: string; name: string }, at: Date): Promise<PlanEventPayload> {
  const check = await tx.monitoringCheck.findFirst({ where: { id: change.checkId, planId: plan.id } });
  if (!check) throw new AppError("not_found", "This monitoring check is not part of the plan.");
  const settled = change.status !== "PENDING";
  const updated = await tx.monitoringCheck.update({
    where: { id: check.id },
    data: { status: change.status, note: settled ? (change.note ?? null) : null, doneAt: settled ? at : null, doneById: settled ? actor.id : null },
    include: { doneBy: { select: { name: true } } },
  });
  return { type: "check.changed", check: checkLiveState(updated) };
}

export function checkLiveState(check: {
  id: string;
  label: string;
  offsetMinutes: number;
  dueAt: Date;
  status: CheckLiveState["status"];
  note: string | null;
  doneAt: Date | null;
  doneBy?: { name: string } | null;
}): CheckLiveState {
  return {
    id: check.id,
    label: check.label,
    offsetMinutes: check.offsetMinutes,
    dueAt: check.dueAt.toISOString(),
    status: check.status,
    note: check.note,
    doneAt: check.doneAt?.toISOString() ?? null,
    doneBy: check.doneBy?.name ?? null,
  };
}
