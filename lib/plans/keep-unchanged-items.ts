import type { LiveSectionStructure } from "@/lib/plans/plan-view";

type LiveItemStructure = LiveSectionStructure["items"][number];

/**
 * The plan page's structure after a refetch, with every step that reads exactly as before kept
 * as the very same object: the page's rows are memoized, so an edit of one step (which refetches
 * the whole structure) re-renders that step's row, not all of them. Pure: a step compared by its
 * serialized form, which the server builds the same way each time; at worst a row renders once more.
 */
export function keepUnchangedItems(previous: readonly LiveSectionStructure[], next: LiveSectionStructure[]): LiveSectionStructure[] {
  const before = new Map<string, { item: LiveItemStructure; serialized: string }>();
  for (const section of previous) for (const item of section.items) before.set(item.id, { item, serialized: JSON.stringify(item) });
  return next.map((section) => ({
    ...section,
    items: section.items.map((item) => {
      const earlier = before.get(item.id);
      return earlier && earlier.serialized === JSON.stringify(item) ? earlier.item : item;
    }),
  }));
}
