import type { Prisma } from "@/lib/generated/prisma/client";
import { planDocumentSchema } from "@/lib/plan-document/schema";
import type { CheckLiveState } from "@/lib/plan-state/events";
import { checkLiveState } from "@/lib/plan-state/write-time";
import { monitoringSchedule, type MonitoringCheck } from "@/lib/time/monitoring-schedule";
import { rollbackHoldChecks } from "@/lib/time/rollback-monitoring";

const MINUTE = 60_000;

/** Said on the checks of a release that was rolled back before they fell due. */
export const ROLLED_BACK_CHECK_NOTE = "Not needed: the release was rolled back.";

/**
 * Schedules the checks due after the plan finished at `finishedAt`, and returns the plan's
 * whole list when it changed (for the live event), or [] when it did not.
 *
 * A finished release gets the document's monitoring schedule, once: a plan that finishes
 * twice keeps what it got the first time. A rolled-back plan gets only the checks that the
 * rollback holds (none when the lead turned that off), and checks still pending for the
 * release it rolled back are skipped, with a note saying why.
 */
export async function createMonitoringChecks(tx: Prisma.TransactionClient, planId: string, finishedAt: Date, outcome: "COMPLETE" | "PARTIAL" | "ROLLED_BACK"): Promise<CheckLiveState[]> {
  const plan = await tx.plan.findUniqueOrThrow({ where: { id: planId }, select: { document: true, monitorAfterRollback: true } });
  const document = planDocumentSchema.safeParse(plan.document);
  const existing = await tx.monitoringCheck.count({ where: { planId } });

  let schedule: MonitoringCheck[];
  if (outcome === "ROLLED_BACK") {
    const skipped = await tx.monitoringCheck.updateMany({ where: { planId, status: "PENDING" }, data: { status: "SKIPPED", note: ROLLED_BACK_CHECK_NOTE } });
    schedule = plan.monitorAfterRollback ? rollbackHoldChecks(document.success ? document.data : null) : [];
    if (!schedule.length && !skipped.count) return [];
  } else {
    if (existing || !document.success) return [];
    schedule = monitoringSchedule(document.data);
  }

  const rows = schedule.map((entry, index) => ({
    planId,
    position: existing + index,
    label: entry.label,
    offsetMinutes: Math.round(entry.offsetMinutes),
    dueAt: new Date(finishedAt.getTime() + entry.offsetMinutes * MINUTE),
  }));
  await tx.monitoringCheck.createMany({ data: rows });
  const all = await tx.monitoringCheck.findMany({ where: { planId }, orderBy: { position: "asc" }, include: { doneBy: { select: { name: true } } } });
  return all.map((check) => checkLiveState({ ...check, doneBy: check.doneBy }));
}
