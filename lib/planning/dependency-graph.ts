import { isSettled, type ItemStatusName } from "@/lib/plans/progress";

/**
 * Dependencies between a plan's steps, as pure rules: who blocks a step, whether a new set of
 * dependencies closes a loop, and which steps are next for a person. No database here; the
 * writer (write-item-planning.ts), the tick path and the live page all call these.
 */

export type DependencyTarget = { itemId: string } | { sectionId: string };
export type OwnerRef = { userId: string } | { title: string };

export interface GraphItem {
  id: string;
  sectionId: string;
  text: string;
  status: ItemStatusName;
  dependsOn: readonly DependencyTarget[];
}

export interface GraphSection {
  id: string;
  parentId: string | null;
  title: string;
}

export interface PlanGraph {
  items: readonly GraphItem[];
  sections: readonly GraphSection[];
}

/** A step that holds another back: an unsettled item, named by its text. */
export interface Blocker {
  itemId: string;
  text: string;
}

/** Indexes built once per graph; a page of 1 000 steps asks for every step's blockers. */
export interface GraphIndex {
  items: Map<string, GraphItem>;
  sections: Map<string, GraphSection>;
  /** Every item of a section and of its subsections, in plan order. */
  itemsUnderSection: Map<string, GraphItem[]>;
}

export function indexGraph(graph: PlanGraph): GraphIndex {
  const items = new Map(graph.items.map((item) => [item.id, item]));
  const sections = new Map(graph.sections.map((section) => [section.id, section]));
  const itemsUnderSection = new Map<string, GraphItem[]>();
  for (const item of graph.items) {
    // Walk up the section tree; the seen set guards against a malformed parent loop.
    const seen = new Set<string>();
    for (let sectionId: string | null = item.sectionId; sectionId && !seen.has(sectionId); sectionId = sections.get(sectionId)?.parentId ?? null) {
      seen.add(sectionId);
      const list = itemsUnderSection.get(sectionId);
      if (list) list.push(item);
      else itemsUnderSection.set(sectionId, [item]);
    }
  }
  return { items, sections, itemsUnderSection };
}

/** The items a dependency stands for: the item itself, or every item of the section. */
function itemsOfTarget(index: GraphIndex, target: DependencyTarget): GraphItem[] {
  if ("itemId" in target) {
    const item = index.items.get(target.itemId);
    return item ? [item] : [];
  }
  return index.itemsUnderSection.get(target.sectionId) ?? [];
}

/**
 * The unsettled steps an item waits for, in the order its dependencies name them, each once.
 * A section dependency waits for every item of the section (the writer refuses an item that
 * waits for its own section, as a loop; an item is skipped here all the same).
 */
export function blockersOf(index: GraphIndex, itemId: string): Blocker[] {
  const item = index.items.get(itemId);
  if (!item) return [];
  const blockers: Blocker[] = [];
  const seen = new Set<string>([itemId]);
  for (const target of item.dependsOn) {
    for (const predecessor of itemsOfTarget(index, target)) {
      if (seen.has(predecessor.id)) continue;
      seen.add(predecessor.id);
      if (!isSettled(predecessor.status)) blockers.push({ itemId: predecessor.id, text: predecessor.text });
    }
  }
  return blockers;
}

/** "Waiting for Deploy, Smoke test and 3 more". */
export function describeBlockers(blockers: readonly Blocker[], shown = 3): string {
  const names = blockers.slice(0, shown).map((blocker) => shortLabel(blocker.text));
  const rest = blockers.length - names.length;
  return `Waiting for ${names.join(", ")}${rest > 0 ? ` and ${rest} more` : ""}`;
}

const LABEL_LENGTH = 60;

/** A step's text cut to a readable length for messages. */
export function shortLabel(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > LABEL_LENGTH ? `${flat.slice(0, LABEL_LENGTH - 1)}…` : flat;
}

type Node = `i:${string}` | `s:${string}`;

/**
 * The loop that giving `itemId` these dependencies would close, as labels from the item back
 * to itself ("Deploy → Smoke test → Deploy"), or null when there is none. A section stands for
 * all its items, so waiting for the section one sits in is a loop too.
 */
export function findDependencyCycle(index: GraphIndex, itemId: string, dependsOn: readonly DependencyTarget[]): string[] | null {
  const start: Node = `i:${itemId}`;
  const successors = (node: Node): Node[] => {
    const id = node.slice(2);
    if (node.startsWith("s:")) return (index.itemsUnderSection.get(id) ?? []).map((item): Node => `i:${item.id}`);
    const targets = id === itemId ? dependsOn : (index.items.get(id)?.dependsOn ?? []);
    return targets.map((target): Node => ("itemId" in target ? `i:${target.itemId}` : `s:${target.sectionId}`));
  };
  // Iterative depth-first search from the item; the first path back to it is the loop.
  const cameFrom = new Map<Node, Node>();
  const stack: Node[] = [start];
  const visited = new Set<Node>([start]);
  while (stack.length) {
    const node = stack.pop()!;
    for (const next of successors(node)) {
      if (next === start) return labelPath(index, [...pathTo(cameFrom, node), start]);
      if (visited.has(next)) continue;
      visited.add(next);
      cameFrom.set(next, node);
      stack.push(next);
    }
  }
  return null;
}

function pathTo(cameFrom: Map<Node, Node>, node: Node): Node[] {
  const path: Node[] = [node];
  for (let previous = cameFrom.get(node); previous; previous = cameFrom.get(previous)) path.unshift(previous);
  return path;
}

function labelPath(index: GraphIndex, path: Node[]): string[] {
  return path.map((node) => {
    const id = node.slice(2);
    if (node.startsWith("s:")) return `section “${shortLabel(index.sections.get(id)?.title ?? id)}”`;
    return shortLabel(index.items.get(id)?.text ?? id);
  });
}

/** The person the Mine filter and Up next list are for: their account and their titles on this plan. */
export interface PlanPerson {
  userId: string;
  titles: readonly string[];
}

/** Whether the person owns the step, directly or through a sign-off title they hold on the plan. */
export function ownsItem(owners: readonly OwnerRef[], person: PlanPerson): boolean {
  return owners.some((owner) => ("userId" in owner ? owner.userId === person.userId : person.titles.includes(owner.title)));
}

/**
 * The person's next steps: pending, owned by them, and not waiting for anything, in plan
 * order (the graph's item order).
 */
export function upNextFor(index: GraphIndex, graph: PlanGraph, ownersOf: (itemId: string) => readonly OwnerRef[], person: PlanPerson): GraphItem[] {
  return graph.items.filter((item) => item.status === "PENDING" && ownsItem(ownersOf(item.id), person) && blockersOf(index, item.id).length === 0);
}
