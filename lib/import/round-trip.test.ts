import { describe, expect, it } from "vitest";
import { exportPlanMarkdown } from "@/lib/import/export-plan-markdown";
import { parsePlanMarkdown } from "@/lib/import/parse-plan-markdown";
import { fixtureNames, readFixture, unaccountedLines, withoutLines } from "@/lib/import/test-support";
import type { PlanDocument, PlanItem, PlanSection } from "@/lib/plan-document/schema";
import { toTemplate } from "@/lib/plan-document/template";
import { allItems } from "@/lib/plan-document/walk";

// The seed documents go through the same round trip in seed-documents.seed.test.ts.
const documents: [string, string][] = fixtureNames().map((name): [string, string] => [`fixture ${name}`, readFixture(name)]);

describe("parse → export → parse", () => {
  it.each(documents)("%s keeps its structure and state", (_name, text) => {
    const first = parsePlanMarkdown(text);
    const second = parsePlanMarkdown(exportPlanMarkdown(first.document));
    expect(withoutLines(second.document)).toEqual(withoutLines(first.document));
    expect(second.summary).toEqual(first.summary);
  });

  it.each(documents)("%s exports as a template: the same structure without state", (_name, text) => {
    const { document } = parsePlanMarkdown(text);
    const markdown = exportPlanMarkdown(document, { includeState: false });
    expect(markdown).not.toMatch(/^\s*- \[[xX]\]/m);
    expect(withoutLines(parsePlanMarkdown(markdown).document)).toEqual(withoutLines(toTemplate(document)));
  });
});

function withState(document: PlanDocument, update: (item: PlanItem) => PlanItem): PlanDocument {
  const mapItems = (items: PlanItem[]): PlanItem[] => items.map((item) => ({ ...update(item), items: mapItems(item.items) }));
  const mapSection = (section: PlanSection): PlanSection => ({ ...section, items: mapItems(section.items), sections: section.sections.map(mapSection) });
  return { ...document, sections: document.sections.map(mapSection) };
}

describe("state written by the app", () => {
  it("round-trips every status with who, when, note and measured value", () => {
    const { document } = parsePlanMarkdown(readFixture("release-runbook.md"));
    const statuses = ["done", "skipped", "failed", "not_applicable", "pending"] as const;
    let index = 0;
    const run = withState(document, (item) => {
      const status = statuses[index % statuses.length] ?? "done";
      index += 1;
      return {
        ...item,
        state: {
          status,
          by: index % 2 === 0 ? "Lee Park" : "import",
          at: "2026-11-22T10:00:00.000Z",
          ...(index % 3 === 0 ? { note: "slow but fine; retried once" } : {}),
          ...(index % 4 === 0 ? { measuredValue: 182.5 } : {}),
        },
      };
    });
    const markdown = exportPlanMarkdown(run);
    expect(markdown).toContain("- [x] Release branch `release/5.3` cut from main — done by import at 2026-11-22 10:00 UTC");
    expect(markdown).toContain("— **skipped** by Lee Park at 2026-11-22 10:00 UTC");
    const reread = parsePlanMarkdown(markdown).document;
    expect(allItems(reread).map((item) => item.state)).toEqual(allItems(run).map((item) => item.state));
    expect(allItems(reread).map((item) => item.text)).toEqual(allItems(document).map((item) => item.text));
  });

  it("writes flags the text does not imply, so they survive export", () => {
    const { document } = parsePlanMarkdown("# Plan\n\n## Steps\n\n- [ ] Rotate keys\n- [ ] Drain queue\n");
    const edited = withState(document, (item) =>
      item.text === "Rotate keys" ? { ...item, required: false, critical: true, assignee: "Security Lead", expected: "new key id logged" } : item,
    );
    const reread = parsePlanMarkdown(exportPlanMarkdown(edited)).document;
    expect(allItems(reread)[0]).toMatchObject({ required: false, critical: true, assignee: "Security Lead", expected: "new key id logged" });
    expect(allItems(reread)[1]).toMatchObject({ text: "Drain queue", required: true, critical: false });
  });
});

describe("sign-off tables outside sign-off sections", () => {
  it("stay sign-offs through export", () => {
    const text = "# Release\n\n## Final checks\n\n- [ ] Smoke tests green\n\n| Role | Name | Signature | Date |\n|---|---|---|---|\n| QA Lead (optional) | Kim Tran | ✓ | 2026-01-05 |\n| Release Manager | | | |\n";
    const { document } = parsePlanMarkdown(text);
    expect(document.gates[0]?.roles).toEqual([
      { role: "QA Lead", required: false, signed: true, signedBy: "Kim Tran", signedAt: "2026-01-05" },
      { role: "Release Manager", required: true, signed: false, signedBy: "", signedAt: "" },
    ]);
    expect(withoutLines(parsePlanMarkdown(exportPlanMarkdown(document)).document)).toEqual(withoutLines(document));
  });
});

describe("the no-line-dropped check", () => {
  it("notices when a line's content is missing from the document", () => {
    const text = readFixture("release-runbook.md");
    const { document } = parsePlanMarkdown(text);
    expect(unaccountedLines(text, document)).toEqual([]);
    const withoutNotes = { ...document, sections: document.sections.map((entry) => ({ ...entry, notes: "" })) };
    expect(unaccountedLines(text, withoutNotes)).toEqual([
      "Release 5.3.0 of the ledger service moves invoices to the new tax engine and adds two columns",
      "to the `invoices` table. The service is stopped while the migration runs.",
    ]);
  });
});
