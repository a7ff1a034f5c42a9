import { describe, expect, it } from "vitest";
import { exportPlanMarkdown } from "@/lib/import/export-plan-markdown";
import { parsePlanMarkdown } from "@/lib/import/parse-plan-markdown";
import { documentWithWindow } from "@/lib/plans/plan-document-with-state";
import { timeColumnsOf } from "@/lib/plans/time-columns";

const PLAN = `# Plan

- **Scheduled Date**: 2026-12-05
- **Start Time**: 22:00 UTC
- **Estimated Duration**: 30 minutes
- **Expected Downtime**: 10 minutes

## Go
- [ ] Deploy
`;

describe("documentWithWindow", () => {
  it("writes a moved window, duration and downtime so that importing the export reads them back", () => {
    const { document } = parsePlanMarkdown(PLAN);
    const moved = { windowStart: new Date("2026-12-06T07:30:00Z"), windowTimeZone: "Europe/Berlin", expectedDurationMinutes: 45, expectedDowntimeMinutes: 0 };
    const markdown = exportPlanMarkdown(documentWithWindow(document, moved));
    expect(markdown).toContain("08:30 Europe/Berlin");
    expect(timeColumnsOf(parsePlanMarkdown(markdown).document)).toEqual(moved);
  });

  it("leaves the document's own words alone when nothing changed", () => {
    const { document } = parsePlanMarkdown(PLAN);
    expect(documentWithWindow(document, timeColumnsOf(document))).toEqual(document);
  });
});
