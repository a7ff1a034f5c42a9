import type { Blockquote, Code, FootnoteDefinition, Heading, Html, List, ListItem, Paragraph, Root, RootContent, Table, TableCell, TableRow, Text } from "mdast";
import type { Token } from "markdown-it";
import { ImportError } from "@/lib/import/import-error";
import { MAX_NESTING, type MarkdownTokens, normalizeReference, parseMarkdownTokens, unescapeMarkdown } from "@/lib/import/markdown-parser";
import { SourceLines } from "@/lib/import/source-lines";

/**
 * Markdown → an mdast-shaped tree of blocks, mapped straight from markdown-it's tokens
 * (markdown-parser.ts). It is the tree the rest of the importer reads; it is not remark's
 * tree, and nothing here imitates remark.
 *
 * Positions come from the tokens' line ranges (`map`): a block starts at the first character
 * of its first line inside its containers (after "> " and list markers; indented code and
 * HTML at the container's column) and ends at the end of its last non-blank line.
 * markdown-it gives no positions inside a line, so inline content is not decoded: each
 * paragraph, heading and table cell has one `text` child holding its inline Markdown as
 * written (markdown-it's own inline content: container prefixes removed, and in table cells
 * `\|` read as "|" as GFM does), each line trimmed and HTML comments cut out. The importer
 * keeps inline Markdown as the author wrote it, so this is the form it needs.
 *
 * Nothing is dropped: source lines that no block covers (link reference definitions, which
 * markdown-it takes out of the flow, and empty footnote definitions) become `definition`
 * and `footnoteDefinition` blocks at the top level, after the block they were in. Lists or
 * quotes nested deeper than markdown-it reads are refused (ImportError "too_deep"): past
 * that depth markdown-it reads nothing more, to the end of the text.
 */
type Block = RootContent;
type Container = { kind: "quote" } | { kind: "item"; line: number; marker: string; indent: number };

// GFM task item: "[ ]", "[x]" or "[X]" opening the item's first line, then white space and more.
const TASK = /^\[([ xX])\][ \t\n]/;

/** Throws ImportError "too_deep" for lists or quotes nested deeper than markdown-it reads. */
export function parseMarkdownTree(text: string): Root {
  return new TreeBuilder(text).build();
}

class TreeBuilder {
  private readonly lines: SourceLines;
  private readonly tokens: Token[];
  private readonly references: NonNullable<MarkdownTokens["env"]["references"]>;
  private index = 0;
  private readonly containers: Container[] = [];
  /** Per source line: whether a block's content covers it. */
  private readonly covered: Uint8Array;

  constructor(text: string) {
    this.lines = new SourceLines(text);
    const parsed = parseMarkdownTokens(text);
    this.tokens = parsed.tokens;
    this.references = parsed.env.references ?? {};
    this.covered = new Uint8Array(this.lines.count);
    refuseTooDeep(this.tokens);
  }

  build(): Root {
    const children = this.withUncoveredLines(this.blocks(undefined));
    return { type: "root", children, position: { start: this.lines.point(0), end: this.lines.point(this.lines.text.length) } };
  }

  /** Blocks up to (and past) the token of type `closeType`, or to the end. */
  private blocks(closeType: string | undefined, out: Block[] = []): Block[] {
    while (this.index < this.tokens.length) {
      const token = this.tokens[this.index];
      if (!token) break;
      this.index += 1;
      if (token.type === closeType) break;
      const node = this.block(token);
      if (node) out.push(node);
    }
    return out;
  }

  /** The block that `token` (just consumed) opens or is. */
  private block(token: Token): Block | undefined {
    switch (token.type) {
      case "paragraph_open":
        return this.paragraph(token, 0);
      case "heading_open":
        return this.heading(token);
      case "bullet_list_open":
      case "ordered_list_open":
        return this.list(token);
      case "blockquote_open":
        return this.quote(token);
      case "table_open":
        return this.table(token);
      case "footnote_reference_open":
        return this.footnote(token);
      case "fence":
        return this.fence(token);
      case "code_block":
        return this.indentedCode(token);
      case "html_block":
        return this.html(token);
      case "hr": {
        const [first, last] = this.cover(token);
        return { type: "thematicBreak", position: this.position(this.contentStart(first), this.lines.end(last)) };
      }
      default:
        // A token this tree has no node for (none of markdown-it's block rules make one): its
        // closing token, if any, is skipped with it; its lines are kept as uncovered text.
        if (token.nesting === 1) this.skipTo(token.type.replace(/_open$/, "_close"));
        return undefined;
    }
  }

  private skipTo(closeType: string): void {
    while (this.index < this.tokens.length && this.tokens[this.index]?.type !== closeType) this.index += 1;
    this.index += 1;
  }

