import { blockersOf, indexGraph, ownsItem, shortLabel, upNextFor, type Blocker, type GraphIndex, type OwnerRef, type PlanGraph, type PlanPerson } from "@/lib/planning/dependency-graph";
import type { ItemPlanning } from "@/lib/planning/planning-schema";
import type { ItemStatusName } from "@/lib/plans/progress";

/**
 * What the plan page shows of owners and dependencies, from its live state: pure, so the page
 * recomputes it on each event without asking the server, and tests can check it.
 */
export interface PlanningSection {
  id: string;
  parentId: string | null;
  title: string;
  items: readonly { id: string; text: string }[];
}

export interface PlanningMember {
  userId: string;
  name: string;
  titles: readonly string[];
}

/** An owner as the page shows it: a person by name, or a title with whoever holds it now. */
export interface ResolvedOwner {
  label: string;
  /** For a title: the names of its holders on the plan (none when nobody holds it). */
  holders?: string[];
}

export interface LivePlanning {
  index: GraphIndex;
  blockers(itemId: string): Blocker[];
  owners(itemId: string): ResolvedOwner[];
  plannedMinutes(itemId: string): number | null;
  /** Whether `person` owns the step, directly or through a title they hold on the plan. */
  isMine(itemId: string, person: PlanPerson): boolean;
  /** The person's pending steps whose predecessors are settled, in plan order. */
  upNext(person: PlanPerson): { id: string; text: string }[];
}

const NO_PLANNING: ItemPlanning = { owners: [], dependsOn: [], plannedMinutes: null };

export function livePlanning(
  sections: readonly PlanningSection[],
  statusOf: (itemId: string) => ItemStatusName,
  planning: Readonly<Record<string, ItemPlanning>>,
  members: readonly PlanningMember[],
): LivePlanning {
  const planningOf = (itemId: string) => planning[itemId] ?? NO_PLANNING;
  const graph: PlanGraph = {
    sections: sections.map(({ id, parentId, title }) => ({ id, parentId, title })),
    items: sections.flatMap((section) =>
      section.items.map((item) => ({ id: item.id, sectionId: section.id, text: item.text, status: statusOf(item.id), dependsOn: planningOf(item.id).dependsOn })),
    ),
  };
  const index = indexGraph(graph);
  const names = namesOf(members);
  const ownersOf = (itemId: string): readonly OwnerRef[] => planningOf(itemId).owners;
  const mine = (itemId: string, person: PlanPerson) => ownsItem(ownersOf(itemId), person);
  return {
    index,
    blockers: (itemId) => blockersOf(index, itemId),
    owners: (itemId) => resolveOwners(ownersOf(itemId), members, names),
    plannedMinutes: (itemId) => planningOf(itemId).plannedMinutes,
    isMine: mine,
    upNext: (person) => upNextFor(index, graph, ownersOf, person).map((item) => ({ id: item.id, text: shortLabel(item.text) })),
  };
}

function namesOf(members: readonly PlanningMember[]): Map<string, string> {
  return new Map(members.map((member) => [member.userId, member.name]));
}

/** Owners as the page shows them: people by name, titles with whoever holds them on the plan now. */
export function resolveOwners(owners: readonly OwnerRef[], members: readonly PlanningMember[], names = namesOf(members)): ResolvedOwner[] {
  return owners.map((owner) =>
    "userId" in owner
      ? { label: names.get(owner.userId) ?? "a former member" }
      : { label: owner.title, holders: members.filter((member) => member.titles.includes(owner.title)).map((member) => member.name) },
  );
}
