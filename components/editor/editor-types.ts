/**
 * The editor's view of the plan and the structural changes it sends: the ONE place that
 * knows how today's live structure maps to them. C1 adds these change types to
 * lib/plan-state/change-schema.ts and a `version` per section to the live state; once that is
 * merged, `StructuralChange` becomes the matching members of `PlanChange`, `asPlanChange`
 * goes away, and `sectionVersionOf` reads the live state — nothing else in the editor changes.
 */
import type { HttpCheck } from "@/lib/checks/check-spec";
import type { PlanChange } from "@/lib/plan-state/change-schema";
import type { PlanLiveState } from "@/lib/plan-state/live-state";
import type { MetricComparator } from "@/lib/plan-document/schema";
import type { LiveSectionStructure } from "@/lib/plans/plan-view";
import type { ItemStatusName } from "@/lib/plans/progress";
import type { ItemPlanning } from "@/lib/planning/planning-schema";
import { EMPTY_PLANNING } from "@/components/editor/planning-fields";

export interface EditorCommand {
  language?: string;
  code: string;
}

export interface EditorMetric {
  label: string;
  unit: string;
  comparator: MetricComparator;
  target: number;
}

/** Fields a step's edit form changes (the optional fields of `item.add` and `item.edit`). */
export interface ItemFields {
  text: string;
  notes: string;
  commands: EditorCommand[];
  required: boolean;
  critical: boolean;
  metric: EditorMetric | null;
}

export type StructuralChange =
  | { type: "section.add"; title: string; parentSectionId?: string; afterSectionId?: string }
  | { type: "section.edit"; sectionId: string; expectedVersion: number; title?: string; plannedMinutes?: number }
  | { type: "section.move"; sectionId: string; expectedVersion: number; parentSectionId?: string | null; afterSectionId?: string | null }
  | { type: "section.remove"; sectionId: string; expectedVersion: number }
  | ({ type: "item.add"; sectionId: string; afterItemId?: string; parentItemId?: string } & Pick<ItemFields, "text"> & Partial<Omit<ItemFields, "text" | "metric">> & { metric?: EditorMetric } & Partial<ItemPlanning>)
  | ({ type: "item.plan"; itemId: string; expectedVersion: number } & Partial<ItemPlanning>)
  | ({ type: "item.edit"; itemId: string; expectedVersion: number } & Partial<Omit<ItemFields, "metric">> & { metric?: EditorMetric | null })
  | { type: "item.move"; itemId: string; expectedVersion: number; sectionId: string; afterItemId?: string | null; parentItemId?: string | null }
  | { type: "item.remove"; itemId: string; expectedVersion: number }
  | { type: "plan.undo" }
  | { type: "item.check"; itemId: string; expectedVersion: number; check: HttpCheck | null };

export interface EditorItem extends ItemFields {
  id: string;
  version: number;
  status: ItemStatusName;
  parentItemId: string | null;
  depth: number;
  addedDuringRun: boolean;
  /** Owners, what it waits for and planned minutes (empty when none). */
  planning: ItemPlanning;
  /** The step's HTTP check (lib/checks/), or null. */
  check: HttpCheck | null;
}

export interface EditorSection {
  id: string;
  title: string;
  version: number;
  parentSectionId: string | null;
  depth: number;
  items: EditorItem[];
}

/** Until C1's change schema knows the structural changes, they travel as plan changes. */
export function asPlanChange(change: StructuralChange): PlanChange {
  return change as unknown as PlanChange;
}

/** Whether the lead added the step once the run had started. */
export function isAddedDuringRun(item: LiveSectionStructure["items"][number]): boolean {
  return item.addedDuringRun === true;
}

/** A section's version for `expectedVersion`; C1 adds it to the live state (0 until then). */
export function sectionVersionOf(state: PlanLiveState, sectionId: string): number {
  return state.sectionVersions?.[sectionId] ?? 0;
}

/**
 * The editor's outline from the page's structure and live state: parents from the heading
 * levels (sections) and depths (steps), versions and states from the live state.
 */
export function editorSectionsOf(structure: readonly LiveSectionStructure[], state: PlanLiveState): EditorSection[] {
  const openSections: { id: string; level: number }[] = [];
  return structure.map((section) => {
    while (openSections.length && openSections.at(-1)!.level >= section.level) openSections.pop();
    const parentSectionId = openSections.at(-1)?.id ?? null;
    const depth = openSections.length;
    openSections.push({ id: section.id, level: section.level });

    const openItems: string[] = [];
    const items = section.items.map((item): EditorItem => {
      openItems.length = Math.min(openItems.length, item.depth);
      const parentItemId = item.depth > 0 ? (openItems[item.depth - 1] ?? null) : null;
      openItems[item.depth] = item.id;
      const live = state.items[item.id];
      return {
        id: item.id,
        text: item.text,
        notes: item.details ?? "",
        commands: item.commands.map((command) => ({ language: command.language || undefined, code: command.code })),
        required: item.required,
        critical: item.critical,
        metric: item.metric ? { ...item.metric, comparator: item.metric.comparator as MetricComparator } : null,
        version: live?.version ?? 0,
        status: live?.status ?? "PENDING",
        parentItemId,
        depth: item.depth,
        addedDuringRun: isAddedDuringRun(item),
        planning: state.planning?.[item.id] ?? EMPTY_PLANNING,
        check: item.check ?? null,
      };
    });
    return { id: section.id, title: section.title, version: sectionVersionOf(state, section.id), parentSectionId, depth, items };
  });
}
