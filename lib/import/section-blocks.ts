import type { Blockquote, Code, List, Paragraph, RootContent } from "mdast";
import type { ContactRow, GateRole, PlanItem } from "@/lib/plan-document/schema";
import { type BlockScope, type BuildState, gateFor, nextId } from "@/lib/import/build-state";
import { buildTemplate, defaultTemplateName, isTemplateCode, templateNameFromMeta, isTemplateQuote, unquote } from "@/lib/import/comms-templates";
import { alignContactColumns, parseContactLine, parseContactValue, splitPersonAndRole } from "@/lib/import/contact-text";
import { type DecisionLine, type FieldLine, parseCaption, parseDecisionLine, parseDecisionRecord, parseFieldLine, toField } from "@/lib/import/field-line";
import { type HeadingContext, introducesTriggers, isDecisionMakerKey, looksLikeRole } from "@/lib/import/heading-context";
import { codeBlock, flattenListText, hasTaskItems, lastStep, listItemText, listToItems } from "@/lib/import/list-items";
import { assignMetadataField, namedMetadataKey } from "@/lib/import/metadata-fields";
import { isBlank } from "@/lib/import/placeholders";
import { parseRoleLine } from "@/lib/import/signoff";
import { isCommentOnly } from "@/lib/import/source-text";
import { handleTable } from "@/lib/import/section-tables";

/**
 * Reads the blocks under one heading (or the preamble / footer) in order. Lookahead is one
 * block: a bold caption ending a paragraph applies to the list right after it, and fenced
 * code right after a list belongs to that list's last item.
 */
export function processBlocks(nodes: RootContent[], scope: BlockScope, state: BuildState): void {
  let caption: string | undefined;
  let triggersIntroduced = false;
  let lastItems: PlanItem[] | undefined;
  nodes.forEach((node, index) => {
    const next = nodes[index + 1];
    const previousItems = lastItems;
    lastItems = undefined;
    const pendingCaption = caption;
    const pendingTriggers = triggersIntroduced;
    caption = undefined;
    triggersIntroduced = false;
    switch (node.type) {
      case "paragraph":
        triggersIntroduced =
          next?.type === "list" &&
          introducesTriggers(
            state.source.inline(node).split("\n").at(-1) ?? "",
            scope.context,
            next.children.map((listItem) => listItemText(listItem, state)),
          );
        caption = handleParagraph(node, next?.type === "list", scope, state);
        break;
      case "list":
        lastItems = handleList(node, pendingCaption, scope, state, pendingTriggers);
        break;
      case "code":
        handleCode(node, previousItems, scope, state);
        break;
      case "table":
        handleTable(node, scope, state);
        break;
      case "blockquote":
        handleQuote(node, scope, state);
        break;
      case "html":
        if (!isCommentOnly(node.value)) addUnrecognized(node, scope, state);
        break;
      case "thematicBreak":
        // Separators carry no content; "_____" lines are fill-in blanks.
        break;
      default:
        addUnrecognized(node, scope, state);
    }
  });
}

function addNotes(text: string, scope: BlockScope, state: BuildState): void {
  if (text.trim() === "") return;
  const join = (existing: string) => (existing === "" ? text : `${existing}\n\n${text}`);
  if (scope.zone === "preamble") state.document.overview = join(state.document.overview);
  else if (scope.zone === "footer") state.document.notes = join(state.document.notes);
  else scope.section().notes = join(scope.section().notes);
}

export function addUnrecognized(node: RootContent, scope: BlockScope, state: BuildState): void {
  const startLine = state.source.startLine(node);
  state.document.unrecognized.push({
    sectionId: scope.sectionId(),
    kind: node.type,
    raw: state.source.block(node),
    startLine,
    endLine: state.source.endLine(node),
  });
  state.warnings.push(`Line ${startLine}: kept a ${node.type} block that is not part of a checklist as unrecognized content.`);
}

function addContactsTable(rows: ContactRow[], scope: BlockScope, state: BuildState): void {
  if (rows.length === 0) return;
  state.document.tables.push({ id: nextId(state, "table"), sectionId: scope.sectionId(), kind: "contacts", rows: alignContactColumns(rows) });
}

/** A `Key: value` declaration goes to metadata, a contact row, or the section's fields. */
function routeField(key: string, rawValue: string, scope: BlockScope, state: BuildState, contacts: ContactRow[]): void {
  if (scope.zone !== "section" || scope.context.metadata) {
    assignMetadataField(state.document.metadata, toField(key, rawValue));
  } else if (scope.context.contacts) {
    contacts.push({ role: key, ...parseContactValue(rawValue), extra: [] });
  } else {
    scope.section().fields.push(toField(key, rawValue));
  }
}

