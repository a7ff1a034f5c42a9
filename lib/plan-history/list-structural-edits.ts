import { describeStructureEvent } from "@/lib/plan-editing/describe-structure-event";
import type { ItemSnapshot, SectionSnapshot, StructureEventPayload } from "@/lib/plan-editing/structure-events";
import type { DocumentPartEventPayload } from "@/lib/document-parts/part-events";

/** One structural edit as the Changes view lists it: who, when, what, and before → after. */
export interface StructuralEdit {
  seq: number;
  at: string;
  actor: string;
  /** Structural edits, and edits of gates, triggers, tables and messages (lib/document-parts/history-entries.ts). */
  type: StructureEventPayload["type"] | DocumentPartEventPayload["type"];
  description: string;
  before: string | null;
  after: string | null;
  /** The sequence number of the edit this one undid. */
  undoOf: number | null;
}

export interface StoredStructureEvent {
  seq: number;
  at: Date;
  actor: string | null;
  event: StructureEventPayload;
}

/** Pure: the stored events, newest first, as list entries. `sectionTitle` names a section by id (now or as it was). */
export function structuralEditsOf(events: readonly StoredStructureEvent[], sectionTitle: (id: string) => string | undefined): StructuralEdit[] {
  return events.map(({ seq, at, actor, event }) => {
    const [before, after] = beforeAndAfter(event, sectionTitle);
    return { seq, at: at.toISOString(), actor: actor ?? "Someone", type: event.type, description: describeStructureEvent(actor ?? "Someone", event), before, after, undoOf: event.undoOf ?? null };
  });
}

function place(snapshot: SectionSnapshot | ItemSnapshot, sectionTitle: (id: string) => string | undefined): string {
  if ("sectionId" in snapshot) {
    const where = `in “${sectionTitle(snapshot.sectionId) ?? "a removed section"}”`;
    return snapshot.parentItemId ? `${where}, as a sub-step` : where;
  }
  return snapshot.parentSectionId ? `under “${sectionTitle(snapshot.parentSectionId) ?? "a removed section"}”` : "at the top level";
}

function stepText(snapshot: ItemSnapshot): string {
  const flags = [snapshot.required ? "" : "optional", snapshot.critical ? "critical" : "", snapshot.metric ? `measure ${snapshot.metric.label} ${snapshot.metric.comparator} ${snapshot.metric.target} ${snapshot.metric.unit}`.trim() : ""].filter(Boolean);
  const notes = snapshot.notes ? `\nNotes: ${snapshot.notes}` : "";
  const commands = snapshot.commands.map((command) => `\n$ ${command.code}`).join("");
  return `${snapshot.text}${flags.length ? ` (${flags.join(", ")})` : ""}${notes}${commands}`;
}

function beforeAndAfter(event: StructureEventPayload, sectionTitle: (id: string) => string | undefined): [string | null, string | null] {
  switch (event.type) {
    case "section.added":
      return [null, `${event.section.title} ${place(event.section, sectionTitle)}`];
    case "section.edited":
      return [sectionLine(event.before), sectionLine(event.section)];
    case "section.moved":
      return [place(event.before, sectionTitle), place(event.section, sectionTitle)];
    case "section.removed":
      return [`${event.before.title}: ${event.removed.items.length} step(s)${event.removed.items.length ? ` — ${event.removed.items.map((item) => item.text).join("; ")}` : ""}`, null];
    case "item.added":
      return [null, `${stepText(event.item)}\n${place(event.item, sectionTitle)}`];
    case "item.edited":
      return [stepText(event.before), stepText(event.item)];
    case "item.moved":
      return [place(event.before, sectionTitle), place(event.item, sectionTitle)];
    case "item.removed":
      return [stepText(event.before), null];
  }
}

function sectionLine(snapshot: SectionSnapshot): string {
  return `${snapshot.title}${snapshot.plannedMinutes !== null ? ` (${snapshot.plannedMinutes} min)` : ""}`;
}
