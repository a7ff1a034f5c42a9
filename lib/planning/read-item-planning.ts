import type { DatabaseOrTransaction } from "@/lib/db";
import type { DependencyTargetInput, ItemPlanning, OwnerRefInput } from "@/lib/planning/planning-schema";

/**
 * Owners, dependencies and planned durations of a plan's steps, keyed by item id; only steps
 * that have any of them appear (or, with `itemIds`, exactly those steps).
 */
export async function readItemPlanning(client: DatabaseOrTransaction, planId: string, itemIds?: readonly string[]): Promise<Record<string, ItemPlanning>> {
  const itemFilter = itemIds ? { itemId: { in: [...itemIds] } } : {};
  const [owners, dependencies, durations] = await Promise.all([
    client.planItemOwner.findMany({ where: { planId, ...itemFilter }, orderBy: [{ itemId: "asc" }, { position: "asc" }] }),
    client.planItemDependency.findMany({ where: { planId, ...itemFilter }, orderBy: [{ itemId: "asc" }, { position: "asc" }] }),
    client.planItem.findMany({
      where: itemIds ? { planId, id: { in: [...itemIds] } } : { planId, plannedDurationMinutes: { not: null } },
      select: { id: true, plannedDurationMinutes: true },
    }),
  ]);
  const planning: Record<string, ItemPlanning> = {};
  const of = (itemId: string) => (planning[itemId] ??= { owners: [], dependsOn: [], plannedMinutes: null });
  for (const item of durations) of(item.id).plannedMinutes = item.plannedDurationMinutes;
  for (const owner of owners) of(owner.itemId).owners.push((owner.userId ? { userId: owner.userId } : { title: owner.title! }) satisfies OwnerRefInput);
  for (const dependency of dependencies) {
    of(dependency.itemId).dependsOn.push(
      (dependency.dependsOnItemId ? { itemId: dependency.dependsOnItemId } : { sectionId: dependency.dependsOnSectionId! }) satisfies DependencyTargetInput,
    );
  }
  return planning;
}
