import { db } from "@/lib/db";
import { allItems } from "@/lib/plan-document/walk";
import { loadStructure } from "@/lib/plan-editing/structure-store";
import { STRUCTURE_EVENT_TYPES, type StructureEventPayload } from "@/lib/plan-editing/structure-events";
import { diffPlanText, type DiffPart } from "@/lib/plan-history/diff-outlines";
import { structuralEditsOf, type StructuralEdit } from "@/lib/plan-history/list-structural-edits";
import { outlineText, rewind, type TextOutline } from "@/lib/plan-history/outline-at";
import { assertMayRead, type Actor } from "@/lib/plan-state/plan-access";
import { readDocumentPartEdits } from "@/lib/document-parts/history-entries";

/** Beyond this many structural edits the history shows the newest ones and rewinds no further. */
export const MAX_HISTORY_EDITS = 5_000;

export interface PlanHistory {
  /** Newest first. */
  edits: StructuralEdit[];
  /** The plan now against the document it was created from (its structure before any edit). */
  sinceCreation: DiffPart[];
  /** The plan now against the plan at `at`, when asked. */
  sinceTime: { at: string; diff: DiffPart[] } | null;
  truncated: boolean;
}

/** The structural edits of a plan and the diffs the Changes view shows, for anyone who may read the plan. */
export async function readPlanHistory(planId: string, actor: Actor, options: { at?: Date } = {}): Promise<PlanHistory> {
  await assertMayRead(planId, actor);
  return db().$transaction(
    async (tx) => {
      const rows = await tx.planEvent.findMany({
        where: { planId, type: { in: [...STRUCTURE_EVENT_TYPES] } },
        orderBy: { seq: "desc" },
        take: MAX_HISTORY_EDITS + 1,
        select: { seq: true, createdAt: true, payload: true, actor: { select: { name: true } } },
      });
      const truncated = rows.length > MAX_HISTORY_EDITS;
      const events = rows.slice(0, MAX_HISTORY_EDITS).map((row) => {
        const payload = row.payload as unknown as { actor: { name: string } | null; event: StructureEventPayload };
        return { seq: row.seq, at: row.createdAt, actor: row.actor?.name ?? payload.actor?.name ?? null, event: payload.event };
      });
      const { outline, document } = await loadStructure(tx, planId);
      const entries = new Map(allItems(document).map((entry) => [entry.id, entry]));
      const now: TextOutline = {
        outline,
        content: new Map(
          outline.items.map((item) => {
            const entry = entries.get(item.documentKey);
            return [item.id, { notes: entry?.details ?? null, commands: entry?.commands ?? [] }];
          }),
        ),
      };
      const nowText = outlineText(now);
      const titles = new Map<string, string>();
      for (const { event } of events) {
        if (event.type === "section.added" || event.type === "section.edited" || event.type === "section.moved") titles.set(event.section.id, event.section.title);
        if (event.type === "section.removed") for (const section of event.removed.sections) titles.set(section.id, section.title);
      }
      for (const section of outline.sections) titles.set(section.id, section.title);
      const atCreation = rewind(now, events.map((entry) => entry.event));
      const sinceTime = options.at
        ? { at: options.at.toISOString(), diff: diffPlanText(outlineText(rewind(now, events.filter((entry) => entry.at > options.at!).map((entry) => entry.event))), nowText) }
        : null;
      const partEdits = await readDocumentPartEdits(tx, planId, MAX_HISTORY_EDITS);
      return {
        edits: [...structuralEditsOf(events, (id) => titles.get(id)), ...partEdits].sort((a, b) => b.seq - a.seq).slice(0, MAX_HISTORY_EDITS),
        sinceCreation: diffPlanText(outlineText(atCreation), nowText),
        sinceTime,
        truncated,
      };
    },
    { isolationLevel: "RepeatableRead" },
  );
}
