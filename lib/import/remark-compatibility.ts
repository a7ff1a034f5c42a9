import type { MarkdownIt, StateBlock } from "markdown-it";
import { footnoteDefinition } from "@/lib/import/footnote-definitions";

/**
 * Block rules that make markdown-it read a document the way remark (micromark, with GFM)
 * did, where the two differ on input a plan may plausibly contain. Each was found by
 * comparing both parsers on the seed plans, mutated copies of them and generated documents;
 * the differences left are listed in parse-markdown-tree.ts.
 */

type BlockRule = (state: StateBlock, startLine: number, endLine: number, silent: boolean) => boolean;

function builtInRule(md: MarkdownIt, name: string): BlockRule {
  const rule = md.block.ruler.__rules__.find((candidate) => candidate.name === name)?.fn;
  if (!rule) throw new Error(`markdown-it has no block rule "${name}"`);
  return rule;
}

/** Replaces a block rule by one that may decide first, keeping the chains it belongs to. */
function wrapRule(md: MarkdownIt, name: string, wrap: (original: BlockRule) => BlockRule): void {
  const alt = md.block.ruler.__rules__.find((candidate) => candidate.name === name)?.alt ?? [];
  md.block.ruler.at(name, wrap(builtInRule(md, name)), { alt });
}

function lineText(state: StateBlock, line: number): string {
  return state.src.slice((state.bMarks[line] ?? 0) + (state.tShift[line] ?? 0), state.eMarks[line]);
}

function relativeIndent(state: StateBlock, line: number): number {
  return (state.sCount[line] ?? 0) - state.blkIndent;
}

/**
 * CommonMark reads link reference definitions off the start of a paragraph, so a line right
 * after a definition continues that paragraph unless it could interrupt one: an indented
 * line there is text, not code. markdown-it parses definitions as blocks of their own.
 * Another definition, or anything that may interrupt a paragraph, is left to the usual rules.
 */
function continuesDefinition(state: StateBlock, startLine: number, endLine: number): boolean {
  const previous = state.tokens.at(-1);
  if (previous?.type !== "reference_definition" || previous.map?.[1] !== startLine || lineText(state, startLine).startsWith("[")) return false;
  const parentType = state.parentType;
  state.parentType = "paragraph";
  const interrupts = state.md.block.ruler.getRules("paragraph").some((rule) => rule(state, startLine, endLine, true));
  state.parentType = parentType;
  return !interrupts;
}

/** Whether the block ending at token `index` is still open at `startLine` (a paragraph, or indented code, which micromark treats alike). */
function interrupts(state: StateBlock, index: number, startLine: number): boolean {
  const token = state.tokens[index];
  if (token?.type === "paragraph_close") return state.tokens[index - 2]?.map?.[1] === startLine;
  if (token?.type !== "code_block" || !token.map) return false;
  // Not when the code came right after a list or quote (micromark reads it as part of that
  // container's last lines). Blank lines after indented code still belong to it.
  if (/^(?:bullet_list|ordered_list|blockquote)_close$/.test(state.tokens[index - 1]?.type ?? "")) return false;
  for (let line = token.map[1]; line < startLine; line += 1) if (!state.isEmpty(line)) return false;
  return true;
}

/**
 * micromark treats an indented code block like an open paragraph: an ordered list that
 * does not start at 1, or an empty item, may not interrupt it, so such a line right after
 * the code (blank lines between included) is text.
 */
function cannotFollowIndentedCode(state: StateBlock, startLine: number): boolean {
  const index = state.tokens.length - 1;
  if (state.tokens[index]?.type !== "code_block" || !interrupts(state, index, startLine)) return false;
  const text = lineText(state, startLine);
  const ordered = /^(\d{1,9})[.)](?:[ \t]+(\S)|[ \t]*$)/.exec(text);
  if (ordered) return Number(ordered[1]) !== 1 || ordered[2] === undefined;
  return /^[-+*][ \t]*$/.test(text);
}

/**
 * A lazy line of a list item's paragraph (indented less than the item's content) that is
 * indented four or more columns past the list's own container cannot start a block (it
 * would be indented code, which cannot interrupt a paragraph), so it continues the
 * paragraph. markdown-it's list rule checks this; its other rules measure the line against
 * the item and would cut the paragraph.
 */
function isIndentedLazyLine(state: StateBlock, line: number): boolean {
  const indent = state.sCount[line] ?? 0;
  return state.parentType === "paragraph" && state.listIndent >= 0 && indent < state.blkIndent && indent - state.listIndent >= 4;
}

/**
 * A list that interrupts a paragraph (or, for micromark, indented code) must start at 1 and
 * have content. micromark applies
 * that also to a list opened inside a list item or quote that itself starts on the line
 * interrupting the paragraph ("Steps" over "- 2) Deploy": the item's text is "2) Deploy").
 */
