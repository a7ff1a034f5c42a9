import type {
  CommsTemplate,
  ContactRow,
  Field,
  Gate,
  MonitoringRow,
  PlanDocument,
  RiskRow,
  RollbackTriggerMode,
  TimelineRow,
} from "@/lib/plan-document/schema";
import { allSections } from "@/lib/plan-document/walk";

/**
 * Everything a plan's document holds besides its items and commands, as blocks the plan page
 * renders in place: notes, fields, rollback triggers, tables by kind, comms templates,
 * sign-off blocks and text kept as written. A part with nothing in it yields no block, so
 * the page never shows an empty card.
 */
export type ContentBlock =
  | { kind: "notes"; markdown: string }
  | { kind: "fields"; fields: Field[] }
  | { kind: "triggers"; triggers: { text: string; mode: RollbackTriggerMode }[] }
  | { kind: "timeline"; rows: TimelineRow[] }
  | { kind: "risks"; rows: RiskRow[] }
  | { kind: "contacts"; rows: ContactRow[] }
  | { kind: "monitoring"; rows: MonitoringRow[] }
  | { kind: "table"; header: string[]; rows: string[][] }
  | { kind: "comms"; template: Pick<CommsTemplate, "name" | "audience" | "subject" | "body"> }
  | { kind: "signoff"; gate: SignoffBlock }
  | { kind: "kept"; raw: string };

export type ContentBlockKind = ContentBlock["kind"];

export interface SignoffBlock {
  /** The plan's gate row this block became, for its live status; null if none was created. */
  gateId: string | null;
  label: string | null;
  decisionMaker: string | null;
  decisionOptions: string[];
  roles: { role: string; required: boolean }[];
}

export interface PlanContent {
  /** Before the first section: the overview and parts not placed in any section. */
  intro: ContentBlock[];
  /** By the document's section id (a section row's `documentKey`). */
  bySection: Record<string, ContentBlock[]>;
  /** The trailing notes after the last section. */
  closing: ContentBlock[];
}

/** Blocks of `document`; `gateIdOf` maps a document gate id to the plan's gate row id. */
export function planContentOf(document: PlanDocument, gateIdOf: (documentGateId: string) => string | null = () => null): PlanContent {
  const intro: ContentBlock[] = [];
  const bySection: Record<string, ContentBlock[]> = {};
  const sections = allSections(document);
  const known = new Set(sections.map((section) => section.id));
  const blocksOf = (sectionId: string | null): ContentBlock[] => {
    if (sectionId === null || !known.has(sectionId)) return intro;
    return (bySection[sectionId] ??= []);
  };

  if (document.overview.trim()) intro.push({ kind: "notes", markdown: document.overview.trim() });
  // Named metadata (feature, version, window, …) is the plan header's; anything else declared stays visible here.
  const extra = document.metadata.extra.filter((field) => field.key.trim() && field.value.trim());
  if (extra.length) intro.push({ kind: "fields", fields: extra });
  for (const section of sections) {
    const blocks = blocksOf(section.id);
    if (section.notes.trim()) blocks.push({ kind: "notes", markdown: section.notes.trim() });
    const fields = section.fields.filter((field) => field.key.trim() && field.value.trim());
    if (fields.length) blocks.push({ kind: "fields", fields });
  }

  const triggersBySection = new Map<string | null, { text: string; mode: RollbackTriggerMode }[]>();
  for (const trigger of document.rollback.triggers) {
    if (!trigger.text.trim()) continue;
    triggersBySection.set(trigger.sectionId, [...(triggersBySection.get(trigger.sectionId) ?? []), { text: trigger.text, mode: trigger.mode }]);
  }
  for (const [sectionId, triggers] of triggersBySection) blocksOf(sectionId).push({ kind: "triggers", triggers });

  for (const table of document.tables) {
    const block = tableBlock(table);
    if (block) blocksOf(table.sectionId).push(block);
  }
  for (const template of document.commsTemplates) {
    if (!template.body.trim() && !template.subject?.trim()) continue;
    blocksOf(template.sectionId).push({
      kind: "comms",
      template: { name: template.name, audience: template.audience, subject: template.subject, body: template.body },
    });
  }
  for (const gate of document.gates) {
    const block = signoffBlock(gate, gateIdOf(gate.id));
    if (block) blocksOf(gate.sectionId).push(block);
  }
  for (const block of document.unrecognized) {
    if (block.raw.trim()) blocksOf(block.sectionId).push({ kind: "kept", raw: block.raw });
  }

  const closing: ContentBlock[] = document.notes.trim() ? [{ kind: "notes", markdown: document.notes.trim() }] : [];
  return { intro, bySection, closing };
}

function tableBlock(table: PlanDocument["tables"][number]): ContentBlock | null {
  switch (table.kind) {
    case "timeline": {
      const rows = table.rows.filter((row) => row.activity.trim());
      return rows.length ? { kind: "timeline", rows } : null;
    }
    case "risks": {
      const rows = table.rows.filter((row) => row.risk.trim());
      return rows.length ? { kind: "risks", rows } : null;
    }
    case "contacts": {
      const rows = table.rows.filter((row) => row.role.trim() || row.name.trim());
      return rows.length ? { kind: "contacts", rows } : null;
    }
    case "monitoring": {
      const rows = table.rows.filter((row) => [row.window, row.frequency, row.owner, row.checks].some((cell) => cell?.trim()));
      return rows.length ? { kind: "monitoring", rows } : null;
    }
    case "generic": {
      const rows = table.rows.filter((row) => row.some((cell) => cell.trim()));
      return rows.length ? { kind: "table", header: table.header, rows } : null;
    }
  }
}

function signoffBlock(gate: Gate, gateId: string | null): ContentBlock | null {
  const roles = gate.roles.filter((role) => role.role.trim()).map((role) => ({ role: role.role, required: role.required }));
  if (!roles.length && !gate.decisionMaker && !gate.decisionOptions.length) return null;
  return {
    kind: "signoff",
    gate: { gateId, label: gate.label ?? null, decisionMaker: gate.decisionMaker ?? null, decisionOptions: gate.decisionOptions, roles },
  };
}

/** Whether a phone number can be dialled from a `tel:` link (digits, spaces, + ( ) - . only). */
export function telHref(phone: string): string | null {
  const trimmed = phone.trim();
  if (!/^\+?[0-9 ().-]{3,40}$/.test(trimmed) || !/[0-9]{3}/.test(trimmed.replace(/[^0-9]/g, ""))) return null;
  return `tel:${trimmed.replace(/[^0-9+]/g, "")}`;
}
