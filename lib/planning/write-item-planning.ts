import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { findDependencyCycle, indexGraph, type PlanGraph } from "@/lib/planning/dependency-graph";
import type { DependencyTargetInput, ItemPlanning, ItemPlanningFields, OwnerRefInput } from "@/lib/planning/planning-schema";
import { readItemPlanning } from "@/lib/planning/read-item-planning";
import type { LockedPlan } from "@/lib/plan-state/lock-plan";

type Tx = Prisma.TransactionClient;

/**
 * Writes a step's owners, dependencies and planned duration, each only when given, after
 * checking them against the plan: owners are members of the plan or sign-off titles the plan
 * knows; dependencies are items or sections of the same plan and close no loop. Runs inside
 * the one writer's transaction, under the plan lock (item.plan, and item.add / item.edit).
 * Returns the step's planning as it now stands.
 */
export async function writeItemPlanning(tx: Tx, plan: Pick<LockedPlan, "id">, itemId: string, fields: ItemPlanningFields): Promise<ItemPlanning> {
  const item = await tx.planItem.findFirst({ where: { id: itemId, planId: plan.id }, select: { id: true } });
  if (!item) throw new AppError("not_found", "This item is not part of the plan.");

  if (fields.owners) {
    const owners = await validOwners(tx, plan.id, fields.owners);
    await tx.planItemOwner.deleteMany({ where: { itemId } });
    await tx.planItemOwner.createMany({
      data: owners.map((owner, position) => ({ planId: plan.id, itemId, position, ...("userId" in owner ? { userId: owner.userId } : { title: owner.title }) })),
    });
  }
  if (fields.dependsOn) {
    const dependsOn = await validDependencies(tx, plan.id, itemId, fields.dependsOn);
    await tx.planItemDependency.deleteMany({ where: { itemId } });
    await tx.planItemDependency.createMany({
      data: dependsOn.map((target, position) => ({
        planId: plan.id,
        itemId,
        position,
        ...("itemId" in target ? { dependsOnItemId: target.itemId } : { dependsOnSectionId: target.sectionId }),
      })),
    });
  }
  if (fields.plannedMinutes !== undefined) {
    await tx.planItem.update({ where: { id: itemId }, data: { plannedDurationMinutes: fields.plannedMinutes } });
  }
  return (await readItemPlanning(tx, plan.id, [itemId]))[itemId]!;
}

/**
 * Each owner once; members by account, titles as a member holds them, a gate asks for them,
 * or a step of the plan is already owned by them (an imported role such as "DBA" that nobody
 * holds yet: re-saving that step's owners must not drop it).
 */
async function validOwners(tx: Tx, planId: string, owners: readonly OwnerRefInput[]): Promise<OwnerRefInput[]> {
  const [members, gateRoles, ownerTitles] = await Promise.all([
    tx.planMember.findMany({ where: { planId }, select: { userId: true, titles: true } }),
    tx.gateRole.findMany({ where: { gate: { planId } }, select: { title: true } }),
    tx.planItemOwner.findMany({ where: { planId, title: { not: null } }, select: { title: true }, distinct: ["title"] }),
  ]);
  const memberIds = new Set(members.map((member) => member.userId));
  // Titles compare without case, and are stored as the plan spells them.
  const known = [...members.flatMap((member) => member.titles), ...gateRoles.map((role) => role.title), ...ownerTitles.flatMap((owner) => (owner.title ? [owner.title] : []))];
  const titles = new Map(known.map((title) => [title.toLowerCase(), title]));
  const unique = new Map<string, OwnerRefInput>();
  for (const owner of owners) {
    if ("userId" in owner) {
      if (!memberIds.has(owner.userId)) throw new AppError("unprocessable", "An owner must be a member of this plan. Add them to the plan first.");
      unique.set(`u:${owner.userId}`, owner);
    } else {
      const title = titles.get(owner.title.toLowerCase());
      if (!title) throw new AppError("unprocessable", `No one on this plan holds the title “${owner.title}”, and no sign-off asks for it.`);
      unique.set(`t:${title.toLowerCase()}`, { title });
    }
  }
  return [...unique.values()];
}

/** Each dependency once, all within the plan, and no loop (409 naming it). */
async function validDependencies(tx: Tx, planId: string, itemId: string, dependsOn: readonly DependencyTargetInput[]): Promise<DependencyTargetInput[]> {
  const unique = new Map(dependsOn.map((target) => ["itemId" in target ? `i:${target.itemId}` : `s:${target.sectionId}`, target]));
  const targets = [...unique.values()];
  if (!targets.length) return [];
  const graph = await loadPlanGraph(tx, planId);
  const itemIds = new Set(graph.items.map((candidate) => candidate.id));
  const sectionIds = new Set(graph.sections.map((section) => section.id));
  for (const target of targets) {
    const known = "itemId" in target ? itemIds.has(target.itemId) : sectionIds.has(target.sectionId);
    if (!known) throw new AppError("unprocessable", "A step can only wait for steps and sections of the same plan.");
  }
  const cycle = findDependencyCycle(indexGraph(graph), itemId, targets);
  if (cycle) throw new AppError("conflict", `These dependencies would make a loop: ${cycle.join(" → ")}.`, { cycle });
  return targets;
}

/** The plan's steps, sections and dependencies, for the loop check. */
export async function loadPlanGraph(tx: Tx, planId: string): Promise<PlanGraph> {
  const [items, sections, dependencies] = await Promise.all([
    tx.planItem.findMany({ where: { planId }, orderBy: { position: "asc" }, select: { id: true, sectionId: true, text: true, status: true } }),
    tx.planSection.findMany({ where: { planId }, orderBy: { position: "asc" }, select: { id: true, parentId: true, title: true } }),
    tx.planItemDependency.findMany({ where: { planId }, orderBy: [{ itemId: "asc" }, { position: "asc" }] }),
  ]);
  const dependsOn = new Map<string, DependencyTargetInput[]>();
  for (const dependency of dependencies) {
    const target = dependency.dependsOnItemId ? { itemId: dependency.dependsOnItemId } : { sectionId: dependency.dependsOnSectionId! };
    dependsOn.set(dependency.itemId, [...(dependsOn.get(dependency.itemId) ?? []), target]);
  }
  return {
    items: items.map((item) => ({ ...item, dependsOn: dependsOn.get(item.id) ?? [] })),
    sections,
  };
}
