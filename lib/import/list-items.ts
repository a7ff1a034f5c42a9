import type { List, ListItem } from "mdast";
import type { CodeBlock, PlanItem } from "@/lib/plan-document/schema";
import type { BuildState } from "@/lib/import/build-state";
import { looksLikeRole } from "@/lib/import/heading-context";
import { analyzeItemText, parseStateSuffix, unstrikeForState } from "@/lib/import/item-text";
import { isCommentOnly } from "@/lib/import/source-text";
import { readPlanningFields, type ItemPlanningFields } from "@/lib/import/item-planning-fields";

/** The first paragraph of a list item, as inline Markdown ("" if it starts with something else). */
export function listItemText(item: ListItem, state: BuildState): string {
  const first = item.children[0];
  return first?.type === "paragraph" ? state.source.inline(first) : "";
}

export function codeBlock(node: { lang?: string | null; meta?: string | null; value: string }, line: number): CodeBlock {
  return { language: node.lang ?? "", ...(node.meta ? { meta: node.meta } : {}), code: node.value, line };
}

/**
 * The step a command written right after these items follows: the last item, or its last
 * sub-item, all the way down. "- Deploy / - One / - Two / - Three" then a fence: the command
 * is Three's, not Deploy's.
 */
export function lastStep(items: PlanItem[]): PlanItem | undefined {
  let step = items.at(-1);
  while (step && step.items.length > 0) step = step.items.at(-1);
  return step;
}

/**
 * One list item → one PlanItem. The first paragraph is the text; nested lists are
 * sub-items; fenced code inside the item is its commands, except code right after a nested
 * list, which follows (and belongs to) that list's last step; anything else (more
 * paragraphs, quotes, tables) is kept as Markdown details.
 */
function toItem(item: ListItem, id: string, group: string | undefined, state: BuildState): PlanItem | undefined {
  const rawText = listItemText(item, state);
  const commands: CodeBlock[] = [];
  const details: string[] = [];
  const children: PlanItem[] = [];
  let planning: ItemPlanningFields = {};
  let afterList: PlanItem[] | undefined;
  item.children.forEach((child, index) => {
    const previousList = afterList;
    afterList = undefined;
    if (index === 0 && child.type === "paragraph") return;
    if (child.type === "list") {
      afterList = listToItems(child, id, undefined, state, children.length);
      children.push(...afterList);
    } else if (child.type === "code") {
      const block = codeBlock(child, state.source.startLine(child));
      const step = previousList === undefined ? undefined : lastStep(previousList);
      if (step) step.commands.push(block);
      else commands.push(block);
      // Several fences in a row after the list all follow its last step.
      if (step) afterList = previousList;
    } else if (child.type === "html" && isCommentOnly(child.value)) {
      afterList = previousList;
    } else {
      // "Owner: …", "Depends on: …", "Duration: …" lines are the step's planning, not its details.
      const fields = child.type === "paragraph" ? readPlanningFields(state.source.block(child)) : undefined;
      if (fields) planning = { ...planning, ...fields };
      else details.push(state.source.block(child));
    }
  });
  if (rawText === "" && commands.length === 0 && details.length === 0 && children.length === 0) return undefined;

  const suffix = parseStateSuffix(rawText);
  const text = suffix ? unstrikeForState(suffix.text, suffix.state) : rawText;
  const facts = analyzeItemText(text);
  const assignee = facts.assignee ?? (group !== undefined && looksLikeRole(group) ? group : undefined);
  const state_ = suffix?.state ?? (item.checked === true ? { status: "done" as const, by: "import" } : undefined);
  return {
    id,
    text,
    ...(details.length > 0 ? { details: details.join("\n\n") } : {}),
    commands,
    items: children,
    required: facts.required,
    critical: facts.critical,
    ...(facts.expected ? { expected: facts.expected } : {}),
    ...(assignee ? { assignee } : {}),
    ...(group !== undefined ? { group } : {}),
    ...(facts.metric ? { metric: facts.metric } : {}),
    ...(state_ ? { state: state_ } : {}),
    ...planning,
    line: state.source.startLine(item),
  };
}

/**
 * Items of a list. Ids continue from `startIndex` so a section's items stay numbered in
 * order across several lists ("s3:i1" … "s3:i9"; sub-items "s3:i2.1").
 */
export function listToItems(
  list: List,
  parentId: string,
  group: string | undefined,
  state: BuildState,
  startIndex: number,
  separator = ".",
): PlanItem[] {
  const items: PlanItem[] = [];
  for (const listItem of list.children) {
    const item = toItem(listItem, `${parentId}${separator}${startIndex + items.length + 1}`, group, state);
    if (item) items.push(item);
  }
  return items;
}

/**
 * Every item's text in a (possibly nested) list, flattened; used for rollback triggers.
 * Further paragraphs of an item are kept as extra lines of its text.
 */
export function flattenListText(list: List, state: BuildState): string[] {
  const out: string[] = [];
  for (const item of list.children) {
    const lines = [listItemText(item, state)];
    const nested: string[] = [];
    item.children.forEach((child, index) => {
      if (child.type === "list") nested.push(...flattenListText(child, state));
      else if (index > 0 && !(child.type === "html" && isCommentOnly(child.value))) lines.push(state.source.block(child));
    });
    const text = lines.filter((line) => line !== "").join("\n");
    if (text !== "") out.push(text);
    out.push(...nested);
  }
  return out;
}

export function hasTaskItems(list: List): boolean {
  return list.children.some((item) => item.checked === true || item.checked === false);
}
