import type { Nodes, Parent } from "mdast";

/**
 * Text of mdast nodes taken from the source rather than re-serialised, so inline Markdown
 * (`code`, **bold**, links) is kept exactly as the author wrote it and survives export.
 */
export class SourceText {
  constructor(readonly text: string) {}

  startLine(node: Nodes): number {
    return node.position?.start.line ?? 0;
  }

  endLine(node: Nodes): number {
    return node.position?.end.line ?? 0;
  }

  /** Raw source of a node, with continuation lines de-indented to the node's own column. */
  block(node: Nodes): string {
    const position = node.position;
    if (!position) return "";
    const raw = this.text.slice(position.start.offset ?? 0, position.end.offset ?? 0);
    const indent = position.start.column - 1;
    if (indent === 0) return raw;
    return raw
      .split("\n")
      .map((line, index) => (index === 0 ? line : stripIndent(line, indent)))
      .join("\n");
  }

  /**
   * Inline content of a paragraph, heading or table cell: from its first child to its last,
   * which leaves out heading markers, closing "#"s and task checkboxes. HTML comments are
   * cut out; each line is trimmed (indentation inside list items is not content).
   */
  inline(node: Parent): string {
    const children = node.children as Nodes[];
    const first = children[0]?.position;
    const last = children.at(-1)?.position;
    if (!first || !last) return "";
    const start = first.start.offset ?? 0;
    const end = last.end.offset ?? 0;
    let text = "";
    let cursor = start;
    for (const child of children) {
      if (child.type === "html" && child.value.startsWith("<!--") && child.position) {
        text += this.text.slice(cursor, child.position.start.offset ?? cursor);
        cursor = child.position.end.offset ?? cursor;
      }
    }
    text += this.text.slice(cursor, end);
    return text
      .split("\n")
      .map((line) => line.trim())
      .join("\n")
      .trim();
  }
}

function stripIndent(line: string, indent: number): string {
  let index = 0;
  while (index < indent && index < line.length && (line[index] === " " || line[index] === "\t")) index += 1;
  return line.slice(index);
}

/** Block HTML that is nothing but comments carries no plan content and is skipped. */
export function isCommentOnly(html: string): boolean {
  return html.replace(/<!--[\s\S]*?(-->|$)/g, "").trim() === "";
}
