import MarkdownIt, { type PluginSimple, type Token } from "markdown-it";
import footnotes from "markdown-it-footnote";

/**
 * The one Markdown parser of the importer: markdown-it (CommonMark with its built-in GFM
 * tables), raw HTML recognised so that comments and `<details>` blocks are seen as HTML,
 * and footnote definitions from the published markdown-it-footnote plugin.
 *
 * The importer reads inline Markdown from the source as the author wrote it (see
 * parse-markdown-tree.ts), so inline parsing only has to find HTML comments, which the
 * importer cuts out of text. Every inline rule that builds links, images, emphasis,
 * entities, line breaks or footnote references is disabled: the tree never reads them, and the link
 * label scan they share ("[", then to its matching "]") costs quadratic time on a run of
 * unclosed "[" or "![". Code spans, backslash escapes and autolinks stay enabled, since they
 * decide where an HTML comment can start.
 *
 * `footnote_tail` is disabled so that footnote definitions stay where they were written
 * instead of being gathered at the end (and dropped when nothing refers to them).
 */

/**
 * markdown-it's `maxNesting` in its default preset (the option is not in @types/markdown-it,
 * so the default is kept). markdown-it reads nothing nested deeper (50 levels of lists, or
 * 100 of quotes); parse-markdown-tree.ts refuses such a document with a clear message.
 */
export const MAX_NESTING = 100;

// @types/markdown-it-footnote declares its argument with markdown-it's CommonJS types, which
// TypeScript sees as a different class from the ES module's; it is the same parser.
const footnotePlugin = footnotes as unknown as PluginSimple;

const md = new MarkdownIt("default", { html: true, linkify: false, typographer: false })
  .use(footnotePlugin)
  .disable(["link", "image", "emphasis", "strikethrough", "entity", "newline", "footnote_inline", "footnote_ref", "footnote_tail"]);

export interface MarkdownTokens {
  tokens: Token[];
  /** What the core chain collected: `references` (link reference definitions) and `footnotes`. */
  env: { references?: Record<string, { href: string; title: string }> };
}

export function parseMarkdownTokens(text: string): MarkdownTokens {
  const env: MarkdownTokens["env"] = {};
  return { tokens: md.parse(text, env), env };
}

/** markdown-it's key for a link reference label (case folded, white space collapsed). */
export const normalizeReference: (label: string) => string = md.utils.normalizeReference;

/** Backslash escapes and entities undone, as in a fence's info string. */
export const unescapeMarkdown: (text: string) => string = md.utils.unescapeAll;
