import type { ItemSnapshot, RemovedSubtree, SectionSnapshot, StructureEventPayload } from "@/lib/plan-editing/structure-events";
import type { SharePolicy } from "@/lib/share/redact-for-share";

/**
 * A structural edit (section or step added, edited, moved, removed) as a share visitor receives
 * it: enough for the page to know its checklist changed and to say so in its feed, and nothing
 * a share link does not show anyway. Kept: titles, step text and state, placement, flags and
 * targets, and commands unless the lead hid them. Left out: step notes, the owners and
 * dependencies given with a new step, and the document parts (tables, contacts, templates) a
 * removal keeps for undo. Rebuilt field by field, like everything in lib/share/redact-for-share.ts.
 */
export function redactStructureEventForShare(event: StructureEventPayload, policy: SharePolicy): StructureEventPayload {
  const undo = event.undoOf !== undefined ? { undoOf: event.undoOf } : {};
  switch (event.type) {
    case "section.added":
      return { type: event.type, section: shareSection(event.section), ...(event.restored ? { restored: shareSubtree(event.restored, policy) } : {}), ...undo };
    case "section.edited":
      return { type: event.type, before: shareSection(event.before), section: shareSection(event.section), ...undo };
    case "section.moved":
      return { type: event.type, before: shareSection(event.before), section: shareSection(event.section), levels: { ...event.levels }, ...undo };
    case "section.removed":
      return { type: event.type, before: shareSection(event.before), removed: shareSubtree(event.removed, policy), ...undo };
    case "item.added":
      return { type: event.type, item: shareItemSnapshot(event.item, policy), ...(event.restored ? { restored: shareSubtree(event.restored, policy) } : {}), ...undo };
    case "item.edited":
      return {
        type: event.type,
        before: shareItemSnapshot(event.before, policy),
        item: shareItemSnapshot(event.item, policy),
        ...(event.staleSignatureIds ? { staleSignatureIds: [...event.staleSignatureIds] } : {}),
        ...undo,
      };
    case "item.moved":
      return { type: event.type, before: shareItemSnapshot(event.before, policy), item: shareItemSnapshot(event.item, policy), ...undo };
    case "item.removed":
      return { type: event.type, before: shareItemSnapshot(event.before, policy), removed: shareSubtree(event.removed, policy), ...undo };
  }
}

function shareSection(section: SectionSnapshot): SectionSnapshot {
  return {
    id: section.id,
    documentKey: section.documentKey,
    parentSectionId: section.parentSectionId,
    afterSectionId: section.afterSectionId,
    title: section.title,
    level: section.level,
    plannedMinutes: section.plannedMinutes,
    isRollback: section.isRollback,
    version: section.version,
  };
}

function shareItemSnapshot(item: ItemSnapshot, policy: SharePolicy): ItemSnapshot {
  return {
    id: item.id,
    documentKey: item.documentKey,
    sectionId: item.sectionId,
    parentItemId: item.parentItemId,
    afterItemId: item.afterItemId,
    text: item.text,
    notes: null,
    commands: policy.hideCommands ? [] : item.commands.map((command) => ({ ...command })),
    required: item.required,
    critical: item.critical,
    metric: item.metric ? { ...item.metric } : null,
    status: item.status,
    addedDuringRun: item.addedDuringRun,
    version: item.version,
  };
}

/** Which sections and steps went or came back; the document entries undo keeps are not shared. */
function shareSubtree(subtree: RemovedSubtree, policy: SharePolicy): RemovedSubtree {
  return {
    sections: subtree.sections.map(shareSection),
    items: subtree.items.map((item) => shareItemSnapshot(item, policy)),
    documentSections: [],
    documentItems: [],
  };
}