/**
 * "Decision: GO / NO-GO" anywhere; under a heading that names Go/No-Go, also the last line
 * of a list or paragraph that records the call ("Final call: **NO-GO**", "**GO** / **NO-GO**").
 */
function decisionIn(line: string, isLast: boolean, context: HeadingContext): DecisionLine | undefined {
  return parseDecisionLine(line) ?? (isLast && context.signoff && context.gateKind === "go-no-go" ? parseDecisionRecord(line) : undefined);
}

function applyDecision(decision: DecisionLine, scope: BlockScope, state: BuildState): void {
  const gate = gateFor(scope, state, "go-no-go");
  gate.kind = "go-no-go";
  gate.decisionOptions = decision.options;
  if (decision.decision) gate.decision = decision.decision;
  if (decision.decisionMaker !== undefined) gate.decisionMaker = decision.decisionMaker;
}

/** "Environment: production" without bold, where metadata is expected and the key is a known one. */
function plainMetadataLine(line: string, scope: BlockScope): FieldLine | undefined {
  if (scope.zone === "section" && !scope.context.metadata) return undefined;
  const match = /^([A-Z][A-Za-z /-]{1,30}):\s+(\S.*)$/.exec(line);
  if (!match?.[1] || !namedMetadataKey(match[1])) return undefined;
  return { key: match[1].trim(), rawValue: (match[2] ?? "").trim() };
}

/** Returns a caption when the paragraph ends with one and a list follows. */
function handleParagraph(node: Paragraph, nextIsList: boolean, scope: BlockScope, state: BuildState): string | undefined {
  const lines = state.source.inline(node).split("\n");
  const notes: string[] = [];
  const contacts: ContactRow[] = [];
  let caption: string | undefined;
  let afterEmptyField = false;
  lines.forEach((line, index) => {
    const isLast = index === lines.length - 1;
    const wasAfterEmptyField = afterEmptyField;
    afterEmptyField = false;
    const decision = decisionIn(line, isLast, scope.context);
    if (decision) {
      applyDecision(decision, scope, state);
      return;
    }
    const field = parseFieldLine(line) ?? plainMetadataLine(line, scope);
    const bareCaption = parseCaption(line);
    if (bareCaption !== undefined && isLast && nextIsList) {
      caption = bareCaption;
      return;
    }
    if (field) {
      routeField(field.key, field.rawValue, scope, state, contacts);
      afterEmptyField = field.rawValue === "";
      return;
    }
    // Lines of blanks under "**Notes**:" are the space to write in, not content.
    if (wasAfterEmptyField && isBlank(line)) {
      afterEmptyField = true;
      return;
    }
    notes.push(line);
  });
  addNotes(notes.join("\n"), scope, state);
  addContactsTable(contacts, scope, state);
  return caption;
}

function isFieldListItem(item: List["children"][number], state: BuildState): boolean {
  const text = listItemText(item, state);
  return item.children.length === 1 && !text.includes("\n") && parseFieldLine(text) !== undefined;
}

