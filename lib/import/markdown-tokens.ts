import MarkdownIt from "markdown-it";
import type { Delimiter, Env, StateBlock, StateInline, Token } from "markdown-it";
import { LightToken } from "@/lib/import/light-token";
import { followRemark } from "@/lib/import/remark-compatibility";

/**
 * markdown-it, set up to report where things are. Its tokens only carry 0-based block line
 * ranges (`map`), but the importer slices the source by offset (SourceText keeps inline
 * Markdown exactly as written), so a few hooks note offsets while markdown-it parses:
 *
 * - block tokens: the first non-blank character of their first line *inside their
 *   container* (after "> " or a list marker), read from the block state's line marks at the
 *   moment the rule that produces the token starts; table rows the same, per row line;
 * - inline tokens: their index in the inline content string.
 *
 * Offsets are kept in arrays parallel to the token arrays (a WeakMap entry per token made
 * garbage collection the slowest part of a large import), and tokens are LightTokens (see
 * light-token.ts). That is why the block and inline parsers are run here directly rather
 * than through `md.parse`, whose core chain would otherwise only normalise NULs, drop
 * reference definitions (which remark kept and the importer reports) and merge adjacent
 * text tokens.
 *
 * Otherwise this is markdown-it: CommonMark plus its built-in tables and `~~` strikethrough,
 * with raw HTML recognised (remark read HTML blocks and comments too), and the rules in
 * remark-compatibility.ts where remark (micromark) reads a block differently.
 */

// markdown-it stops reading blocks nested deeper than `maxNesting` (its default, 100, is 50
// levels of list) and drops their lines; remark had no such limit. 400 is far deeper than any
// plan nests and stays clear of the call stack's limit (1000 levels of "> " quotes exceeded
// it), and past it the lines are kept (below).
const MAX_NESTING = 400;
const md = new MarkdownIt("default", { html: true, linkify: false, typographer: false, maxNesting: MAX_NESTING });

const tokenizeBlocks = md.block.tokenize.bind(md.block);
md.block.tokenize = (state: StateBlock, startLine: number, endLine: number): void => {
  if (state.level < MAX_NESTING - 2) return tokenizeBlocks(state, startLine, endLine);
  // Too deep to read further: the container's remaining lines become one paragraph.
  const first = state.skipEmptyLines(startLine);
  let next = first;
  while (next < endLine && (state.isEmpty(next) || (state.sCount[next] ?? 0) >= state.blkIndent)) next += 1;
  let last = next;
  while (last > first && state.isEmpty(last - 1)) last -= 1;
  state.line = next;
  if (last <= first) return;
  state.push("paragraph_open", "p", 1).map = [first, last];
  const inline = state.push("inline", "", 0);
  inline.content = state.getLines(first, last, state.blkIndent, false).trim();
  inline.map = [first, last];
  inline.children = [];
  state.push("paragraph_close", "p", -1);
};

/**
 * markdown-it's `parseLinkLabel` scans from a "[" to its matching "]". Each "[" of a run that
 * never closes scans to the end of the paragraph again, so "[[[[…" took quadratic time (and
 * "![" worse). This is the same scan with a budget per paragraph: a few times the paragraph's
 * length in all, far more than any real text needs. Once spent, a "[" is read as text, which
 * is what it is in such input anyway.
 */
const LABEL_SCAN_BUDGET_PER_CHARACTER = 8;
const labelBudgets = new WeakMap<StateInline, { left: number }>();

function parseLinkLabelWithBudget(state: StateInline, start: number, disableNested?: boolean): number {
  let budget = labelBudgets.get(state);
  if (!budget) {
    budget = { left: LABEL_SCAN_BUDGET_PER_CHARACTER * state.src.length + 1024 };
    labelBudgets.set(state, budget);
  }
  const max = state.posMax;
  const oldPos = state.pos;
  let level = 1;
  let found = false;
  state.pos = start + 1;
  while (state.pos < max) {
    if (budget.left <= 0) {
      state.pos = oldPos;
      return -1;
    }
    budget.left -= 1;
    const marker = state.src.charCodeAt(state.pos);
    if (marker === 0x5d /* ] */) {
      level -= 1;
      if (level === 0) {
        found = true;
        break;
      }
    }
    const prevPos = state.pos;
    state.md.inline.skipToken(state);
    if (marker === 0x5b /* [ */) {
      if (prevPos === state.pos - 1) level += 1;
      else if (disableNested) {
        state.pos = oldPos;
        return -1;
      }
    }
  }
  const labelEnd = found ? state.pos : -1;
  state.pos = oldPos;
  return labelEnd;
}
md.helpers.parseLinkLabel = parseLinkLabelWithBudget;

// Adjacent text tokens stay apart (merging keeps the later token, losing where the text
// starts); the tree builder merges text itself.
md.inline.ruler2.disable("fragments_join");

class PositionedBlockState extends md.block.State {
  /** Per token index: where the block (or table row) starts in the source. */
  readonly starts: number[] = [];
  /** Token index the running block rule will push its first token at, and where it starts. */
  nextIndex = -1;
  nextStart = 0;
  /** Where the line's content starts inside the container, indentation beyond it included. */
  nextContainerStart = 0;

