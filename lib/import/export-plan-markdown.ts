import type { CommsTemplate, PlanDocument, PlanItem, PlanSection } from "@/lib/plan-document/schema";
import { defaultTemplateName } from "@/lib/import/comms-templates";
import {
  type Block,
  fence,
  fieldLines,
  gateBlocks,
  itemBlocks,
  tableBlock,
  templateBlock,
} from "@/lib/import/export-blocks";
import { parseCaption } from "@/lib/import/field-line";
import { type HeadingContext, ROOT_CONTEXT, contextFor, introducesTriggers, looksLikeRole } from "@/lib/import/heading-context";
import { namedMetadataEntries } from "@/lib/import/metadata-fields";

export interface ExportOptions {
  /**
   * Write run state: `[x]` for done items, " — **skipped** by Lee at …" suffixes, signatures and
   * the go/no-go decision. Off, the output is the plan's template. Default: on.
   */
  includeState?: boolean;
}

/**
 * PlanDocument → Markdown that `parsePlanMarkdown` reads back into the same structure.
 *
 * Within a section the order is: heading, fields, notes, code, templates, items, tables,
 * gate, rollback triggers, unrecognized blocks, then child sections. That order matters:
 * code written after a list would attach to its last item, so code comes first, and a
 * bold line right before a list would become its caption, so such lists are separated.
 */
export function exportPlanMarkdown(document: PlanDocument, options: ExportOptions = {}): string {
  const includeState = options.includeState ?? true;
  const blocks: Block[] = [];
  if (document.title !== "") blocks.push({ kind: "heading", text: `# ${document.title}` });
  const metadata = [...namedMetadataEntries(document.metadata).map(([key, value]) => ({ key, value })), ...document.metadata.extra];
  pushDefined(blocks, fieldLines(metadata));
  const preambleTriggers = introducedTriggerBlocks(document.overview, null, document, ROOT_CONTEXT);
  blocks.push(...preambleTriggers.blocks);

  const implicit = document.sections.find((section) => section.level === 0);
  if (implicit) blocks.push(...sectionBody(implicit, document, includeState));
  blocks.push(...attachedBlocks(null, document, new Map(), includeState, false, preambleTriggers.written));
  for (const section of document.sections) if (section.level > 0) blocks.push(...sectionBlocks(section, document, includeState, undefined));

  if (document.notes !== "") blocks.push({ kind: "raw", text: "---" }, { kind: "paragraph", text: document.notes });
  return `${joinBlocks(blocks)}\n`;
}

/** The name importing gives a template where it is written: its section's title, numbered among the section's templates. */
function defaultNameOf(template: CommsTemplate, sectionTitle: string, document: PlanDocument): string {
  const siblings = document.commsTemplates.filter((candidate) => candidate.sectionId === template.sectionId);
  return defaultTemplateName(sectionTitle, siblings.indexOf(template));
}

function pushDefined(blocks: Block[], block: Block | undefined): void {
  if (block) blocks.push(block);
}

/** Items listed under a bold caption naming one of the section's gate roles, by role. */
function roleChecklists(section: PlanSection, document: PlanDocument): Map<string, PlanItem[]> {
  const roles = new Set(document.gates.filter((gate) => gate.sectionId === section.id).flatMap((gate) => gate.roles.map((role) => role.role)));
  const byRole = new Map<string, PlanItem[]>();
  for (const item of section.items) {
    if (item.group === undefined || !roles.has(item.group) || !looksLikeRole(item.group)) continue;
    byRole.set(item.group, [...(byRole.get(item.group) ?? []), item]);
  }
  return byRole;
}

function sectionBlocks(section: PlanSection, document: PlanDocument, includeState: boolean, parent: HeadingContext | undefined): Block[] {
  const blocks: Block[] = [{ kind: "heading", text: `${"#".repeat(section.level)} ${section.heading}`.trimEnd() }];
  const context = contextFor(section.title, parent);
  const checklists = context.signoff ? roleChecklists(section, document) : new Map<string, PlanItem[]>();
  const introduced = introducedTriggerBlocks(section.notes, section.id, document, context);
  blocks.push(...sectionBody(section, document, includeState, checklists, introduced));
  blocks.push(...attachedBlocks(section.id, document, checklists, includeState, context.signoff, introduced.written));
  for (const child of section.sections) blocks.push(...sectionBlocks(child, document, includeState, context));
  return blocks;
}

