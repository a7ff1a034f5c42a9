import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { type Golden, goldenOf } from "@/lib/import/corpus-golden";
import { exportPlanMarkdown } from "@/lib/import/export-plan-markdown";
import { normalizeText } from "@/lib/import/normalize-text";
import { parsePlanMarkdown } from "@/lib/import/parse-plan-markdown";
import { readUpload } from "@/lib/import/read-upload";
import { FIXTURE_DIR, unaccountedLines, withoutLines } from "@/lib/import/test-support";
import { planDocumentSchema } from "@/lib/plan-document/schema";

/**
 * The corpus: twelve plans written in other teams' house styles, each with a golden file
 * beside it (`<name>.golden.json`, see corpus-golden.ts) that was read and corrected by hand
 * against the document. A change in what the importer makes of any of them fails here; if
 * the change is right, edit the golden file after reading the document again.
 */
const CORPUS_DIR = path.join(FIXTURE_DIR, "corpus");
const documents = fs
  .readdirSync(CORPUS_DIR)
  .filter((name) => name.endsWith(".md"))
  .sort();

function readBytes(name: string): Uint8Array {
  return new Uint8Array(fs.readFileSync(path.join(CORPUS_DIR, name)));
}

function readGolden(name: string): Golden {
  return JSON.parse(fs.readFileSync(path.join(CORPUS_DIR, name.replace(/\.md$/, ".golden.json")), "utf8")) as Golden;
}

describe("the corpus", () => {
  it("holds at least twelve documents, each with its golden file", () => {
    expect(documents.length).toBeGreaterThanOrEqual(12);
    for (const name of documents) expect(fs.existsSync(path.join(CORPUS_DIR, name.replace(/\.md$/, ".golden.json")))).toBe(true);
  });
});

describe.each(documents)("corpus document %s", (name) => {
  const upload = readUpload(readBytes(name));

  it("imports to its golden summary and structure", () => {
    expect(goldenOf(upload)).toEqual(readGolden(name));
  });

  it("is a valid PlanDocument with no line dropped", () => {
    expect(() => planDocumentSchema.parse(upload.document)).not.toThrow();
    expect(unaccountedLines(normalizeText(upload.text).text, upload.document)).toEqual([]);
  });

  // The exporter writes one house style (ours), so the first export may word a few things
  // differently (a checklist table's owner becomes "(owner: Ravi)" in the item's text): the
  // counts survive it, and from then on export and import are a fixed point.
  it("exports to Markdown that imports to the same counts, and that exports again unchanged", () => {
    const exported = exportPlanMarkdown(upload.document);
    const again = parsePlanMarkdown(exported);
    expect(again.summary).toEqual(upload.summary);
    expect(exportPlanMarkdown(again.document)).toBe(exported);
    if (name !== "release-checklist-tables.md") expect(withoutLines(again.document)).toEqual(withoutLines(upload.document));
  });
});

describe("the four misses, on documents of our own", () => {
  const summaryOf = (name: string) => readGolden(name).summary;
  const golden = (name: string) => goldenOf(readUpload(readBytes(name)));

  it("a timeline table whose columns are a time of day (zone in the header), a duration, the phase, an owner and a status fills the timeline lane", () => {
    for (const name of ["confluence-numbered.md", "windows-1252-crlf.md", "bilingual-german-headings.md", "release-checklist-tables.md"]) {
      const { tables } = golden(name);
      expect(tables.find((table) => table.kind === "timeline")?.rows.length, name).toBe(summaryOf(name).timelineRows);
      expect(summaryOf(name).timelineRows, name).toBeGreaterThanOrEqual(3);
      expect(tables.some((table) => table.kind === "generic"), name).toBe(false);
    }
  });

  it("a plain list introduced by a sentence in a rollback section (or a sentence about rolling back) is the rollback triggers", () => {
    const expected: Record<string, number> = {
      "github-wiki.md": 3,
      "numbered-runbook.md": 3,
      "notion-export.md": 3,
      "windows-1252-crlf.md": 3,
      "hotfix-no-headings.md": 3,
      "bilingual-german-headings.md": 3,
    };
    for (const [name, count] of Object.entries(expected)) expect(golden(name).summary.rollbackTriggers, name).toBe(count);
    // The steps after the triggers stay steps.
    expect(golden("numbered-runbook.md").sections.find((section) => section.path === "Backing out")?.items.map((item) => item.text)).toEqual([
      "Rename the upgraded instance to `orders-db-failed`.",
      "Restore `pre-pg16` as `orders-db` and point the workers at it.",
    ]);
  });

  it("a Go/No-Go section whose heading names it and whose last item records GO / NO-GO creates a decision gate", () => {
    for (const name of ["confluence-numbered.md", "html-comments-details.md", "phases-nested-four-deep.md", "owners-mentions.md", "bilingual-german-headings.md"]) {
      const { gates, summary } = golden(name);
      expect(summary.gates, name).toBe(1);
      expect(gates[0], name).toMatchObject({ kind: "go-no-go", options: ["GO", "NO-GO"] });
    }
  });

  it("emoji whose UTF-8 bytes include one Windows-1252 leaves undefined are repaired, and counted with the others", () => {
    const upload = readUpload(readBytes("notion-export.md"));
    expect(upload.text).toContain("â³");
    expect(JSON.stringify(upload.document)).not.toMatch(/â|ðŸ|ï¸/);
    expect(upload.document.overview).toBe("Owner: Sofia Lindqvist\nStatus: ⏳ Waiting for the go/no-go call");
    expect(upload.warnings[0]).toMatch(/^Repaired 11 garbled characters/);
  });
});