  /** The inline token after an opening token, and the closing token after it, consumed. */
  private inlineContent(): Token | undefined {
    const inline = this.tokens[this.index];
    this.index += 2;
    return inline?.type === "inline" ? inline : undefined;
  }

  /** The lines [first, last] of a leaf block's `map`, marked as read. */
  private cover(token: Token): [number, number] {
    const [first = 0, end = first + 1] = token.map ?? [];
    const last = this.lines.lastFilled(first, end);
    this.covered.fill(1, first, last + 1);
    return [first, last];
  }

  private position(start: number, end: number) {
    return { start: this.lines.point(start), end: this.lines.point(Math.max(start, end)) };
  }

  /**
   * Where the content of `line` starts inside the current containers: past each quote's ">"
   * (a lazy line has none) and list item's marker or indentation. With `skipIndent`, also
   * past the block's own indentation.
   */
  private contentStart(line: number, skipIndent = true): number {
    const text = this.lines.text;
    const end = this.lines.end(line);
    let offset = this.lines.start(line);
    for (const container of this.containers) {
      if (container.kind === "quote") {
        const marker = this.lines.skipBlanks(line, offset);
        if (text[marker] !== ">") break;
        offset = marker + 1;
        if (text[offset] === " " || text[offset] === "\t") offset += 1;
      } else if (line === container.line) {
        const afterMarker = this.lines.skipBlanks(line, offset) + container.marker.length;
        const content = this.lines.skipBlanks(line, afterMarker);
        offset = content >= end || content - afterMarker > 4 ? Math.min(afterMarker + 1, end) : content;
      } else {
        for (let skipped = 0; skipped < container.indent && offset < end && (text[offset] === " " || text[offset] === "\t"); skipped += 1) offset += 1;
      }
    }
    return skipIndent ? this.lines.skipBlanks(line, offset) : offset;
  }

  /** One `text` child holding the inline Markdown as written, HTML comments cut out (no position: it has none of its own). */
  private phrasing(inline: Token | undefined, skip: number): Text[] {
    if (!inline) return [];
    let value = "";
    let cursor = skip;
    for (const child of inline.children ?? []) {
      if (child.type !== "html_inline" || !child.content.startsWith("<!--")) continue;
      const at = inline.content.indexOf(child.content, cursor);
      if (at === -1) continue;
      value += inline.content.slice(cursor, at);
      cursor = at + child.content.length;
    }
    value += inline.content.slice(cursor);
    value = trimLines(value);
    return value === "" ? [] : [{ type: "text", value }];
  }

  /** `skip`: characters of the content that are not text (a task item's checkbox). */
  private paragraph(open: Token, skip: number): Paragraph {
    const [first, last] = this.cover(open);
    const inline = this.inlineContent();
    const start = this.contentStart(first);
    const position = this.position(start, this.lines.end(last));
    return { type: "paragraph", children: this.phrasing(inline, skip), position };
  }

  private heading(open: Token): Heading {
    const [first, last] = this.cover(open);
    const inline = this.inlineContent();
    const depth = Math.min(6, Math.max(1, Number(open.tag.slice(1)))) as Heading["depth"];
    const start = this.contentStart(first);
    return { type: "heading", depth, children: this.phrasing(inline, 0), position: this.position(start, this.lines.end(last)) };
  }

  private list(open: Token): List {
    const ordered = open.type === "ordered_list_open";
    const closeType = ordered ? "ordered_list_close" : "bullet_list_close";
    const [first = 0] = open.map ?? [];
    const start = this.contentStart(first);
    const items: ListItem[] = [];
    while (this.index < this.tokens.length) {
      const token = this.tokens[this.index];
      this.index += 1;
      if (!token || token.type === closeType) break;
      if (token.type === "list_item_open") items.push(this.listItem(token));
    }
    const end = items.at(-1)?.position?.end.offset ?? this.lines.end(first);
    return {
      type: "list",
      ordered,
      start: ordered ? Number(open.attrGet("start") ?? 1) : null,
      children: items,
      position: this.position(start, end),
    };
  }

