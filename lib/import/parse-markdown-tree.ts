import type { BlockContent, DefinitionContent, Heading, List, ListItem, Paragraph, PhrasingContent, Root } from "mdast";
import type { Env, Token } from "markdown-it";
import { InlineContent } from "@/lib/import/inline-content";
import { fencedCode, htmlBlock, indentedCode } from "@/lib/import/leaf-blocks";
import { type InlineTokens, type MarkdownTokens, tokenizeMarkdown } from "@/lib/import/markdown-tokens";
import { toPhrasing } from "@/lib/import/phrasing-content";
import { type Point, SourceLines } from "@/lib/import/source-lines";
import { type RowLine, buildTable } from "@/lib/import/table-rows";

type Flow = BlockContent | DefinitionContent;

// GFM task item: "[ ]", "[x]" or "[X]" opening the item's first paragraph, followed by
// white space and then more content (the paragraph content is already trimmed at its end).
const TASK = /^\[([ xX])\][ \t\n]/;

/**
 * Parses Markdown (CommonMark + GFM tables, task items, strikethrough and footnote
 * definitions) into mdast with source positions, from markdown-it's token stream (see
 * markdown-tokens.ts for how offsets are recorded). This replaced remark (unified +
 * remark-parse + remark-gfm), whose parse time grew faster than linearly on large plans;
 * the tree is the one remark built, as far as the importer reads it. A block starts at its
 * first non-blank character (indented code and HTML at the container's column) and ends at
 * the end of its last line; lists and items end where their last child ends.
 *
 * Known differences from remark, all rare and none losing text:
 * - bare URLs and e-mail addresses stay text (remark-gfm made them links), and `~one~`
 *   tilde is not strikethrough; the importer reads inline Markdown from the source anyway;
 * - a complete HTML tag alone on a lazy line after a list item's or quote's paragraph ends
 *   the paragraph as in remark, but is placed after the list or quote (remark sometimes
 *   kept it inside) and, as an HTML block, runs to the next blank line;
 * - a table row without any "|" over a delimiter row with one is a paragraph, not a table;
 * - micromark oddities not reproduced: indented code right after a list or quote split into
 *   one-line blocks, a table in a list item followed at once by an unindented table, trailing
 *   spaces kept in the info string of a fence on the very last line, and list items that
 *   end after the next item's marker.
 */
export function parseMarkdownTree(text: string): Root {
  const lines = new SourceLines(text);
  const children = new TreeBuilder(tokenizeMarkdown(text), lines).blocks(undefined);
  return { type: "root", children, position: { start: lines.point(0), end: lines.point(text.length) } };
}

const NO_INLINE: InlineTokens = { children: [], starts: [] };

class TreeBuilder {
  private index = 0;
  /** How many quotes enclose the blocks being read. */
  private quoteDepth = 0;
  private readonly tokens: Token[];
  private readonly env: Env;

  constructor(
    private readonly parsed: MarkdownTokens,
    private readonly lines: SourceLines,
  ) {
    this.tokens = parsed.tokens;
    this.env = parsed.env;
  }

  /** Blocks up to (and past) the token of type `closeType`, or to the end. */
  blocks(closeType: string | undefined): Flow[] {
    const out: Flow[] = [];
    while (this.index < this.tokens.length) {
      const token = this.tokens[this.index];
      if (!token) break;
      if (token.type === closeType) {
        this.index += 1;
        break;
      }
      const node = this.block(token, this.parsed.starts[this.index] ?? this.lines.skipBlanks(token.map?.[0] ?? 0));
      if (node?.type === "heading" && (token.markup === "=" || token.markup === "-")) startAtDefinitions(node, out);
      if (node) out.push(node);
    }
    return out;
  }

  /** Inline children of the `inline` token after the opening token at `this.index`. */
  private inlineAfterOpen(): InlineTokens {
    return this.parsed.inline[this.index + 1] ?? NO_INLINE;
  }

