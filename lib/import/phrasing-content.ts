import type { Delete, Emphasis, Link, PhrasingContent, Strong } from "mdast";
import type { Token } from "markdown-it";
import type { InlineContent } from "@/lib/import/inline-content";
import type { InlineTokens } from "@/lib/import/markdown-tokens";
import type { Point, SourceLines } from "@/lib/import/source-lines";

type Container = Emphasis | Strong | Delete | Link;

function nullable(value: string | number | null): string | null {
  return value === null ? null : String(value);
}

function opener(token: Token): Container | undefined {
  switch (token.type) {
    case "em_open":
      return { type: "emphasis", children: [] };
    case "strong_open":
      return { type: "strong", children: [] };
    case "s_open":
      return { type: "delete", children: [] };
    case "link_open":
      return { type: "link", url: String(token.attrGet("href") ?? ""), title: nullable(token.attrGet("title")), children: [] };
    default:
      return undefined;
  }
}

/** Emphasis delimiters markdown-it has consumed are left behind as empty text tokens. */
function isEmptyText(token: Token): boolean {
  return (token.type === "text" || token.type === "text_special") && token.content === "";
}

function point(index: number, content: InlineContent, lines: SourceLines): Point {
  return lines.point(content.toSource(index));
}

/** Where each token starts and ends in the content: it ends where the next token with content starts. */
function tokenBounds(inline: InlineTokens, length: number): { starts: number[]; ends: number[] } {
  const { children } = inline;
  const starts: number[] = new Array<number>(children.length);
  let previous = 0;
  children.forEach((token, index) => {
    let start = inline.starts[index] ?? previous;
    // The link rule opens a link from inside its label, one past the "[".
    if (token.type === "link_open" && token.info !== "auto") start = Math.max(0, start - 1);
    starts[index] = start;
    previous = start;
  });
  const ends: number[] = new Array<number>(children.length);
  let next = length;
  for (let index = children.length - 1; index >= 0; index -= 1) {
    ends[index] = next;
    const token = children[index];
    if (token && !isEmptyText(token)) next = starts[index] ?? next;
  }
  return { starts, ends };
}

/**
 * markdown-it inline tokens → mdast phrasing content with source positions. A token starts
 * where markdown-it was when it made it (see markdown-tokens.ts) and ends where the next
 * token that has any content starts. Soft line breaks are part of the text, as in mdast.
 */
export function toPhrasing(inline: InlineTokens, content: InlineContent, lines: SourceLines): PhrasingContent[] {
  const { children } = inline;
  const { starts, ends } = tokenBounds(inline, content.text.length);
  const root: PhrasingContent[] = [];
  const stack: { node: Container; start: number }[] = [];
  for (let index = 0; index < children.length; index += 1) {
    const token = children[index];
    if (!token) continue;
    const start = starts[index] ?? 0;
    let end = Math.max(start, ends[index] ?? start);
    const into = stack.at(-1)?.node.children ?? root;
    switch (token.type) {
      case "text":
      case "text_special":
      case "softbreak": {
        const value = token.type === "softbreak" ? "\n" : token.content;
        if (value === "") break;
        // Text before a hard break ends before the spaces that make the break.
        if (children[index + 1]?.type === "hardbreak") {
          while (end > start && (content.text[end - 1] === " " || content.text[end - 1] === "\t")) end -= 1;
        }
        const last = into.at(-1);
        if (last?.type === "text" && last.position) {
          last.value += value;
          last.position.end = point(end, content, lines);
        } else {
          into.push({ type: "text", value, position: { start: point(start, content, lines), end: point(end, content, lines) } });
        }
        break;
      }
      case "hardbreak":
        into.push({ type: "break", position: { start: point(start, content, lines), end: point(end, content, lines) } });
        break;
      case "code_inline":
        into.push({ type: "inlineCode", value: token.content, position: { start: point(start, content, lines), end: point(end, content, lines) } });
        break;
      case "html_inline": {
        const position = { start: point(start, content, lines), end: point(start + token.content.length, content, lines) };
        into.push({ type: "html", value: token.content, position });
        break;
      }
      case "image":
        into.push({
          type: "image",
          url: String(token.attrGet("src") ?? ""),
          alt: token.content,
          title: nullable(token.attrGet("title")),
          position: { start: point(start, content, lines), end: point(end, content, lines) },
        });
        break;
      default: {
        const node = opener(token);
        if (node) {
          into.push(node);
          stack.push({ node, start });
        } else if (token.nesting === -1) {
          const closed = stack.pop();
          if (closed) closed.node.position = { start: point(closed.start, content, lines), end: point(end, content, lines) };
        }
      }
    }
  }
  return root;
}