  private listItem(open: Token): ListItem {
    const [line = 0] = open.map ?? [];
    const end = this.lines.end(line);
    // Where the outer containers' content starts, then the marker (an ordered item's `info`
    // is its number, `markup` its delimiter), then the item's own content.
    const outer = this.contentStart(line, false);
    const start = this.lines.skipBlanks(line, outer);
    const marker = open.info + open.markup;
    const afterMarker = start + marker.length;
    const content = this.lines.skipBlanks(line, afterMarker);
    // One to four spaces separate marker and content; more make the content indented code.
    const contentColumn = content >= end || content - afterMarker > 4 ? Math.min(afterMarker + 1, end) : content;
    this.containers.push({ kind: "item", line, marker, indent: contentColumn - outer });
    // A checkbox counts only when it opens the item's first line.
    const first = this.tokens[this.index];
    const firstContent = this.tokens[this.index + 1]?.content ?? "";
    const task = first?.type === "paragraph_open" && first.map?.[0] === line ? TASK.exec(firstContent) : null;
    const children: Block[] = [];
    if (first && task) {
      this.index += 1;
      children.push(this.paragraph(first, task[0].length));
    }
    this.blocks("list_item_close", children);
    this.containers.pop();
    const itemEnd = children.at(-1)?.position?.end.offset ?? end;
    return {
      type: "listItem",
      checked: task ? task[1] !== " " : null,
      children: children as ListItem["children"],
      position: this.position(start, itemEnd),
    };
  }

  private quote(open: Token): Blockquote {
    const [first = 0, end = first + 1] = open.map ?? [];
    const start = this.contentStart(first);
    this.containers.push({ kind: "quote" });
    const children = this.blocks("blockquote_close");
    this.containers.pop();
    const quoteEnd = Math.max(this.lines.end(this.lines.lastFilled(first, end)), children.at(-1)?.position?.end.offset ?? 0);
    return { type: "blockquote", children: children as Blockquote["children"], position: this.position(start, quoteEnd) };
  }

  private table(open: Token): Table {
    const [first, last] = this.cover(open);
    const rows: TableRow[] = [];
    const align: Table["align"] = [];
    let cells: TableCell[] = [];
    while (this.index < this.tokens.length) {
      const token = this.tokens[this.index];
      this.index += 1;
      if (!token || token.type === "table_close") break;
      if (token.type === "tr_open") cells = [];
      else if (token.type === "tr_close") rows.push({ type: "tableRow", children: cells });
      else if (token.type === "th_open" || token.type === "td_open") {
        if (token.type === "th_open") align.push(alignment(token.attrGet("style")));
        // The cell's inline token and closing token follow; this loop passes over them.
        const inline = this.tokens[this.index];
        cells.push({ type: "tableCell", children: this.phrasing(inline?.type === "inline" ? inline : undefined, 0) });
      }
    }
    return { type: "table", align, children: rows, position: this.position(this.contentStart(first), this.lines.end(last)) };
  }

  private footnote(open: Token): FootnoteDefinition | undefined {
    const label = typeof open.meta?.label === "string" ? open.meta.label : "";
    const children = this.blocks("footnote_reference_close");
    const firstChild = children[0]?.position?.start.line;
    if (firstChild === undefined) return undefined; // an empty definition's line is kept as uncovered text
    // The definition starts on its "[^label]:" line: its first block's, or the one before.
    let line = firstChild - 1;
    if (line > 0 && !this.lines.text.startsWith("[^", this.contentStart(line))) line -= 1;
    this.covered[line] = 1;
    const start = this.contentStart(line);
    const end = children.at(-1)?.position?.end.offset ?? this.lines.end(line);
    return {
      type: "footnoteDefinition",
      identifier: identifierOf(label),
      label,
      children: children as FootnoteDefinition["children"],
      position: this.position(start, end),
    };
  }

  private fence(token: Token): Code {
    const [first, last] = this.cover(token);
    const info = unescapeMarkdown(token.info).trim();
    const space = info.search(/\s/);
    return {
      type: "code",
      lang: info === "" ? null : space === -1 ? info : info.slice(0, space),
      meta: space === -1 ? null : info.slice(space).trim() || null,
      value: withoutFinalNewline(token.content),
      position: this.position(this.contentStart(first), this.lines.end(last)),
    };
  }

  private indentedCode(token: Token): Code {
    const [first, last] = this.cover(token);
    return { type: "code", lang: null, meta: null, value: withoutFinalNewline(token.content), position: this.position(this.contentStart(first, false), this.lines.end(last)) };
  }

  private html(token: Token): Html {
    const [first, last] = this.cover(token);
    const value = withoutTrailingBlankLines(token.content);
    return { type: "html", value, position: this.position(this.contentStart(first, false), this.lines.end(last)) };
  }

  /**
   * The blocks with the lines no block covers added back, each run of them after the
   * top-level block it was in or follows.
   */
  private withUncoveredLines(blocks: Block[]): Block[] {
    const runs = this.uncoveredRuns();
    if (runs.length === 0) return blocks;
    const out: Block[] = [];
    let next = 0;
    for (const block of blocks) {
      const line = (block.position?.start.line ?? 1) - 1;
      for (let run = runs[next]; run && run.first < line; run = runs[(next += 1)]) out.push(this.uncoveredBlock(run));
      out.push(block);
    }
    for (let run = runs[next]; run; run = runs[(next += 1)]) out.push(this.uncoveredBlock(run));
    return out;
  }

