import type { NotificationToSend } from "@/lib/notifications/notify";
import type { NotificationRule } from "@/lib/notifications/rules/notification-rule";
import { loadPlanAudience, planEventOf, quoted, type AudienceMember, type PlanAudience } from "@/lib/notifications/rules/plan-audience";
import { blockersOf, indexGraph, shortLabel, type OwnerRef } from "@/lib/planning/dependency-graph";
import type { ItemPlanning } from "@/lib/planning/planning-schema";
import { readItemPlanning } from "@/lib/planning/read-item-planning";
import type { PlanEventPayload } from "@/lib/plan-state/events";
import { isSettled, type ItemStatusName } from "@/lib/plans/progress";

export interface StepSection {
  id: string;
  parentId: string | null;
  title: string;
  isRollback: boolean;
}

/** A step of the plan, in plan order (the caller sorts by position). */
export interface Step {
  id: string;
  sectionId: string;
  text: string;
  status: ItemStatusName;
}

/**
 * Events after which a step may have come up: a tick, a change of what a step waits for, the
 * start, and a change of the plan's order (a step added, moved or removed changes which step
 * comes before which).
 */
const REORDERING_EVENTS: ReadonlySet<string> = new Set(["item.added", "item.moved", "item.removed", "section.moved", "section.removed"]);

export function mayBringStepsUp(payload: PlanEventPayload): boolean {
  if (payload.type === "item.changed" || payload.type === "item.planned" || REORDERING_EVENTS.has(payload.type)) return true;
  return payload.type === "plan.status" && payload.status === "IN_PROGRESS";
}

/** The members an owner list names: people who are still members, and whoever holds a named title. */
export function ownerMembers(owners: readonly OwnerRef[], members: readonly AudienceMember[]): AudienceMember[] {
  return members.filter((member) => owners.some((owner) => ("userId" in owner ? owner.userId === member.userId : member.titles.includes(owner.title))));
}

/**
 * The steps that are up next while the plan runs: pending, owned by someone, and with their
 * predecessors settled. A step's predecessors are its dependencies; a step without any waits
 * for the step before it in plan order (section order), as the plan is read before owners and
 * dependencies are set. Rollback sections are left out: they only run when rolling back.
 */
export function stepsUpNext(plan: PlanAudience, sections: readonly StepSection[], steps: readonly Step[], planning: Readonly<Record<string, ItemPlanning>>): NotificationToSend[] {
  if (plan.status !== "IN_PROGRESS") return [];
  const rollbackSections = new Set(sections.filter((section) => section.isRollback).map((section) => section.id));
  const forward = steps.filter((step) => !rollbackSections.has(step.sectionId));
  const index = indexGraph({ sections, items: forward.map((step) => ({ ...step, dependsOn: planning[step.id]?.dependsOn ?? [] })) });

  const notices: NotificationToSend[] = [];
  forward.forEach((step, position) => {
    const stepPlanning = planning[step.id];
    if (step.status !== "PENDING" || !stepPlanning?.owners.length) return;
    const previous = forward[position - 1];
    const ready = stepPlanning.dependsOn.length ? blockersOf(index, step.id).length === 0 : !previous || isSettled(previous.status);
    if (!ready) return;
    for (const owner of ownerMembers(stepPlanning.owners, plan.members)) {
      notices.push({
        userId: owner.userId,
        planId: plan.planId,
        kind: "STEP_UP_NEXT",
        title: `Your step is next: ${quoted(shortLabel(step.text))} in ${quoted(plan.title)}`,
        body: "What it waits for is settled; you can start it.",
        href: `/plans/${plan.planId}#item-${step.id}`,
        dedupeKey: `step-next:${step.id}`,
      });
    }
  });
  return notices;
}

export const stepUpNextRule: NotificationRule = async (event, tx) => {
  const payload = planEventOf(event);
  if (!payload || !mayBringStepsUp(payload)) return [];
  const plan = await loadPlanAudience(tx, event.planId);
  if (!plan || plan.status !== "IN_PROGRESS") return [];
  const [sections, steps, planning] = await Promise.all([
    tx.planSection.findMany({ where: { planId: event.planId }, orderBy: { position: "asc" }, select: { id: true, parentId: true, title: true, isRollback: true } }),
    tx.planItem.findMany({ where: { planId: event.planId }, orderBy: { position: "asc" }, select: { id: true, sectionId: true, text: true, status: true } }),
    readItemPlanning(tx, event.planId),
  ]);
  return stepsUpNext(plan, sections, steps, planning);
};
