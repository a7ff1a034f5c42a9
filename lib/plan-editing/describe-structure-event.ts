import type { StructureEventPayload } from "@/lib/plan-editing/structure-events";

/** One line for a structural edit, for the activity feed and the Changes view ("Lee added the step “Drain node 3”"). */
export function describeStructureEvent(actor: string, event: StructureEventPayload): string {
  const undo = event.undoOf !== undefined ? " (undo)" : "";
  switch (event.type) {
    case "section.added":
      return `${actor} ${event.restored ? "put back" : "added"} the section “${event.section.title}”${undo}`;
    case "section.edited":
      return event.before.title !== event.section.title
        ? `${actor} renamed the section “${event.before.title}” to “${event.section.title}”${undo}`
        : `${actor} changed the planned duration of “${event.section.title}”${undo}`;
    case "section.moved":
      return `${actor} moved the section “${event.section.title}”${undo}`;
    case "section.removed": {
      const count = event.removed.items.length;
      return `${actor} removed the section “${event.before.title}”${count ? ` and its ${count} step${count === 1 ? "" : "s"}` : ""}${undo}`;
    }
    case "item.added":
      return `${actor} ${event.restored ? "put back" : "added"} the step “${event.item.text}”${event.item.addedDuringRun && !event.restored ? " during the run" : ""}${undo}`;
    case "item.edited": {
      const stale = event.staleSignatureIds?.length;
      const staleNote = stale ? ` — ${stale} sign-off${stale === 1 ? " is" : "s are"} now stale` : "";
      return event.before.text !== event.item.text
        ? `${actor} reworded “${event.before.text}” to “${event.item.text}”${undo}${staleNote}`
        : `${actor} edited the step “${event.item.text}”${undo}${staleNote}`;
    }
    case "item.moved":
      return `${actor} moved the step “${event.item.text}”${undo}`;
    case "item.removed":
      return `${actor} removed the step “${event.before.text}”${undo}`;
  }
}