/** Returns the items the list produced, so fenced code right after can join the last one. */
function handleList(original: List, caption: string | undefined, scope: BlockScope, state: BuildState, triggersIntroduced = false): PlanItem[] | undefined {
  // "- Decision: GO / NO-GO / DEFER" and "- Decision maker: …" belong to the gate, whatever
  // list they sit in (the maker is attached to the gate once the section is read).
  const list: List = { ...original, children: [] };
  const texts = original.children.map((listItem) => (listItem.children.length === 1 ? listItemText(listItem, state) : ""));
  const last = texts.length - 1;
  const hasGate = texts.some((text, index) => decisionIn(text, index === last, scope.context)) || state.gatesBySection.has(scope.sectionId() ?? "");
  original.children.forEach((listItem, index) => {
    const text = texts[index] ?? "";
    const decision = listItem.children.length <= 1 ? decisionIn(text, index === last, scope.context) : undefined;
    const field = parseFieldLine(text);
    if (decision) applyDecision(decision, scope, state);
    else if (hasGate && scope.zone === "section" && field && isDecisionMakerKey(field.key) && listItem.checked == null) {
      scope.section().fields.push(toField(field.key, field.rawValue));
    } else list.children.push(listItem);
  });
  if (list.children.length === 0) return undefined;
  const tasks = hasTaskItems(list);
  const { context } = scope;

  if ((context.rollbackTriggers || triggersIntroduced) && !tasks) {
    for (const text of flattenListText(list, state)) {
      state.document.rollback.triggers.push({ text, sectionId: scope.sectionId(), mode: context.triggerMode });
    }
    if (caption !== undefined) addNotes(`**${caption}**`, scope, state);
    return undefined;
  }

  if (context.signoff && !(caption !== undefined && looksLikeRole(caption))) {
    const remaining: List = { ...list, children: [] };
    const gateRoles: GateRole[] = [];
    for (const listItem of list.children) {
      const role = parseRoleLine(listItemText(listItem, state), listItem.checked === true);
      if (role && listItem.children.length <= 1) gateRoles.push(role);
      else remaining.children.push(listItem);
    }
    if (gateRoles.length > 0) {
      const gate = gateFor(scope, state, context.gateKind);
      gate.roles.push(...gateRoles);
      if (caption !== undefined && gate.label === undefined) gate.label = caption;
      if (remaining.children.length === 0) return undefined;
      return addItems(remaining, undefined, scope, state);
    }
  }

  if (context.signoff && caption !== undefined && looksLikeRole(caption)) {
    const gate = gateFor(scope, state, context.gateKind);
    if (!gate.roles.some((role) => role.role === caption)) gate.roles.push({ role: caption, required: true, signed: false, signedBy: "" });
    return addItems(list, caption, scope, state);
  }

  if (!tasks && list.children.length > 0) {
    if (context.contacts) {
      const lines = list.children.map((item) => (item.children.length === 1 ? parseContactLine(listItemText(item, state)) : undefined));
      if (lines.every((line) => line !== undefined)) {
        const rows = lines.map((line, index): ContactRow => {
          const value = parseContactValue(line.value);
          return {
            ...(list.ordered ? { order: (list.start ?? 1) + index } : {}),
            ...value,
            ...splitPersonAndRole(line.role, value.name),
            extra: [],
          };
        });
        addContactsTable(rows, scope, state);
        if (caption !== undefined) addNotes(`**${caption}**`, scope, state);
        return undefined;
      }
    }
    if (list.children.every((item) => isFieldListItem(item, state))) {
      const contacts: ContactRow[] = [];
      for (const item of list.children) {
        const field = parseFieldLine(listItemText(item, state));
        if (field) routeField(field.key, field.rawValue, scope, state, contacts);
      }
      addContactsTable(contacts, scope, state);
      if (caption !== undefined) addNotes(`**${caption}**`, scope, state);
      return undefined;
    }
  }

  return addItems(list, caption, scope, state);
}

function addItems(list: List, group: string | undefined, scope: BlockScope, state: BuildState): PlanItem[] {
  const section = scope.section();
  const items = listToItems(list, section.id, group, state, section.items.length, ":i");
  section.items.push(...items);
  return items;
}

function handleCode(node: Code, previousItems: PlanItem[] | undefined, scope: BlockScope, state: BuildState): void {
  const language = node.lang ?? "";
  if (isTemplateCode(language, node.value, scope.context.comms)) {
    addTemplate(node.value, scope, state, templateNameFromMeta(node.meta));
    return;
  }
  const block = codeBlock(node, state.source.startLine(node));
  const lastItem = previousItems === undefined ? undefined : lastStep(previousItems);
  if (lastItem) lastItem.commands.push(block);
  else scope.section().codeBlocks.push(block);
}

function handleQuote(node: Blockquote, scope: BlockScope, state: BuildState): void {
  const raw = state.source.block(node);
  const content = unquote(raw);
  if (isTemplateQuote(content, scope.context.comms)) addTemplate(content, scope, state);
  else addNotes(raw, scope, state);
}

/** `ownName`: the name the fence gives it (an export writes one where it differs from the section's). */
function addTemplate(content: string, scope: BlockScope, state: BuildState, ownName?: string): void {
  const sectionId = scope.sectionId();
  const title = scope.zone === "section" ? scope.section().title : "";
  const siblings = state.document.commsTemplates.filter((template) => template.sectionId === sectionId).length;
  const name = ownName ?? defaultTemplateName(title, siblings);
  state.document.commsTemplates.push({ id: nextId(state, "template"), sectionId, ...buildTemplate(content, name, title) });
}
