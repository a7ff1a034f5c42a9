/**
 * Markdown deployment plan → PlanDocument.
 *
 * The text is normalised first (BOM removed, CRLF/CR → LF, UTF-8-read-as-Windows-1252
 * "mojibake" repaired), then parsed by markdown-it into a tree of blocks (mdast-shaped; see
 * parse-markdown-tree.ts). Mapping rules:
 *
 * Structure
 * - A single `#` heading that comes first is the title; every other heading (ATX, closed
 *   ATX or setext) opens a section nested under the nearest shallower heading. "(T-24h)",
 *   "T+15 min", "T-0" in a heading become `offset` (minutes, signed); "(15 min)" `duration`.
 * - YAML front matter (`---` … `---` at the very top) → metadata.
 * - Text before the first section: `**Key**: value` lines (and plain "Environment: prod"
 *   lines with a known key) → metadata, other text → `overview`, lists → items of an
 *   implicit section "s0" (level 0).
 * - Paragraphs after the last `---` with no heading after it are the footer: fields →
 *   metadata, text → document `notes`.
 *
 * Lists
 * - Task items (`- [ ]`, `* [x]`, `+ [X]`, `1. [ ]`) and plain list items are items; nesting
 *   gives sub-items. `[x]`/`[X]` → state { status: "done", by: "import" }, and a trailing
 *   " — done by Lee at 2026-11-22 10:00 UTC" is read back into state.
 * - Item text stays as written; flags are derived from it: "(optional)", "if applicable",
 *   "(if …)" → not required; "CRITICAL", "(critical)", "⚠️" → critical; "Expected: …" →
 *   expected; "(owner: …)"/"@role" → assignee; "label: __ ms (<200ms target)",
 *   "… (<1%)", "… < 2s" → metric.
 * - A bold caption ending the paragraph before a list ("**Checklist**:") becomes the
 *   items' `group`; a caption that names a role makes it their assignee.
 * - Plain lists are read by context instead: under a rollback-trigger heading ("Rollback
 *   Triggers", "When to Rollback", "Rollback Criteria") → rollback triggers; under a
 *   contacts heading ("Contacts", "Escalation Path", "Key Stakeholders") → contact rows; a
 *   list made only of `**Key**: value` lines → fields, like the lines below.
 *
 * Fields, gates, templates, code
 * - `**Key**: value` lines go to metadata in the preamble, the footer and sections such as
 *   "Deployment Window" / "Summary" / "Details"; to contact rows under contacts headings;
 *   otherwise to the section's `fields`. Blanks (`_____`, `[Name]`, `<id>`, `{{x}}`, TBD)
 *   are not content: a value made only of blanks is "".
 * - Under a sign-off / approval / go-no-go heading, list lines like "Tech Lead: ____ Date:
 *   ____", bold role captions followed by items, and tables with a Role column are the
 *   gate's roles; a table with Role and Signature/Approved columns is a sign-off anywhere.
 *   "Decision: GO / NO-GO / DEFER" anywhere (paragraph or list) makes a go/no-go gate; a
 *   "Decision maker: …" field in that section, or "Decision (CAB chair): …", names its
 *   decision maker.
 * - Fenced code (``` or ~~~) after a heading or paragraph belongs to the section; right
 *   after a list, to that list's last item; inside an item, to the item. A fence or quote
 *   that starts with "Subject:"/"To:", or plain text under a communication heading, is a
 *   communication template instead.
 * - Tables are classified by what their header cells mean (see table-semantics.ts):
 *   Field/Value → metadata; timeline, risks, contacts, monitoring → typed rows; anything
 *   else → a generic table (header + rows), counted as unrecognized.
 * - Quotes and other paragraphs → section notes. HTML comments are ignored; other HTML and
 *   unknown blocks → `unrecognized` with their line numbers. Nothing is dropped silently.
 */
import type { PlanDocument } from "@/lib/plan-document/schema";
import { buildDocument } from "@/lib/import/build-document";
import { extractFrontMatter } from "@/lib/import/front-matter";
import { normalizeText } from "@/lib/import/normalize-text";
import { parseMarkdownTree } from "@/lib/import/parse-markdown-tree";
import { SourceText } from "@/lib/import/source-text";
import { type ParseSummary, summarize } from "@/lib/import/summary";
import { takeRememberedParse } from "@/lib/import/parse-cache";

export type { ParseSummary } from "@/lib/import/summary";

export interface ParseResult {
  document: PlanDocument;
  summary: ParseSummary;
  warnings: string[];
}

export function parsePlanMarkdown(text: string): ParseResult {
  const remembered = takeRememberedParse(text);
  if (remembered) return remembered;
  const { text: normalized, warnings } = normalizeText(text);
  const frontMatter = extractFrontMatter(normalized);
  const tree = parseMarkdownTree(frontMatter.text);
  const document = buildDocument(tree, new SourceText(frontMatter.text), warnings, frontMatter.fields);
  return { document, summary: summarize(document), warnings };
}
