import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { PlanChange } from "@/lib/plan-state/change-schema";
import type { PlanEventPayload } from "@/lib/plan-state/events";
import { FINISHED_STATUSES, planTransition } from "@/lib/plan-state/lifecycle";
import type { LockedPlan } from "@/lib/plan-state/lock-plan";
import { gatedActionBlock } from "@/lib/plan-state/write-signoff";
import type { Actor } from "@/lib/plan-state/plan-access";
import { READINESS_HOLD_ID, type GateHold, type GateOverrideRecord, type OverrideActionName } from "@/lib/signoffs/gate-blocks";
import { loadPlanReadiness } from "@/lib/readiness/load-plan-readiness";
import { describeReadiness } from "@/lib/readiness/plan-readiness";
import { recordPlanMetrics } from "@/lib/metrics/record-plan-metrics";
import { createMonitoringChecks } from "@/lib/plan-state/monitoring-checks";

/** Start, complete, finish as partial, abort, roll back: the plan status transitions. */
type LifecycleChange = Extract<PlanChange, { type: "plan.lifecycle" }>;

export async function writeLifecycleChange(tx: Prisma.TransactionClient, plan: LockedPlan, change: LifecycleChange, now: Date, actor: Pick<Actor, "name">): Promise<PlanEventPayload> {
  const items = await tx.planItem.findMany({
    where: { planId: plan.id },
    select: { id: true, text: true, required: true, status: true, section: { select: { isRollback: true } } },
    orderBy: { position: "asc" },
  });
  const result = planTransition(
    plan.status,
    change.action,
    items.map((item) => ({ id: item.id, text: item.text, required: item.required, status: item.status, isRollback: item.section.isRollback })),
  );
  if (!result.ok) {
    throw new AppError(result.reason === "items-open" ? "unprocessable" : "conflict", result.message, result.reason === "items-open" ? { openItems: result.openItems } : undefined);
  }
  const override = await overrideOrRefuse(tx, plan, change, now, actor);
  const finished = FINISHED_STATUSES.has(result.to);
  const updated = await tx.plan.update({
    where: { id: plan.id },
    data: {
      status: result.to,
      ...(change.action === "start" ? { startedAt: now } : {}),
      ...(finished ? { finishedAt: now } : { finishedAt: null }),
      ...(change.action === "trigger-rollback" ? { rollbackReason: change.reason ?? null } : {}),
    },
    select: { startedAt: true, finishedAt: true },
  });
  const event: Extract<PlanEventPayload, { type: "plan.status" }> = {
    type: "plan.status",
    status: result.to,
    previousStatus: plan.status,
    reason: change.reason ?? null,
    trigger: change.trigger ?? null,
    startedAt: updated.startedAt?.toISOString() ?? null,
    finishedAt: updated.finishedAt?.toISOString() ?? null,
    ...(override ? { override } : {}),
  };
  if (!finished) return event;
  // The figures and the monitoring schedule belong to the finish itself: same transaction.
  await recordPlanMetrics(tx, plan.id, { planId: plan.id, seq: plan.lastSeq + 1, at: now.toISOString(), actor: null, event });
  const outcome = result.to;
  const checks = outcome === "COMPLETE" || outcome === "PARTIAL" || outcome === "ROLLED_BACK" ? await createMonitoringChecks(tx, plan.id, now, outcome) : [];
  return checks.length ? { ...event, checks } : event;
}

const OVERRIDE_ACTION: Partial<Record<LifecycleChange["action"], OverrideActionName>> = { schedule: "SCHEDULE", start: "START", complete: "COMPLETE" };

/**
 * Start and Complete wait for the sign-off gates that hold them back; Schedule and Start wait
 * for the readiness check. Either is refused (409, naming every problem) unless the lead goes
 * ahead with a reason: then the override is stored with what was passed over, and returned.
 */
async function overrideOrRefuse(tx: Prisma.TransactionClient, plan: LockedPlan, change: LifecycleChange, now: Date, actor: Pick<Actor, "name">): Promise<GateOverrideRecord | undefined> {
  const action = OVERRIDE_ACTION[change.action];
  if (!action) return undefined;
  const blocked = change.action === "start" || change.action === "complete" ? await gatedActionBlock(tx, plan.id, change.action) : null;
  const readiness = change.action === "schedule" || change.action === "start" ? await loadPlanReadiness(tx, plan.id) : [];
  if (!blocked && !readiness.length) return undefined;

  if (!change.override) {
    const message = [blocked?.message, readiness.length ? describeReadiness(change.action === "schedule" ? "Schedule" : "Start", readiness) : null].filter(Boolean).join(" ");
    throw new AppError("conflict", message, { ...(blocked ? { gateHolds: blocked.holds } : {}), ...(readiness.length ? { readiness } : {}), overridable: true });
  }
  const holds: GateHold[] = [...(blocked?.holds ?? []), ...(readiness.length ? [{ gateId: READINESS_HOLD_ID, title: "Readiness check", missing: readiness.map((problem) => problem.message) }] : [])];
  // Stored, not only in the event: the banner, the export and the report show it for as long as the plan exists.
  const record = await tx.gateOverride.create({
    data: { planId: plan.id, action, reason: change.override.reason, gates: holds as unknown as Prisma.InputJsonValue, byName: actor.name, createdAt: now },
    select: { id: true },
  });
  return { id: record.id, action, reason: change.override.reason, gates: holds, byName: actor.name, at: now.toISOString() };
}