  /** End of the last line of a block whose `map` is [first, end). */
  private lastLineEnd(token: Token): number {
    const [first = 0, end = first + 1] = token.map ?? [];
    return this.lines.end(Math.max(first, end - 1));
  }

  private position(start: number, end: number) {
    return { start: this.lines.point(start), end: this.lines.point(end) };
  }

  private block(token: Token, start: number): Flow | undefined {
    switch (token.type) {
      case "paragraph_open":
        return this.paragraph(token, start, false);
      case "heading_open":
        return this.heading(token, start);
      case "bullet_list_open":
      case "ordered_list_open":
        return this.list(token, start);
      case "blockquote_open": {
        this.index += 1;
        this.quoteDepth += 1;
        const children = this.blocks("blockquote_close");
        this.quoteDepth -= 1;
        // markdown-it's range can run on over blank lines, which never belong to a quote; a
        // last child can reach past the last line (an unclosed fence ends where the next starts).
        const [first = 0, end = first + 1] = token.map ?? [];
        const quoteEnd = Math.max(this.lines.end(this.lines.lastFilled(first, end)), children.at(-1)?.position?.end.offset ?? 0);
        return { type: "blockquote", children, position: this.position(start, quoteEnd) };
      }
      case "footnote_definition_open": {
        this.index += 1;
        const label = typeof token.meta?.label === "string" ? token.meta.label : "";
        const children = this.blocks("footnote_definition_close");
        const end = children.at(-1)?.position?.end.offset ?? this.lines.end(this.lines.lineOf(start));
        return { type: "footnoteDefinition", identifier: label.toLowerCase(), label, children, position: this.position(start, end) };
      }
      case "table_open": {
        const rows: RowLine[] = [];
        for (this.index += 1; this.index < this.tokens.length; this.index += 1) {
          const row = this.tokens[this.index];
          if (!row || row.type === "table_close") break;
          if (row.type === "tr_open") rows.push({ line: row.map?.[0] ?? 0, start: this.parsed.starts[this.index] });
        }
        this.index += 1;
        return buildTable(token, rows, this.lines, this.env);
      }
      default:
        this.index += 1;
        return this.leaf(token, start);
    }
  }

  private leaf(token: Token, start: number): Flow | undefined {
    switch (token.type) {
      case "fence":
        return fencedCode(token, start, this.lines, this.quoteDepth > 0);
      case "code_block":
        return indentedCode(token, start, this.lines);
      case "html_block":
        return htmlBlock(token, start, this.lines);
      case "hr":
        return { type: "thematicBreak", position: this.position(start, this.lastLineEnd(token)) };
      case "reference_definition":
        return this.definition(token, start);
      default:
        return undefined;
    }
  }

  private paragraph(open: Token, start: number, task: boolean): Paragraph {
    const inline = this.tokens[this.index + 1];
    const inlineTokens = this.inlineAfterOpen();
    this.index += 3;
    const position = this.position(start, this.lastLineEnd(open));
    if (!inline) return { type: "paragraph", children: [], position };
    const content = InlineContent.fromLines(inline.content, open.map?.[0] ?? 0, this.lines);
    const children = toPhrasing(inlineTokens, content, this.lines);
    const head = children[0];
    // As remark-gfm does: the checkbox and the one white-space character after it leave the text.
    if (task && head?.type === "text" && head.position) {
      head.value = head.value.slice(4);
      if (head.value === "") children.shift();
      else {
        head.position.start = this.lines.point(content.toSource(4));
        position.start = head.position.start;
      }
    }
    return { type: "paragraph", children, position };
  }

