import type { StateBlock } from "markdown-it";

// "[^label]:" — as in GFM, the label has no white space or "[" (and "\" escapes "[", "]", "\").
const FOOTNOTE_START = /^\[\^((?:\\[[\]\\]|[^\s[\]\\]|\\)+)\]:/;

/**
 * GFM footnote definitions ("[^1]: text", continued by lines indented four spaces), which
 * remark-gfm read and the importer reports as unrecognized content. markdown-it has no rule
 * for them (without one, "[^1]: http://x" would be a link definition and anything else a
 * paragraph). A container like a list item, after the markdown-it-footnote plugin; it may
 * interrupt a paragraph.
 */
export function footnoteDefinition(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  const start = (state.bMarks[startLine] ?? 0) + (state.tShift[startLine] ?? 0);
  const max = state.eMarks[startLine] ?? start;
  if ((state.sCount[startLine] ?? 0) - state.blkIndent >= 4) return false;
  const match = FOOTNOTE_START.exec(state.src.slice(start, max));
  if (!match?.[1] || match[1].length > 999) return false;
  if (silent) return true;

  const open = state.push("footnote_definition_open", "", 1);
  open.meta = { label: match[1] };
  const lines: [number, number] = [startLine, startLine + 1];
  open.map = lines;

  const oldBMark = state.bMarks[startLine] ?? 0;
  const oldTShift = state.tShift[startLine] ?? 0;
  const oldSCount = state.sCount[startLine] ?? 0;
  const oldParentType = state.parentType;
  // The definition's content starts after the colon (and its white space) on the first line.
  const afterColon = start + match[0].length;
  const initial = oldSCount + match[0].length;
  let offset = initial;
  let pos = afterColon;
  for (; pos < max; pos += 1) {
    const code = state.src.charCodeAt(pos);
    if (code === 9) offset += 4 - (offset % 4);
    else if (code === 32) offset += 1;
    else break;
  }
  state.bMarks[startLine] = afterColon;
  state.tShift[startLine] = pos - afterColon;
  state.sCount[startLine] = offset - initial;
  state.blkIndent += 4;
  state.parentType = "footnote";
  if ((state.sCount[startLine] ?? 0) < state.blkIndent) state.sCount[startLine] = (state.sCount[startLine] ?? 0) + state.blkIndent;

  state.md.block.tokenize(state, startLine, endLine);

  state.parentType = oldParentType;
  state.blkIndent -= 4;
  state.bMarks[startLine] = oldBMark;
  state.tShift[startLine] = oldTShift;
  state.sCount[startLine] = oldSCount;
  state.push("footnote_definition_close", "", -1);
  lines[1] = Math.max(state.line, startLine + 1);
  state.line = lines[1];
  return true;
}
