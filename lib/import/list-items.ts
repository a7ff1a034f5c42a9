import type { List, ListItem } from "mdast";
import type { CodeBlock, PlanItem } from "@/lib/plan-document/schema";
import type { BuildState } from "@/lib/import/build-state";
import { looksLikeRole } from "@/lib/import/heading-context";
import { analyzeItemText, parseStateSuffix, unstrikeForState } from "@/lib/import/item-text";
import { isCommentOnly } from "@/lib/import/source-text";

/** The first paragraph of a list item, as inline Markdown ("" if it starts with something else). */
export function listItemText(item: ListItem, state: BuildState): string {
  const first = item.children[0];
  return first?.type === "paragraph" ? state.source.inline(first) : "";
}

export function codeBlock(node: { lang?: string | null; meta?: string | null; value: string }, line: number): CodeBlock {
  return { language: node.lang ?? "", ...(node.meta ? { meta: node.meta } : {}), code: node.value, line };
}

/**
 * One list item → one PlanItem. The first paragraph is the text; nested lists are
 * sub-items; fenced code inside the item is its commands; anything else (more paragraphs,
 * quotes, tables) is kept as Markdown details.
 */
function toItem(item: ListItem, id: string, group: string | undefined, state: BuildState): PlanItem | undefined {
  const rawText = listItemText(item, state);
  const commands: CodeBlock[] = [];
  const details: string[] = [];
  const children: PlanItem[] = [];
  item.children.forEach((child, index) => {
    if (index === 0 && child.type === "paragraph") return;
    if (child.type === "list") children.push(...listToItems(child, id, undefined, state, children.length));
    else if (child.type === "code") commands.push(codeBlock(child, state.source.startLine(child)));
    else if (child.type === "html" && isCommentOnly(child.value)) return;
    else details.push(state.source.block(child));
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