  private heading(open: Token, start: number): Heading {
    const inline = this.tokens[this.index + 1];
    const inlineTokens = this.inlineAfterOpen();
    this.index += 3;
    const depth = Math.min(6, Math.max(1, Number(open.tag.slice(1)))) as Heading["depth"];
    const position = this.position(start, this.lastLineEnd(open));
    if (!inline || inline.content === "") return { type: "heading", depth, children: [], position };
    let content: InlineContent;
    if (open.markup === "=" || open.markup === "-") {
      content = InlineContent.fromLines(inline.content, open.map?.[0] ?? 0, this.lines);
    } else {
      let offset = start;
      while (this.lines.text[offset] === "#") offset += 1;
      content = InlineContent.verbatim(inline.content, this.lines.skipBlanks(this.lines.lineOf(start), offset));
    }
    const children: PhrasingContent[] = toPhrasing(inlineTokens, content, this.lines);
    return { type: "heading", depth, children, position };
  }

  private list(open: Token, start: number): List {
    const ordered = open.type === "ordered_list_open";
    const closeType = ordered ? "ordered_list_close" : "bullet_list_close";
    const items: ListItem[] = [];
    for (this.index += 1; this.index < this.tokens.length; ) {
      const token = this.tokens[this.index];
      if (!token || token.type === closeType) break;
      if (token.type === "list_item_open") items.push(this.listItem(token, this.parsed.starts[this.index] ?? this.lines.skipBlanks(token.map?.[0] ?? 0)));
      else this.index += 1;
    }
    this.index += 1;
    const end = items.at(-1)?.position?.end.offset ?? this.lastLineEnd(open);
    return {
      type: "list",
      ordered,
      start: ordered ? Number(open.attrGet("start") ?? 1) : null,
      spread: hasGap(items),
      children: items,
      position: this.position(start, end),
    };
  }

  private listItem(open: Token, start: number): ListItem {
    this.index += 1;
    const first = this.tokens[this.index];
    // GFM only reads a checkbox that starts the item's first line.
    const onFirstLine = first?.type === "paragraph_open" && first.map?.[0] === open.map?.[0];
    const task = onFirstLine ? TASK.exec(this.tokens[this.index + 1]?.content ?? "") : null;
    const children: Flow[] = [];
    if (first && task) children.push(this.paragraph(first, this.parsed.starts[this.index] ?? this.lines.skipBlanks(first.map?.[0] ?? 0), true));
    children.push(...this.blocks("list_item_close"));
    const end = children.at(-1)?.position?.end.offset ?? this.lines.end(this.lines.lineOf(start));
    return {
      type: "listItem",
      spread: hasGap(children),
      checked: task ? task[1] !== " " : null,
      children,
      position: this.position(start, end),
    };
  }

  private definition(token: Token, start: number): DefinitionContent {
    const position = this.position(start, this.lastLineEnd(token));
    const label = /^\[((?:\\.|[^\\\]])*)\]/.exec(this.lines.text.slice(start, position.end.offset))?.[1] ?? "";
    const identifier = label.replace(/\s+/g, " ").trim().toLowerCase();
    const key = typeof token.meta?.label === "string" ? token.meta.label : "";
    const reference = this.env.references?.[key];
    return { type: "definition", identifier, label, url: reference?.href ?? "", title: reference?.title || null, position };
  }
}

/**
 * micromark reads definitions and a setext heading right after them as one piece of
 * content, and the heading's position starts with the first of those definitions.
 */
function startAtDefinitions(heading: Heading, before: Flow[]): void {
  let index = before.length - 1;
  let line = heading.position?.start.line ?? 0;
  let start: Point | undefined;
  for (let node = before[index]; node?.type === "definition" && node.position?.end.line === line - 1; node = before[(index -= 1)]) {
    start = node.position.start;
    line = start.line;
  }
  if (start && heading.position) heading.position.start = { ...start };
}

/** mdast `spread`: a blank line between two of the children. */
function hasGap(children: { position?: { start: { line: number }; end: { line: number } } }[]): boolean {
  for (let index = 1; index < children.length; index += 1) {
    const before = children[index - 1]?.position;
    const after = children[index]?.position;
    if (before && after && after.start.line - before.end.line > 1) return true;
  }
  return false;
}