  /** Runs of consecutive lines that have content beyond container markers and no block. */
  private uncoveredRuns(): { first: number; last: number }[] {
    const runs: { first: number; last: number }[] = [];
    for (let line = 0; line < this.lines.count; line += 1) {
      if (this.covered[line] || this.lines.text.slice(afterContainerMarkers(this.lines, line), this.lines.end(line)).trim() === "") continue;
      const previous = runs.at(-1);
      if (previous && previous.last === line - 1) previous.last = line;
      else runs.push({ first: line, last: line });
    }
    return runs;
  }

  private uncoveredBlock(run: { first: number; last: number }): Block {
    const start = afterContainerMarkers(this.lines, run.first);
    const position = this.position(start, this.lines.end(run.last));
    const text = this.lines.text;
    if (text.startsWith("[^", start)) {
      const label = text.slice(start + 2, Math.max(start + 2, text.indexOf("]", start)));
      return { type: "footnoteDefinition", identifier: identifierOf(label), label, children: [], position };
    }
    if (text[start] === "[") {
      const label = text.slice(start + 1, Math.max(start + 1, text.indexOf("]", start)));
      const reference = this.references[normalizeReference(label)];
      return { type: "definition", identifier: identifierOf(label), label, url: reference?.href ?? "", title: reference?.title || null, position };
    }
    // No other markdown-it rule leaves a line out; should one, its text is kept as notes.
    const lines: string[] = [];
    for (let line = run.first; line <= run.last; line += 1) lines.push(text.slice(afterContainerMarkers(this.lines, line), this.lines.end(line)));
    const value = trimLines(lines.join("\n"));
    return { type: "paragraph", children: [{ type: "text", value }], position };
  }
}

/**
 * markdown-it reads nothing inside a container opened at the last level `maxNesting` allows,
 * and that container then runs to the end of the text: the rest of the plan would be lost.
 */
function refuseTooDeep(tokens: Token[]): void {
  const deepest = tokens.find((token) => token.nesting === 1 && token.level + 1 >= MAX_NESTING);
  if (!deepest) return;
  throw new ImportError(
    "too_deep",
    `Line ${(deepest.map?.[0] ?? 0) + 1}: lists or quotes are nested ${MAX_NESTING / 2} levels deep or more (${MAX_NESTING} for quotes), which the importer cannot read. Flatten the nesting and upload the plan again.`,
  );
}

/** Past white space, quote markers and list markers at the start of a line (for lines no block covers). */
function afterContainerMarkers(lines: SourceLines, line: number): number {
  const text = lines.text;
  const end = lines.end(line);
  let offset = lines.skipBlanks(line);
  for (;;) {
    if (text[offset] === ">") {
      offset = lines.skipBlanks(line, offset + 1);
      continue;
    }
    let marker = offset;
    while (marker < end && marker - offset < 9 && text[marker]! >= "0" && text[marker]! <= "9") marker += 1;
    const isOrdered = marker > offset && (text[marker] === "." || text[marker] === ")");
    const isBullet = marker === offset && (text[marker] === "-" || text[marker] === "*" || text[marker] === "+");
    const after = marker + 1;
    if ((isOrdered || isBullet) && (after >= end || text[after] === " " || text[after] === "\t")) {
      offset = lines.skipBlanks(line, after);
      continue;
    }
    return offset;
  }
}

/** A column's alignment, from the style markdown-it gives its header cell ("text-align:center"). */
function alignment(style: string | null): "left" | "right" | "center" | null {
  const value = style?.replace("text-align:", "");
  return value === "left" || value === "right" || value === "center" ? value : null;
}

/** mdast's identifier: the label case folded, white space collapsed. */
function identifierOf(label: string): string {
  return normalizeReference(label).toLowerCase();
}

function trimLines(value: string): string {
  if (!value.includes("\n")) return value.trim();
  return value
    .split("\n")
    .map((line) => line.trim())
    .join("\n")
    .trim();
}

function withoutFinalNewline(value: string): string {
  return value.endsWith("\n") ? value.slice(0, -1) : value;
}

/** The value without its final line break and any blank lines before it, by scanning back. */
function withoutTrailingBlankLines(value: string): string {
  let end = value.length;
  for (let offset = value.length - 1; offset >= 0; offset -= 1) {
    const char = value[offset];
    if (char === "\n") end = offset;
    else if (char !== " " && char !== "\t") break;
  }
  return value.slice(0, end);
}