function inheritsInterrupt(state: StateBlock, startLine: number): boolean {
  let index = state.tokens.length - 1;
  let opened = 0;
  for (let token = state.tokens[index]; token && token.nesting === 1 && token.map?.[0] === startLine && token.type !== "paragraph_open"; token = state.tokens[(index -= 1)]) {
    opened += 1;
  }
  if (opened === 0 || !interrupts(state, index, startLine)) return false;
  const text = lineText(state, startLine);
  const ordered = /^(\d{1,9})[.)]/.exec(text);
  return (ordered !== null && Number(ordered[1]) !== 1) || /^(?:[-+*]|\d{1,9}[.)])[ \t]*$/.test(text);
}

// A complete HTML tag alone on a line (CommonMark HTML block type 7).
const HTML_TAG_LINE =
  /^(?:<[A-Za-z][A-Za-z0-9-]*(?:\s+[A-Za-z_:][\w.:-]*(?:\s*=\s*(?:[^\s"'=<>`]+|'[^']*'|"[^"]*"))?)*\s*\/?>|<\/[A-Za-z][A-Za-z0-9-]*\s*>)\s*$/;

/**
 * Where micromark lets a complete HTML tag alone on a line start an HTML block although
 * CommonMark says such a line cannot interrupt a paragraph: on a lazy line (one that does
 * not continue the open list item or quote), and after a table row (GFM ends a table at any
 * line that starts another block). Only ever answers a "does this line end you?" question.
 */
const htmlTagLineInterrupts: BlockRule = (state, startLine, _endLine, silent) => {
  if (!silent || isIndentedLazyLine(state, startLine) || relativeIndent(state, startLine) >= 4) return false;
  const lazy =
    state.parentType === "table" || state.parentType === "blockquote" || (state.parentType === "paragraph" && relativeIndent(state, startLine) < 0);
  return lazy && HTML_TAG_LINE.test(lineText(state, startLine));
};

/**
 * markdown-it continues a quote at any line whose first character is ">", however far it is
 * indented. In CommonMark a ">" indented four or more columns is not a marker: after an
 * empty quote line such a line ends the quote (it is indented code). Elsewhere it would be a
 * lazy line of the quote's paragraph, whose raw text the importer keeps either way.
 */
function quoteEnd(state: StateBlock, startLine: number, endLine: number): number {
  let previousEmpty = false;
  for (let line = startLine; line < endLine && !state.isEmpty(line); line += 1) {
    const text = lineText(state, line);
    const indented = relativeIndent(state, line) >= 4;
    if (line > startLine && previousEmpty && indented && text.startsWith(">")) return line;
    previousEmpty = !indented && /^>[ \t]*$/.test(text);
  }
  return endLine;
}

export function followRemark(md: MarkdownIt): void {
  const paragraph = builtInRule(md, "paragraph");
  const setextHeading = builtInRule(md, "lheading");
  md.block.ruler.before("table", "remark_paragraphs", (state, startLine, endLine) => {
    if (!cannotFollowIndentedCode(state, startLine) && !continuesDefinition(state, startLine, endLine)) return false;
    return setextHeading(state, startLine, endLine, false) || paragraph(state, startLine, endLine, false);
  });

  for (const name of ["table", "fence", "blockquote", "hr", "html_block", "heading"]) {
    wrapRule(md, name, (rule) => (state, startLine, endLine, silent) => !(silent && isIndentedLazyLine(state, startLine)) && rule(state, startLine, endLine, silent));
  }
  // A "delimiter row" of dashes alone is a setext underline: "| a |" over "---" is a heading.
  // (These wrappers run for every line of every paragraph, so they look before they slice.)
  wrapRule(md, "table", (rule) => (state, startLine, endLine, silent) => {
    const next = startLine + 1;
    const dashes = state.src.charCodeAt((state.bMarks[next] ?? 0) + (state.tShift[next] ?? 0)) === 45 && /^-+[ \t]*$/.test(lineText(state, next));
    return !dashes && rule(state, startLine, endLine, silent);
  });
  wrapRule(md, "list", (rule) => (state, startLine, endLine, silent) => !(!silent && inheritsInterrupt(state, startLine)) && rule(state, startLine, endLine, silent));
  wrapRule(md, "blockquote", (rule) => (state, startLine, endLine, silent) => {
    const quote = !silent && state.src.charCodeAt((state.bMarks[startLine] ?? 0) + (state.tShift[startLine] ?? 0)) === 62;
    return rule(state, startLine, quote ? quoteEnd(state, startLine, endLine) : endLine, silent);
  });

  md.block.ruler.before("html_block", "html_tag_line_interrupts", htmlTagLineInterrupts, { alt: ["paragraph", "blockquote"] });
  md.block.ruler.before(
    "reference",
    "footnote_definition",
    (state, startLine, endLine, silent) => !(silent && isIndentedLazyLine(state, startLine)) && footnoteDefinition(state, startLine, endLine, silent),
    { alt: ["paragraph", "reference", "blockquote"] },
  );
}
