import type { Prisma } from "@/lib/generated/prisma/client";
import { planDocumentSchema } from "@/lib/plan-document/schema";
import type { CheckLiveState } from "@/lib/plan-state/events";
import { checkLiveState } from "@/lib/plan-state/write-time";
import { monitoringSchedule } from "@/lib/time/monitoring-schedule";

const MINUTE = 60_000;

/**
 * Turns the document's monitoring schedule into checks due after `finishedAt`. A plan that
 * finishes twice (completed, then rolled back) keeps the checks it got the first time.
 */
export async function createMonitoringChecks(tx: Prisma.TransactionClient, planId: string, finishedAt: Date): Promise<CheckLiveState[]> {
  if (await tx.monitoringCheck.count({ where: { planId } })) return [];
  const plan = await tx.plan.findUniqueOrThrow({ where: { id: planId }, select: { document: true } });
  const document = planDocumentSchema.safeParse(plan.document);
  if (!document.success) return [];
  const schedule = monitoringSchedule(document.data);
  const rows = schedule.map((entry, position) => ({
    planId,
    position,
    label: entry.label,
    offsetMinutes: Math.round(entry.offsetMinutes),
    dueAt: new Date(finishedAt.getTime() + entry.offsetMinutes * MINUTE),
  }));
  await tx.monitoringCheck.createMany({ data: rows });
  const created = await tx.monitoringCheck.findMany({ where: { planId }, orderBy: { position: "asc" } });
  return created.map((check) => checkLiveState({ ...check, doneBy: null }));
}
