import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { planMetrics, type PlanMetricsResult } from "@/lib/metrics/plan-metrics";
import type { PlanEventMessage, PlanEventPayload } from "@/lib/plan-state/events";
import { loadPhases } from "@/lib/timeline/timeline-source";

type Tx = Prisma.TransactionClient;

/** Every event of the plan in order, as messages. */
export async function loadPlanEvents(tx: Pick<Tx, "planEvent">, planId: string): Promise<PlanEventMessage[]> {
  const rows = await tx.planEvent.findMany({ where: { planId }, orderBy: { seq: "asc" }, select: { seq: true, createdAt: true, payload: true } });
  return rows.map((row) => {
    const payload = row.payload as { actor: PlanEventMessage["actor"]; event: PlanEventPayload };
    return { planId, seq: row.seq, at: row.createdAt.toISOString(), actor: payload.actor, event: payload.event };
  });
}

/** The metrics of a plan from its log so far, plus `pending`: the event being written in this transaction. */
export async function computePlanMetrics(tx: Tx, planId: string, options: { pending?: PlanEventMessage; now?: Date } = {}): Promise<PlanMetricsResult> {
  const [plan, events, phases, items] = await Promise.all([
    tx.plan.findUniqueOrThrow({ where: { id: planId }, select: { expectedDurationMinutes: true, expectedDowntimeMinutes: true } }),
    loadPlanEvents(tx, planId),
    loadPhases(tx, planId),
    tx.planItem.findMany({ where: { planId }, select: { id: true, text: true, metric: true } }),
  ]);
  const text = new Map(items.map((item) => [item.id, item.text]));
  const metric = new Map(items.map((item) => [item.id, item.metric]));
  return planMetrics({
    events: options.pending ? [...events, options.pending] : events,
    phases: phases.filter((phase) => !phase.isRollback),
    itemText: (id) => text.get(id) ?? "(removed item)",
    itemMetric: (id) => metric.get(id),
    expectedDurationMinutes: plan.expectedDurationMinutes,
    expectedDowntimeMinutes: plan.expectedDowntimeMinutes,
    now: (options.now ?? new Date()).getTime(),
  });
}

/**
 * Stores a finished plan's metrics in the transaction that finished it, so the dashboard
 * reads one row per plan. A plan rolled back after completing is recomputed the same way.
 */
export async function recordPlanMetrics(tx: Tx, planId: string, finishing: PlanEventMessage): Promise<PlanMetricsResult> {
  const metrics = await computePlanMetrics(tx, planId, { pending: finishing, now: new Date(finishing.at) });
  const row = {
    succeeded: metrics.succeeded,
    rolledBack: metrics.rolledBack,
    durationSeconds: metrics.durationSeconds,
    plannedDurationMinutes: metrics.plannedDurationMinutes,
    downtimeSeconds: metrics.downtimeSeconds,
    expectedDowntimeMinutes: metrics.expectedDowntimeMinutes,
    failedItems: metrics.failedItems,
    skippedItems: metrics.skippedItems,
    meanResolutionSeconds: metrics.meanResolutionSeconds,
    details: {
      phases: metrics.phases,
      failures: metrics.failures,
      downtimePeriods: metrics.downtimePeriods,
      rollbackReason: metrics.rollbackReason,
      outsideTargetItems: metrics.outsideTargetItems,
      stepsAddedDuringRun: metrics.stepsAddedDuringRun,
    } as unknown as Prisma.InputJsonValue,
    computedAt: new Date(finishing.at),
  };
  await tx.planMetrics.upsert({ where: { planId }, create: { planId, ...row }, update: row });
  return metrics;
}

/** A plan's metrics as of now, for its page and its report (running plans count up to now). */
export function loadPlanMetrics(planId: string): Promise<PlanMetricsResult> {
  return db().$transaction((tx) => computePlanMetrics(tx, planId));
}
