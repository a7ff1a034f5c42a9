import { describe, expect, it } from "vitest";
import { parsePlanMarkdown } from "@/lib/import/parse-plan-markdown";
import { readSeed } from "@/lib/import/test-support";
import { timeColumnsOf } from "@/lib/plans/time-columns";

describe("timeColumnsOf", () => {
  it("reads the expected length and downtime from the timeline table and its totals (seed 001)", () => {
    const { document } = parsePlanMarkdown(readSeed("001_6dcde4bc63a31b6d.txt"));
    expect(timeColumnsOf(document)).toMatchObject({ expectedDurationMinutes: 35, expectedDowntimeMinutes: 20 });
  });

  it("reads a rolling deployment's downtime as none (seed 000)", () => {
    const { document } = parsePlanMarkdown(readSeed("000_cd5e2773dc629bf9.txt"));
    expect(timeColumnsOf(document).expectedDowntimeMinutes).toBe(0);
  });

  it("turns the metadata window into an instant in its zone", () => {
    const { document } = parsePlanMarkdown(
      ["# Plan", "", "- **Scheduled Date**: 2026-12-05", "- **Start time**: 22:00 CET", "- **Estimated duration**: 45 minutes", "- **Expected downtime**: 5-10 minutes", "", "## Go", "- [ ] Deploy"].join("\n"),
    );
    expect(timeColumnsOf(document)).toEqual({
      windowStart: new Date("2026-12-05T21:00:00Z"),
      windowTimeZone: "Europe/Berlin",
      expectedDurationMinutes: 45,
      expectedDowntimeMinutes: 10,
    });
  });

  it("leaves what the document does not say empty", () => {
    const { document } = parsePlanMarkdown("# Plan\n\n## Go\n- [ ] Deploy\n");
    expect(timeColumnsOf(document)).toEqual({ windowStart: null, windowTimeZone: null, expectedDurationMinutes: null, expectedDowntimeMinutes: null });
  });
});