  /** StateBlock's `push`, with a LightToken. */
  override push(type: string, tag: string, nesting: -1 | 0 | 1): Token {
    const token = new LightToken(type, tag, nesting);
    token.block = true;
    if (nesting < 0) this.level -= 1;
    token.level = this.level;
    if (nesting > 0) this.level += 1;
    const index = this.tokens.push(token) - 1;
    // mdast starts indented code and HTML at the container's column (their value keeps any
    // further indentation), everything else at its first character.
    if (index === this.nextIndex) this.starts[index] = type === "code_block" || type === "html_block" ? this.nextContainerStart : this.nextStart;
    // Items after the first are opened by the list rule itself, at `this.line`.
    else if (type === "list_item_open") this.starts[index] = this.lineContentStart(this.line);
    else if (type === "table_close") this.markTableRows();
    return token;
  }

  lineContentStart(line: number): number {
    return (this.bMarks[line] ?? 0) + (this.tShift[line] ?? 0);
  }

  /** Where the container's content starts on the line: before any further indentation. */
  containerStart(line: number): number {
    const start = this.bMarks[line] ?? 0;
    let offset = this.lineContentStart(line);
    for (let extra = (this.sCount[line] ?? 0) - this.blkIndent; extra > 0 && offset > start && this.src[offset - 1] === " "; extra -= 1) offset -= 1;
    return offset;
  }

  /** Row lines are only known once the table is complete, while the line marks still hold. */
  private markTableRows(): void {
    for (let index = this.tokens.length - 1; index >= 0; index -= 1) {
      const token = this.tokens[index];
      if (!token || token.type === "table_open") return;
      if (token.type === "tr_open" && token.map) this.starts[index] = this.lineContentStart(token.map[0]);
    }
  }
}

// Runs before every other block rule at each block start and matches nothing.
md.block.ruler.before("table", "source_start", (state: StateBlock, startLine: number) => {
  if (state instanceof PositionedBlockState) {
    state.nextIndex = state.tokens.length;
    state.nextStart = state.lineContentStart(startLine);
    state.nextContainerStart = state.containerStart(startLine);
  }
  return false;
});
followRemark(md);

class PositionedInlineState extends md.inline.State {
  /** Per token index: where the token starts in the inline content. */
  readonly starts: number[] = [];
  /** Where the text collected in `pending` (appended to by several rules) began. */
  pendingStart = 0;

  /** StateInline's `pushPending`, with a LightToken. */
  override pushPending(): Token {
    const token = new LightToken("text", "", 0);
    token.content = this.pending;
    token.level = this.pendingLevel;
    this.starts[this.tokens.push(token) - 1] = this.pendingStart;
    this.pending = "";
    return token;
  }

  /** StateInline's `push`, with a LightToken. */
  override push(type: string, tag: string, nesting: -1 | 0 | 1): Token {
    if (this.pending) this.pushPending();
    const token = new LightToken(type, tag, nesting);
    let meta: { delimiters: Delimiter[] } | undefined;
    if (nesting < 0) {
      this.level -= 1;
      this.delimiters = this._prev_delimiters.pop() ?? [];
    }
    token.level = this.level;
    if (nesting > 0) {
      this.level += 1;
      this._prev_delimiters.push(this.delimiters);
      this.delimiters = [];
      meta = { delimiters: this.delimiters };
    }
    this.pendingLevel = this.level;
    this.starts[this.tokens.push(token) - 1] = this.pos;
    this.tokens_meta.push(meta);
    return token;
  }
}

md.inline.ruler.before("text", "pending_start", (state: StateInline, silent: boolean) => {
  if (!silent && state.pending === "" && state instanceof PositionedInlineState) state.pendingStart = state.pos;
  return false;
});

export interface InlineTokens {
  children: Token[];
  /** Index in the content where each child starts. */
  starts: number[];
}

/** What `md.inline.parse` does, keeping the state's offsets. */
export function tokenizeInline(content: string, env: Env): InlineTokens {
  const children: Token[] = [];
  if (content === "") return { children, starts: [] };
  const state = new PositionedInlineState(content, md, env, children);
  md.inline.tokenize(state);
  for (const rule of md.inline.ruler2.getRules("")) rule(state);
  return { children, starts: state.starts };
}

export interface MarkdownTokens {
  tokens: Token[];
  env: Env;
  /** Per block token index: source offset where it (or its table row) starts, if recorded. */
  starts: number[];
  /** Per block token index, for `inline` tokens: their children. */
  inline: (InlineTokens | undefined)[];
}

export function tokenizeMarkdown(text: string): MarkdownTokens {
  const env: Env = {};
  const tokens: Token[] = [];
  // The one step of markdown-it's core normalisation that applies here (line endings are
  // already "\n"); it keeps the text's length, so offsets stay true. A final "\n" is added
  // because markdown-it drops a last line of only spaces that has none (remark keeps it).
  const source = text.replace(/\0/g, "\uFFFD");
  const state = new PositionedBlockState(source.endsWith("\n") ? source : `${source}\n`, md, env, tokens);
  md.block.tokenize(state, state.line, state.lineMax);
  const inline: (InlineTokens | undefined)[] = new Array<InlineTokens | undefined>(tokens.length);
  let tableDepth = 0;
  tokens.forEach((token, index) => {
    if (token.type === "table_open") tableDepth += 1;
    else if (token.type === "table_close") tableDepth -= 1;
    // Table cells are split and parsed from the source by the tree builder (GFM keeps the
    // cells as written, and `\|` as written), so markdown-it's own cells are not parsed.
    else if (token.type === "inline" && tableDepth === 0) inline[index] = tokenizeInline(token.content, env);
  });
  return { tokens, env, starts: state.starts, inline };
}

export const unescapeMarkdown = md.utils.unescapeAll;
