import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { StructuralChange } from "@/lib/plan-editing/edit-change-schema";
import { STRUCTURE_EVENT_TYPES, type ItemSnapshot, type SectionSnapshot, type StructureEventPayload } from "@/lib/plan-editing/structure-events";
import { openEditContext, type EditContext, type RestoreEdit } from "@/lib/plan-editing/edit-context";
import { commitEdit } from "@/lib/plan-editing/write-structure";
import type { LockedPlan } from "@/lib/plan-state/lock-plan";
import { DOCUMENT_PART_EVENT_TYPES, isDocumentPartEvent, type DocumentPartEventPayload } from "@/lib/document-parts/part-events";
import { undoDocumentPartEdit } from "@/lib/document-parts/undo-part-edit";

/** What undo can revert: structural edits, and edits of the document's gates, triggers, tables and messages (lib/document-parts/undo-part-edit.ts). */
type UndoableEvent = StructureEventPayload | DocumentPartEventPayload;
const UNDOABLE_EVENT_TYPES = [...STRUCTURE_EVENT_TYPES, ...DOCUMENT_PART_EVENT_TYPES];

type Tx = Prisma.TransactionClient;

/**
 * Undo: the actor's own newest structural edit that is not undone yet is reverted by a new
 * edit (its event says which one it undid), so the history keeps both. Refused with 409 when
 * someone (or something, such as a tick) changed the same section or step since: its version
 * moved on, and putting the old state back would silently drop that change.
 */
export async function undoLastEdit(tx: Tx, plan: LockedPlan, actorId: string, at: Date): Promise<UndoableEvent> {
  const target = await lastUndoableEdit(tx, plan.id, actorId);
  if (!target) throw new AppError("conflict", "You have no edit of this plan left to undo.");
  const { seq, event } = target;
  if (isDocumentPartEvent(event)) return undoDocumentPartEdit(tx, plan, { seq, event });
  const context = await openEditContext(tx, plan, at, seq);
  return commitEdit(context, inverseOf(context, event));
}

/** The newest structural edit by the actor that no later undo of theirs reverted (undos themselves are not undone). */
export async function lastUndoableEdit(tx: Tx, planId: string, actorId: string): Promise<{ seq: number; event: UndoableEvent } | null> {
  const undone = new Set<number>();
  const batch = 200;
  for (let before: number | undefined = undefined; ; ) {
    const events: { seq: number; payload: Prisma.JsonValue }[] = await tx.planEvent.findMany({
      where: { planId, actorId, type: { in: UNDOABLE_EVENT_TYPES }, ...(before !== undefined ? { seq: { lt: before } } : {}) },
      orderBy: { seq: "desc" },
      take: batch,
      select: { seq: true, payload: true },
    });
    for (const row of events) {
      const event = (row.payload as unknown as { event: UndoableEvent }).event;
      if (event.undoOf !== undefined) undone.add(event.undoOf);
      else if (!undone.has(row.seq)) return { seq: row.seq, event };
    }
    if (events.length < batch) return null;
    before = events.at(-1)!.seq;
  }
}

const changedSince = (what: string) => new AppError("conflict", `${what} changed after your edit, so undoing it would lose that change. Edit it directly instead.`);

function currentItem(context: EditContext, snapshot: ItemSnapshot) {
  const item = context.outline.items.find((row) => row.id === snapshot.id);
  if (!item || item.version !== snapshot.version) throw changedSince(`“${snapshot.text}”`);
  return item;
}

function currentSection(context: EditContext, snapshot: SectionSnapshot) {
  const section = context.outline.sections.find((row) => row.id === snapshot.id);
  if (!section || section.version !== snapshot.version) throw changedSince(`The section “${snapshot.title}”`);
  return section;
}

/** The edit that puts things back as they were before `event`. */
function inverseOf(context: EditContext, event: StructureEventPayload): StructuralChange | RestoreEdit {
  switch (event.type) {
    case "item.added": {
      const item = currentItem(context, event.item);
      if (context.outline.items.some((row) => row.parentId === item.id)) throw changedSince(`“${item.text}” has sub-steps now: it`);
      return { type: "item.remove", itemId: item.id, expectedVersion: item.version };
    }
    case "item.edited": {
      const item = currentItem(context, event.item);
      const { before, item: after } = event;
      // Only what the edit changed goes back, so undoing a rewording during the run stays a rewording.
      const differs = (field: "text" | "notes" | "commands" | "required" | "critical" | "metric") => JSON.stringify(before[field]) !== JSON.stringify(after[field]);
      return {
        type: "item.edit",
        itemId: item.id,
        expectedVersion: item.version,
        ...(differs("text") || !(["notes", "commands", "required", "critical", "metric"] as const).some(differs) ? { text: before.text } : {}),
        ...(differs("notes") ? { notes: before.notes ?? "" } : {}),
        ...(differs("commands") ? { commands: before.commands.map((command) => ({ language: command.language, code: command.code })) } : {}),
        ...(differs("required") ? { required: before.required } : {}),
        ...(differs("critical") ? { critical: before.critical } : {}),
        ...(differs("metric") ? { metric: before.metric } : {}),
      };
    }
    case "item.moved": {
      const item = currentItem(context, event.item);
      const { before } = event;
      return { type: "item.move", itemId: item.id, expectedVersion: item.version, sectionId: before.sectionId, parentItemId: before.parentItemId, afterItemId: stillBeside(context, before) };
    }
    case "item.removed":
      return { type: "restore", kind: "item", removed: event.removed };
    case "section.added": {
      const section = currentSection(context, event.section);
      const holds = context.outline.items.some((row) => row.sectionId === section.id) || context.outline.sections.some((row) => row.parentId === section.id);
      if (holds && !event.restored) throw changedSince(`The section “${section.title}” holds steps now: it`);
      return { type: "section.remove", sectionId: section.id, expectedVersion: section.version };
    }
    case "section.edited": {
      const section = currentSection(context, event.section);
      return { type: "section.edit", sectionId: section.id, expectedVersion: section.version, title: event.before.title, plannedMinutes: event.before.plannedMinutes };
    }
    case "section.moved": {
      const section = currentSection(context, event.section);
      const { before } = event;
      const afterStillThere = before.afterSectionId === null || context.outline.sections.some((row) => row.id === before.afterSectionId && row.parentId === before.parentSectionId);
      return { type: "section.move", sectionId: section.id, expectedVersion: section.version, parentSectionId: before.parentSectionId, afterSectionId: afterStillThere ? before.afterSectionId : null };
    }
    case "section.removed":
      return { type: "restore", kind: "section", removed: event.removed };
  }
}

/** The sibling a step came after, when it is still there under the same parent; otherwise first. */
function stillBeside(context: EditContext, before: ItemSnapshot): string | null {
  if (before.afterItemId === null) return null;
  const sibling = context.outline.items.find((row) => row.id === before.afterItemId);
  return sibling && sibling.sectionId === before.sectionId && sibling.parentId === before.parentItemId ? before.afterItemId : null;
}
