import type { DatabaseOrTransaction } from "@/lib/db";
import { planDocumentSchema } from "@/lib/plan-document/schema";
import type { PhaseSection, TimelineSectionInput } from "@/lib/timeline/phases";
import { phaseSections } from "@/lib/timeline/phases";
import type { ItemSpan, ScheduleRowInput } from "@/lib/timeline/plan-timeline";
import { scheduleRowsOf } from "@/lib/timeline/schedule-rows";

/** The app's client or a transaction of it (lib/db.ts), so callers read inside theirs. */
type Reader = DatabaseOrTransaction;

/** The plan's sections as the timeline needs them, with their own items, in document order. */
export async function loadPhases(tx: Pick<Reader, "planSection" | "planItem">, planId: string): Promise<PhaseSection[]> {
  const [sections, items] = await Promise.all([
    tx.planSection.findMany({ where: { planId }, orderBy: { position: "asc" } }),
    tx.planItem.findMany({ where: { planId }, orderBy: { position: "asc" }, select: { id: true, sectionId: true, plannedDurationMinutes: true } }),
  ]);
  return phaseSections(sectionInputs(sections, items));
}

export function sectionInputs(
  sections: readonly { id: string; title: string; level: number; parentId: string | null; offsetMinutes: number | null; plannedDurationMinutes: number | null; isRollback: boolean }[],
  items: readonly { id: string; sectionId: string; plannedDurationMinutes?: number | null }[],
): TimelineSectionInput[] {
  const itemsBySection = new Map<string, string[]>();
  const minutesBySection = new Map<string, number>();
  for (const item of items) {
    itemsBySection.set(item.sectionId, [...(itemsBySection.get(item.sectionId) ?? []), item.id]);
    if (item.plannedDurationMinutes != null) minutesBySection.set(item.sectionId, (minutesBySection.get(item.sectionId) ?? 0) + item.plannedDurationMinutes);
  }
  return sections.map((section) => ({
    id: section.id,
    title: section.title,
    level: section.level,
    parentId: section.parentId,
    offsetMinutes: section.offsetMinutes,
    plannedDurationMinutes: section.plannedDurationMinutes,
    isRollback: section.isRollback,
    itemIds: itemsBySection.get(section.id) ?? [],
    itemPlannedMinutes: minutesBySection.get(section.id) ?? null,
  }));
}

/** First and last state change of every item that changed, from the event log. */
export async function loadItemSpans(tx: Pick<Reader, "$queryRaw">, planId: string): Promise<Record<string, ItemSpan>> {
  const rows = await tx.$queryRaw<{ itemId: string; first: Date; last: Date }[]>`
    SELECT payload->'event'->'item'->>'id' AS "itemId", min("createdAt") AS first, max("createdAt") AS last
      FROM "PlanEvent"
     WHERE "planId" = ${planId} AND type = 'item.changed'
     GROUP BY 1`;
  return Object.fromEntries(rows.map((row) => [row.itemId, { first: row.first.getTime(), last: row.last.getTime() }]));
}


/** Phases and schedule rows of a plan already loaded with its structure (its page's query). */
export function timelineStructureOf(plan: {
  document: unknown;
  windowStart: Date | null;
  windowTimeZone: string | null;
  sections: Parameters<typeof sectionInputs>[0];
  items: Parameters<typeof sectionInputs>[1];
}): { phases: PhaseSection[]; schedule: ScheduleRowInput[] } {
  const document = planDocumentSchema.safeParse(plan.document);
  return {
    phases: phaseSections(sectionInputs(plan.sections, plan.items)),
    schedule: document.success ? scheduleRowsOf(document.data, plan.windowStart, plan.windowTimeZone ?? "UTC") : [],
  };
}
