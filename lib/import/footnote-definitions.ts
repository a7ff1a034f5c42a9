import type { StateBlock } from "markdown-it";

/**
 * "[^label]:" — as in GFM, the label has no white space, and a "[" or "]" in it must follow a
 * "\". Read by one scan (the regex it replaces, `(?:\\[[\]\\]|[^\s[\]\\]|\\)+`, could read a run
 * of backslashes in exponentially many ways). Like that regex, the longest label wins.
 */
function footnoteStart(line: string): { label: string; length: number } | undefined {
  if (!line.startsWith("[^")) return undefined;
  let end = -1;
  for (let offset = 2; offset < line.length; offset += 1) {
    const char = line[offset] ?? "";
    if (/\s/.test(char)) break;
    if (char !== "[" && char !== "]") continue;
    const escaped = line[offset - 1] === "\\" && offset - 1 >= 2;
    if (char === "]" && offset > 2 && line[offset + 1] === ":") end = offset;
    if (!escaped) break;
  }
  return end === -1 ? undefined : { label: line.slice(2, end), length: end + 2 };
}

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
  const match = footnoteStart(state.src.slice(start, max));
  if (!match || match.label.length > 999) return false;
  if (silent) return true;

  const open = state.push("footnote_definition_open", "", 1);
  open.meta = { label: match.label };
  const lines: [number, number] = [startLine, startLine + 1];
  open.map = lines;

  const oldBMark = state.bMarks[startLine] ?? 0;
  const oldTShift = state.tShift[startLine] ?? 0;
  const oldSCount = state.sCount[startLine] ?? 0;
  const oldParentType = state.parentType;
  // The definition's content starts after the colon (and its white space) on the first line.
  const afterColon = start + match.length;
  const initial = oldSCount + match.length;
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
