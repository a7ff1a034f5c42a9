import type { ItemState, PlanDocument, PlanItem, PlanSection } from "@/lib/plan-document/schema";

/** The run state of one item as the rows hold it. */
export interface ItemStateRow {
  documentKey: string;
  status: "PENDING" | "DONE" | "SKIPPED" | "FAILED" | "NOT_APPLICABLE";
  statusNote: string | null;
  measuredValue: number | null;
  statusAt: Date | null;
  changedBy: string | null;
}

/**
 * The plan's document with the current state of every item written into it, ready for the
 * Markdown export. The stored document keeps its import-time state; the rows are the truth.
 */
export function documentWithState(document: PlanDocument, rows: readonly ItemStateRow[]): PlanDocument {
  const byKey = new Map(rows.map((row) => [row.documentKey, row]));
  const withItem = (item: PlanItem): PlanItem => {
    const row = byKey.get(item.id);
    const { state: _previous, ...rest } = item;
    const state: ItemState | undefined =
      row && (row.status !== "PENDING" || row.measuredValue !== null)
        ? {
            status: row.status.toLowerCase() as ItemState["status"],
            ...(row.changedBy ? { by: row.changedBy } : {}),
            ...(row.statusAt ? { at: row.statusAt.toISOString() } : {}),
            ...(row.statusNote ? { note: row.statusNote } : {}),
            ...(row.measuredValue !== null ? { measuredValue: row.measuredValue } : {}),
          }
        : undefined;
    return { ...rest, ...(state ? { state } : {}), items: item.items.map(withItem) };
  };
  const withSection = (section: PlanSection): PlanSection => ({
    ...section,
    items: section.items.map(withItem),
    sections: section.sections.map(withSection),
  });
  return { ...document, sections: document.sections.map(withSection) };
}
