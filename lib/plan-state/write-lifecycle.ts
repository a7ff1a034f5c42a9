import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { PlanChange } from "@/lib/plan-state/change-schema";
import type { PlanEventPayload } from "@/lib/plan-state/events";
import { FINISHED_STATUSES, planTransition } from "@/lib/plan-state/lifecycle";
import type { LockedPlan } from "@/lib/plan-state/lock-plan";
import { gatedActionBlock } from "@/lib/plan-state/write-signoff";
import type { Actor } from "@/lib/plan-state/plan-access";
import type { GateOverrideRecord } from "@/lib/signoffs/gate-blocks";
import { recordPlanMetrics } from "@/lib/metrics/record-plan-metrics";
import { createMonitoringChecks } from "@/lib/plan-state/monitoring-checks";

/** Start, complete, finish as partial, abort, roll back: the plan status transitions. */
export async function writeLifecycleChange(tx: Prisma.TransactionClient, plan: LockedPlan, change: Extract<PlanChange, { type: "plan.lifecycle" }>, now: Date, actor: Pick<Actor, "name">): Promise<PlanEventPayload> {
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
  let override: GateOverrideRecord | undefined;
  if (change.action === "start" || change.action === "complete") {
    const blocked = await gatedActionBlock(tx, plan.id, change.action);
    if (blocked && !change.override) throw new AppError("conflict", blocked.message, { gateHolds: blocked.holds, overridable: true });
    if (blocked && change.override) {
      // Stored, not only in the event: the banner, the export and the report show it for as long as the plan exists.
      const record = await tx.gateOverride.create({
        data: { planId: plan.id, action: change.action === "start" ? "START" : "COMPLETE", reason: change.override.reason, gates: blocked.holds as unknown as Prisma.InputJsonValue, byName: actor.name, createdAt: now },
        select: { id: true },
      });
      override = { id: record.id, action: change.action === "start" ? "START" : "COMPLETE", reason: change.override.reason, gates: blocked.holds, byName: actor.name, at: now.toISOString() };
    }
  }
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
