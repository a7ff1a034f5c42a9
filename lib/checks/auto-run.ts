import { db } from "@/lib/db";
import { logger } from "@/lib/logger";
import type { PlanEventMessage } from "@/lib/plan-state/events";
import type { PlanStatusName } from "@/lib/plan-state/lifecycle";
import { isSettled, type ItemStatusName } from "@/lib/plans/progress";
import { blockersOf, indexGraph, type DependencyTarget, type GraphSection } from "@/lib/planning/dependency-graph";
import { readItemPlanning } from "@/lib/planning/read-item-planning";

/**
 * Checks marked `auto` run by themselves once the plan is running and every step they wait for
 * is settled. The one writer calls `scheduleAutoChecksAfter` with each committed event; only
 * events that can make a check due (a step settled, the plan started) lead to a look.
 */
export interface AutoCheckCandidate {
  id: string;
  sectionId: string;
  text: string;
  status: ItemStatusName;
  dependsOn: readonly DependencyTarget[];
  /** The step's check has `auto: true`. */
  auto: boolean;
}

/** The steps whose automatic check is due now. Pure. */
export function dueAutoChecks(planStatus: PlanStatusName, items: readonly AutoCheckCandidate[], sections: readonly GraphSection[]): string[] {
  if (planStatus !== "IN_PROGRESS") return [];
  const index = indexGraph({ items, sections });
  return items.filter((item) => item.auto && item.status === "PENDING" && blockersOf(index, item.id).length === 0).map((item) => item.id);
}

/** Whether this event can make an automatic check due. */
export function mayMakeChecksDue(message: PlanEventMessage): boolean {
  const { event } = message;
  if (event.type === "item.changed") return isSettled(event.item.status);
  if (event.type === "plan.status") return event.status === "IN_PROGRESS";
  return event.type === "item.checkSet" || event.type === "item.planned";
}

/** Checks in flight in this process, so two events in a row do not run one check twice. */
const running = new Set<string>();

export function scheduleAutoChecksAfter(message: PlanEventMessage): void {
  if (!mayMakeChecksDue(message)) return;
  setImmediate(() => {
    runDueAutoChecks(message.planId).catch((error: unknown) => logger.warn("automatic checks could not be started", error instanceof Error ? error.message : String(error)));
  });
}

export async function runDueAutoChecks(planId: string): Promise<void> {
  const plan = await db().plan.findUnique({ where: { id: planId }, select: { status: true } });
  if (!plan || plan.status !== "IN_PROGRESS") return;
  const withAuto = await db().planItem.count({ where: { planId, status: "PENDING", httpCheck: { path: ["auto"], equals: true } } });
  if (!withAuto) return;
  const [items, sections, planning] = await Promise.all([
    db().planItem.findMany({ where: { planId }, orderBy: { position: "asc" }, select: { id: true, sectionId: true, text: true, status: true, httpCheck: true } }),
    db().planSection.findMany({ where: { planId }, select: { id: true, parentId: true, title: true } }),
    readItemPlanning(db(), planId),
  ]);
  const due = dueAutoChecks(
    plan.status,
    items.map((item) => ({
      ...item,
      dependsOn: planning[item.id]?.dependsOn ?? [],
      auto: (item.httpCheck as { auto?: unknown } | null)?.auto === true,
    })),
    sections,
  );
  const { runItemCheck } = await import("@/lib/checks/run-item-check");
  await Promise.all(
    due
      .filter((itemId) => !running.has(itemId))
      .map(async (itemId) => {
        running.add(itemId);
        try {
          await runItemCheck(planId, itemId, null);
        } catch (error) {
          logger.warn("an automatic check could not record its result", error instanceof Error ? error.message : String(error));
        } finally {
          running.delete(itemId);
        }
      }),
  );
}
