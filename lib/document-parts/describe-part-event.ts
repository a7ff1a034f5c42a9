import type { CommsSnapshot, DocumentPartEventPayload, GateSnapshot, TriggerSnapshot } from "@/lib/document-parts/part-events";
import type { TableGrid } from "@/lib/import/export-blocks";

const TABLE_NAMES: Record<string, string> = { timeline: "timeline", risks: "risk table", contacts: "contact table", monitoring: "monitoring table", generic: "table" };

/** One line for an edit of a gate, trigger, table or message, for the activity feed and the Changes view. */
export function describeDocumentPartEvent(actor: string, event: DocumentPartEventPayload): string {
  return describeEdit(actor, event) + (event.undoOf !== undefined ? " (undo)" : "");
}

function describeEdit(actor: string, event: DocumentPartEventPayload): string {
  switch (event.type) {
    case "gate.edited":
      return event.before.title !== event.gate.title ? `${actor} renamed the gate “${event.before.title}” to “${event.gate.title}”` : `${actor} edited the gate “${event.gate.title}”`;
    case "trigger.added":
      return `${actor} added the rollback trigger “${event.trigger.text}”`;
    case "trigger.edited":
      return `${actor} changed the rollback trigger “${event.before.text}”`;
    case "trigger.removed":
      return `${actor} removed the rollback trigger “${event.before.text}”`;
    case "table.edited":
      return `${actor} edited the ${TABLE_NAMES[event.kind] ?? "table"}`;
    case "comms.added":
      return `${actor} added the message “${event.template.name}”`;
    case "comms.edited":
      return `${actor} edited the message “${event.template.name}”`;
    case "comms.removed":
      return `${actor} removed the message “${event.before.name}”`;
    case "table.added":
      return `${actor} added a ${TABLE_NAMES[event.kind] ?? "table"}`;
    case "table.removed":
      return `${actor} removed the ${TABLE_NAMES[event.kind] ?? "table"}`;
    case "gate.added":
      return `${actor} added the gate “${event.gate.title}”`;
    case "gate.removed":
      return `${actor} removed the gate “${event.before.title}”`;
  }
}

/** The part before and after the edit, as text for the Changes view (null where there was none). */
export function documentPartBeforeAndAfter(event: DocumentPartEventPayload): [string | null, string | null] {
  switch (event.type) {
    case "gate.edited":
      return [gateText(event.before), gateText(event.gate)];
    case "trigger.added":
      return [null, triggerText(event.trigger)];
    case "trigger.edited":
      return [triggerText(event.before), triggerText(event.trigger)];
    case "trigger.removed":
      return [triggerText(event.before), null];
    case "table.edited":
      return [gridText(event.before), gridText(event.table)];
    case "comms.added":
      return [null, commsText(event.template)];
    case "comms.edited":
      return [commsText(event.before), commsText(event.template)];
    case "comms.removed":
      return [commsText(event.before), null];
    case "table.added":
      return [null, gridText(event.table)];
    case "table.removed":
      return [gridText(event.before), null];
    case "gate.added":
      return [null, gateText(event.gate)];
    case "gate.removed":
      return [gateText(event.before), null];
  }
}

function gateText(gate: GateSnapshot): string {
  const roles = gate.roles.map((role) => (role.quorum > 1 ? `${role.title} ×${role.quorum}` : role.title)).join(", ");
  return `${gate.title}\nSigned by: ${roles || "nobody"}${gate.decisionMaker ? `\nDecided by: ${gate.decisionMaker}` : ""}`;
}

function triggerText(trigger: TriggerSnapshot): string {
  return trigger.mode === "unspecified" ? trigger.text : `${trigger.text} (${trigger.mode})`;
}

function gridText(grid: TableGrid): string {
  return [grid.header, ...grid.rows].map((row) => row.join(" | ")).join("\n");
}

function commsText(template: CommsSnapshot): string {
  const headers = [template.audience ? `To: ${template.audience}` : "", template.subject ? `Subject: ${template.subject}` : ""].filter(Boolean);
  return [`${template.name}`, ...headers, "", template.body].join("\n");
}
