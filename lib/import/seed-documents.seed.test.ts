/**
 * The seed documents (real plans from users, in ../shared/seed-docs) through the same checks
 * the project's own fixtures go through. vitest runs this file only when the seed documents
 * are beside the checkout (see vitest.config.ts); the fixtures cover each behaviour anyway.
 */
import { describe, expect, it } from "vitest";
import { exportPlanMarkdown } from "@/lib/import/export-plan-markdown";
import { parsePlanMarkdown } from "@/lib/import/parse-plan-markdown";
import { SEED_FILES, readSeed, unaccountedLines, withoutLines } from "@/lib/import/test-support";
import { validatePlanInput } from "@/lib/import/validate-plan-input";
import { toTemplate } from "@/lib/plan-document/template";
import { timeColumnsOf } from "@/lib/plans/time-columns";
import { monitoringSchedule } from "@/lib/time/monitoring-schedule";
import { scheduleRowsOf } from "@/lib/timeline/schedule-rows";

const seeds = SEED_FILES.map((name): [string, string] => [name, readSeed(name)]);

describe("seed documents: parse → export → parse", () => {
  it.each(seeds)("%s keeps its structure and state", (_name, text) => {
    const first = parsePlanMarkdown(text);
    const second = parsePlanMarkdown(exportPlanMarkdown(first.document));
    expect(withoutLines(second.document)).toEqual(withoutLines(first.document));
    expect(second.summary).toEqual(first.summary);
  });

  it.each(seeds)("%s exports as a template: the same structure without state", (_name, text) => {
    const { document } = parsePlanMarkdown(text);
    const markdown = exportPlanMarkdown(document, { includeState: false });
    expect(markdown).not.toMatch(/^\s*- \[[xX]\]/m);
    expect(withoutLines(parsePlanMarkdown(markdown).document)).toEqual(withoutLines(toTemplate(document)));
  });

  it.each(seeds)("%s passes input validation unchanged and drops no line", (_name, text) => {
    expect(validatePlanInput(text)).toBe(text);
    expect(unaccountedLines(text, parsePlanMarkdown(text).document)).toEqual([]);
  });
});

describe("seed documents: the no-line-dropped check", () => {
  it("notices when a line's content is missing from 000", () => {
    const text = readSeed("000_cd5e2773dc629bf9.txt");
    const { document } = parsePlanMarkdown(text);
    const withoutNotes = { ...document, sections: document.sections.map((entry) => ({ ...entry, sections: entry.sections.map((child) => ({ ...child, notes: "" })) })) };
    expect(unaccountedLines(text, withoutNotes)).toEqual([
      "Deploy feature: Implement User Authentication System to production environment",
      "No data migrations required for this deployment.",
    ]);
  });
});

describe("seed documents: time", () => {
  it("001: the expected length and downtime from the timeline table and its totals", () => {
    const { document } = parsePlanMarkdown(readSeed("001_6dcde4bc63a31b6d.txt"));
    expect(timeColumnsOf(document)).toMatchObject({ expectedDurationMinutes: 35, expectedDowntimeMinutes: 20 });
  });

  it("000: a rolling deployment's downtime is none", () => {
    const { document } = parsePlanMarkdown(readSeed("000_cd5e2773dc629bf9.txt"));
    expect(timeColumnsOf(document).expectedDowntimeMinutes).toBe(0);
  });

  it("001: the offsets of the deployment timeline (T-24h … T+32)", () => {
    const { document } = parsePlanMarkdown(readSeed("001_6dcde4bc63a31b6d.txt"));
    const rows = scheduleRowsOf(document, null, "UTC");
    expect(rows.map((row) => row.offsetMinutes)).toEqual([-1440, -1440, -120, -60, 0, 2, 7, 10, 15, 17, 22, 32]);
    expect(rows[0]).toMatchObject({ activity: "Final testing", durationMinutes: 120, owner: "QA Team" });
  });
});

describe("seed documents: monitoring schedule", () => {
  const scheduleOf = (name: (typeof SEED_FILES)[number]) => monitoringSchedule(parsePlanMarkdown(readSeed(name)).document);

  it("000 reads the Monitoring Duration fields", () => {
    expect(scheduleOf("000_cd5e2773dc629bf9.txt")).toEqual([
      { label: "Intensive monitoring", offsetMinutes: 120, source: "field" },
      { label: "Regular monitoring", offsetMinutes: 1440, source: "field" },
      { label: "Follow-up check", offsetMinutes: 10_080, source: "field" },
    ]);
  });

  it("001 reads the Post-Deployment Tasks headings, not the T+15 validation phase of the run", () => {
    expect(scheduleOf("001_6dcde4bc63a31b6d.txt")).toEqual([
      { label: "Immediate", offsetMinutes: 60, source: "section" },
      { label: "Short-term", offsetMinutes: 1440, source: "section" },
      { label: "Long-term", offsetMinutes: 10_080, source: "section" },
    ]);
  });

  it('004 reads the "Monitoring (First …)" headings', () => {
    expect(scheduleOf("004_296308206fa363ea.txt")).toEqual([
      { label: "Monitoring (First 15 Minutes)", offsetMinutes: 15, source: "section" },
      { label: "Monitoring (First Hour)", offsetMinutes: 60, source: "section" },
      { label: "Monitoring (First 24 Hours)", offsetMinutes: 1440, source: "section" },
    ]);
  });
});

describe("seed documents: large documents", () => {
  it("a document built from six copies of 001 parses as six times its parts", () => {
    const plan = readSeed("001_6dcde4bc63a31b6d.txt");
    const copies = 6;
    const { summary } = parsePlanMarkdown(Array.from({ length: copies }, () => plan).join("\n\n"));
    expect(summary).toMatchObject({ sections: copies * 46, items: copies * 109, commands: copies * 21, commsTemplates: copies * 3, timelineRows: copies * 12 });
  });
});
