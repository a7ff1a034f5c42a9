import type { Nodes, Parent } from "mdast";

/**
 * Text of the tree's nodes taken from the source rather than re-serialised, so inline
 * Markdown (`code`, **bold**, links) is kept exactly as the author wrote it and survives export.
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
   * Inline content of a paragraph, heading or table cell, as written: the tree keeps it in
   * the node's `text` children (see parse-markdown-tree.ts), without heading markers,
   * closing "#"s, task checkboxes or HTML comments, each line trimmed.
   */
  inline(node: Parent): string {
    let text = "";
    for (const child of node.children as Nodes[]) if (child.type === "text") text += child.value;
    return text;
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
