import { AppError } from "@/lib/errors";
import type { OutlineContent } from "@/lib/plan-editing/document-from-outline";
import { withAttachments } from "@/lib/plan-editing/document-from-outline";
import { allow, rollbackKeys, running, type EditContext, type EditResult, type RestoreEdit } from "@/lib/plan-editing/edit-context";
import { placeItem, placeSection, type OutlineItem, type OutlineSection } from "@/lib/plan-editing/outline";
import { itemSnapshot, sectionSnapshot } from "@/lib/plan-editing/snapshots";
import type { RemovedSubtree } from "@/lib/plan-editing/structure-events";

/** Undo of a removal: the same rows (ids, keys) and document entries, back in their place. */
export function restore(context: EditContext, change: RestoreEdit): EditResult {
  const { removed } = change;
  const content: OutlineContent = {
    sections: new Map(removed.documentSections.map((entry) => [entry.id, entry])),
    items: new Map(removed.documentItems.map((entry) => [entry.id, entry])),
  };
  const itemRow = (snapshot: RemovedSubtree["items"][number]): OutlineItem => ({
    id: snapshot.id,
    documentKey: snapshot.documentKey,
    sectionId: snapshot.sectionId,
    parentId: snapshot.parentItemId,
    text: snapshot.text,
    required: snapshot.required,
    critical: snapshot.critical,
    metric: snapshot.metric,
    status: "PENDING",
    version: snapshot.version + 1,
    // Put back while the plan runs, it is a step the run added.
    addedDuringRun: snapshot.addedDuringRun || running(context),
  });
  let outline = context.outline;
  if (change.kind === "section") {
    allow(context, { type: "section.add" });
    const [head, ...below] = removed.sections;
    const sectionRow = (snapshot: NonNullable<typeof head>): OutlineSection => ({
      id: snapshot.id,
      documentKey: snapshot.documentKey,
      parentId: snapshot.parentSectionId,
      level: snapshot.level,
      title: snapshot.title,
      plannedDurationMinutes: snapshot.plannedMinutes,
      isRollback: snapshot.isRollback,
      version: snapshot.version + 1,
    });
    if (head!.parentSectionId && !outline.sections.some((row) => row.id === head!.parentSectionId)) {
      throw new AppError("conflict", "The section it was in is gone, so it cannot be put back.");
    }
    const siblingStillThere = head!.afterSectionId === null || outline.sections.some((row) => row.id === head!.afterSectionId && row.parentId === head!.parentSectionId);
    outline = placeSection(outline, sectionRow(head!), { parentId: head!.parentSectionId, afterId: siblingStillThere ? head!.afterSectionId : null }, rollbackKeys(context));
    // The rest comes back in snapshot order (depth first), each last under its parent: the order it had.
    for (const row of below) outline = placeSection(outline, sectionRow(row), { parentId: row.parentSectionId }, rollbackKeys(context));
    for (const row of removed.items) outline = placeItem(outline, itemRow(row), row.sectionId, { parentId: row.parentItemId });
    return {
      outline,
      content,
      finishDocument: (document) => (removed.attachments ? withAttachments(document, removed.attachments) : document),
      event: (after) => ({ type: "section.added", section: sectionSnapshot(after, after.sections.find((row) => row.id === head!.id)!), restored: removed }),
    };
  }
  allow(context, { type: "item.add" });
  const [head, ...below] = removed.items;
  if (!outline.sections.some((row) => row.id === head!.sectionId) || (head!.parentItemId && !outline.items.some((row) => row.id === head!.parentItemId))) {
    throw new AppError("conflict", "The section or step it was in is gone, so it cannot be put back.");
  }
  const siblingStillThere =
    head!.afterItemId === null || outline.items.some((row) => row.id === head!.afterItemId && row.sectionId === head!.sectionId && row.parentId === head!.parentItemId);
  outline = placeItem(outline, itemRow(head!), head!.sectionId, { parentId: head!.parentItemId, afterId: siblingStillThere ? head!.afterItemId : null });
  for (const child of below) outline = placeItem(outline, itemRow(child), child.sectionId, { parentId: child.parentItemId });
  return { outline, content, event: (after) => ({ type: "item.added", item: itemSnapshot(after, after.items.find((row) => row.id === head!.id)!, content.items!.get(head!.documentKey)), restored: removed }) };
}