/** The section's own content: fields, notes, code and items (role checklists go with their gate). */
function sectionBody(
  section: PlanSection,
  document: PlanDocument,
  includeState: boolean,
  checklists = new Map<string, PlanItem[]>(),
  notes: { blocks: Block[] } = { blocks: section.notes === "" ? [] : [{ kind: "paragraph", text: section.notes }] },
): Block[] {
  const blocks: Block[] = [];
  pushDefined(blocks, fieldLines(section.fields));
  blocks.push(...notes.blocks);
  for (const code of section.codeBlocks) blocks.push({ kind: "code", text: fence(code) });
  // Templates are fenced blocks too, and must come before the items for the same reason.
  for (const template of document.commsTemplates) {
    if (template.sectionId === section.id && section.level > 0) blocks.push(templateBlock(template, defaultNameOf(template, section.title, document)));
  }
  const own = section.items.filter((item) => item.group === undefined || !checklists.has(item.group));
  blocks.push(...itemBlocks(own, includeState));
  return blocks;
}

/** Tables, gates, rollback triggers and unrecognized blocks that belong to a section (or the preamble). */
function attachedBlocks(
  sectionId: string | null,
  document: PlanDocument,
  checklists: Map<string, PlanItem[]>,
  includeState: boolean,
  inSignoffSection: boolean,
  triggersWritten = false,
): Block[] {
  const blocks: Block[] = [];
  if (sectionId === null) {
    for (const template of document.commsTemplates) if (template.sectionId === null) blocks.push(templateBlock(template, defaultNameOf(template, "", document)));
  }
  for (const table of document.tables) if (table.sectionId === sectionId) blocks.push(tableBlock(table));
  for (const gate of document.gates) if (gate.sectionId === sectionId) blocks.push(...gateBlocks(gate, checklists, includeState, inSignoffSection));
  const triggers = document.rollback.triggers.filter((trigger) => trigger.sectionId === sectionId);
  if (triggers.length > 0 && !triggersWritten) {
    blocks.push(triggerList(triggers));
  }
  for (const block of document.unrecognized) if (block.sectionId === sectionId) blocks.push({ kind: "raw", text: block.raw });
  return blocks;
}

function triggerList(triggers: PlanDocument["rollback"]["triggers"]): Block {
  return { kind: "list", text: triggers.map((trigger) => `- ${trigger.text.replace(/\n/g, "\n  ")}`).join("\n") };
}

/**
 * Notes (or the overview) as paragraphs, with the rollback triggers written right after the
 * sentence that introduced them ("Roll back if any of these happens:"), where the importer
 * found them. Under a heading that names the triggers, or with no such sentence, the notes are
 * one paragraph and the triggers go with the section's other attached blocks.
 */
function introducedTriggerBlocks(
  notes: string,
  sectionId: string | null,
  document: PlanDocument,
  context: HeadingContext,
): { blocks: Block[]; written: boolean } {
  const whole: Block[] = notes === "" ? [] : [{ kind: "paragraph", text: notes }];
  const triggers = document.rollback.triggers.filter((trigger) => trigger.sectionId === sectionId);
  if (triggers.length === 0 || context.rollbackTriggers) return { blocks: whole, written: false };
  const paragraphs = notes.split("\n\n");
  const texts = triggers.map((trigger) => trigger.text);
  const at = paragraphs.findIndex((paragraph) => introducesTriggers(paragraph.split("\n").at(-1) ?? "", context, texts));
  if (at === -1) return { blocks: whole, written: false };
  const before = paragraphs.slice(0, at + 1).join("\n\n");
  const after = paragraphs.slice(at + 1).join("\n\n");
  return {
    blocks: [{ kind: "paragraph", text: before }, triggerList(triggers), ...(after === "" ? [] : [{ kind: "paragraph" as const, text: after }])],
    written: true,
  };
}

/**
 * Blank lines between blocks, plus an empty HTML comment where two blocks would otherwise
 * merge: two lists in a row become one list in Markdown, and a paragraph ending in a bold
 * line would turn into the caption of the list after it.
 */
function joinBlocks(blocks: Block[]): string {
  const parts: string[] = [];
  let previous: Block | undefined;
  for (const block of blocks) {
    if (previous && block.kind === "list") {
      const lastLine = previous.text.slice(previous.text.lastIndexOf("\n") + 1);
      const mergesWithList = previous.kind === "list";
      const becomesCaption = previous.kind === "paragraph" && parseCaption(lastLine) !== undefined;
      if (mergesWithList || becomesCaption) parts.push("<!-- -->");
    }
    parts.push(block.text);
    previous = block;
  }
  return parts.join("\n\n");
}
