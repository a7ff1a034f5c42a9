import type { PlanDocument } from "@/lib/plan-document/schema";
import type { ItemPlanning } from "@/lib/planning/planning-schema";
import { mapItems, withPlanningFields } from "@/lib/plan-document/walk";

interface Rows {
  items: readonly { id: string; documentKey: string; text: string }[];
  sections: readonly { id: string; title: string }[];
}

/**
 * The plan's document with each step's owners, dependencies and planned minutes as the rows
 * hold them now, in the words the importer reads back (lib/planning/imported-planning.ts):
 * owners by name or title, a dependency by the step's text (its id when two steps share the
 * text) or as "section <title>".
 */
export function documentWithPlanning(document: PlanDocument, rows: Rows, planning: Readonly<Record<string, ItemPlanning>>, memberName: (userId: string) => string | undefined): PlanDocument {
  const idByKey = new Map(rows.items.map((item) => [item.documentKey, item.id]));
  const textCount = new Map<string, number>();
  for (const item of rows.items) textCount.set(item.text.trim().toLowerCase(), (textCount.get(item.text.trim().toLowerCase()) ?? 0) + 1);
  const itemLabel = new Map(rows.items.map((item) => [item.id, textCount.get(item.text.trim().toLowerCase()) === 1 && !item.text.includes(";") && !item.text.includes("\n") ? item.text.trim() : item.documentKey]));
  const sectionTitle = new Map(rows.sections.map((section) => [section.id, section.title]));

  return mapItems(document, (item) => {
    const id = idByKey.get(item.id);
    const current = id ? planning[id] : undefined;
    const owners = (current?.owners ?? []).flatMap((owner) => ("userId" in owner ? (memberName(owner.userId) ?? []) : [owner.title]));
    const dependsOn = (current?.dependsOn ?? []).flatMap((target) =>
      "itemId" in target ? (itemLabel.get(target.itemId) ?? []) : sectionTitle.has(target.sectionId) ? [`section ${sectionTitle.get(target.sectionId)}`] : [],
    );
    return withPlanningFields(item, { owners, dependsOn, plannedMinutes: current?.plannedMinutes });
  });
}
