import type { Code, Html } from "mdast";
import type { Token } from "markdown-it";
import { unescapeMarkdown } from "@/lib/import/markdown-tokens";
import type { SourceLines } from "@/lib/import/source-lines";

/** Code and HTML blocks from markdown-it tokens, with mdast's values and positions. */

function withoutFinalNewline(value: string): string {
  return value.endsWith("\n") ? value.slice(0, -1) : value;
}

function countNewlines(value: string): number {
  let count = 0;
  for (let index = value.indexOf("\n"); index !== -1; index = value.indexOf("\n", index + 1)) count += 1;
  return count;
}

/** As `.replace(/(?:\n[ \t]*)+$/, "")`, by scanning back (the regex was retried from every line of a run of blank lines). */
function withoutTrailingBlankLines(value: string): string {
  let end = value.length;
  for (let offset = value.length - 1; offset >= 0; offset -= 1) {
    const char = value[offset];
    if (char === "\n") end = offset;
    else if (char !== " " && char !== "\t") break;
  }
  return value.slice(0, end);
}

/** Whether 0-based `line` opens a quote, a list item (not a rule) or a footnote definition. */
function opensContainer(lines: SourceLines, line: number): boolean {
  const content = lines.text.slice(lines.skipBlanks(line), lines.end(line));
  if (content.startsWith(">") || /^\[\^[^\]\s]+\]:/.test(content)) return true;
  return /^(?:[-+*]|\d{1,9}[.)])(?:[ \t]|$)/.test(content) && !/^(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,})$/.test(content);
}

function position(lines: SourceLines, start: number, end: number) {
  return { start: lines.point(start), end: lines.point(end) };
}

export function fencedCode(token: Token, start: number, lines: SourceLines, inQuote: boolean): Code {
  const info = token.info.trim();
  const space = info.search(/\s/);
  const lang = info === "" ? null : unescapeMarkdown(space === -1 ? info : info.slice(0, space));
  const meta = space === -1 ? null : unescapeMarkdown(info.slice(space).trim()) || null;
  // markdown-it does not say whether the fence was closed: it was if the lines it spans are
  // the opening line, the content lines and one more.
  const [first = 0, end = first + 1] = token.map ?? [];
  const contentLines = countNewlines(token.content) + (token.content !== "" && !token.content.endsWith("\n") ? 1 : 0);
  let value = withoutFinalNewline(token.content);
  if (end - first === contentLines + 2) return { type: "code", lang, meta, value, position: position(lines, start, lines.end(end - 1)) };
  // An unclosed fence runs to the end of its container. As micromark has it: when the
  // container ends where another container (list item, quote, footnote) opens, or (outside
  // quotes) at the end of the text, everything up to there is code, blank lines
  // included; otherwise the code stops at the end of its last line, and a last blank line
  // is left out (the code then ends where that line's content would start).
  let endOffset = lines.start(end);
  if ((inQuote || endOffset < lines.text.length) && !opensContainer(lines, end)) {
    const lastIsBlank = contentLines > 0 && /^[ \t]*$/.test(value.slice(value.lastIndexOf("\n") + 1));
    if (lastIsBlank) value = value.slice(0, Math.max(0, value.lastIndexOf("\n")));
    endOffset = lastIsBlank && !inQuote ? lines.start(end - 1) : lines.end(end - 1);
  }
  return { type: "code", lang, meta, value, position: position(lines, start, endOffset) };
}

/** Indented code: `start` is at the container's column (see markdown-tokens.ts). */
export function indentedCode(token: Token, start: number, lines: SourceLines): Code {
  const [first = 0, end = first + 1] = token.map ?? [];
  return { type: "code", lang: null, meta: null, value: withoutFinalNewline(token.content), position: position(lines, start, lines.end(end - 1)) };
}

export function htmlBlock(token: Token, start: number, lines: SourceLines): Html {
  // markdown-it keeps trailing blank lines of an unterminated block; mdast does not.
  const value = withoutTrailingBlankLines(withoutFinalNewline(token.content));
  const [first = 0, end = first + 1] = token.map ?? [];
  return { type: "html", value, position: position(lines, start, lines.end(lines.lastFilled(first, end))) };
}
