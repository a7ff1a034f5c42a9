import { describe, expect, it } from "vitest";
import { parsePlanMarkdown } from "@/lib/import/parse-plan-markdown";
import { readFixture } from "@/lib/import/test-support";
import { timeColumnsOf } from "@/lib/plans/time-columns";

describe("timeColumnsOf", () => {
  it("reads the window, the expected length and the downtime range of a release runbook", () => {
    const { document } = parsePlanMarkdown(readFixture("release-runbook.md"));
    expect(timeColumnsOf(document)).toEqual({
      windowStart: new Date("2026-12-12T21:00:00Z"),
      windowTimeZone: "Europe/Berlin",
      expectedDurationMinutes: 30,
      expectedDowntimeMinutes: 20,
    });
  });

  it("reads a rolling deployment's downtime as none", () => {
    const { document } = parsePlanMarkdown(readFixture("rolling-upgrade.md"));
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
