import { describe, expect, it } from "vitest";
import { parsePlanMarkdown } from "@/lib/import/parse-plan-markdown";
import { readFixture } from "@/lib/import/test-support";
import { scheduleRowsOf } from "@/lib/timeline/schedule-rows";

describe("scheduleRowsOf", () => {
  it("places times of day in a timeline table on the window's date in the plan's zone", () => {
    const { document } = parsePlanMarkdown(`# Plan

## Timeline

| Time | Activity | Duration |
|------|----------|----------|
| 21:30 | Announce | 5 min |
| 22:00 | Stop application | 2 min |
| 10:30 PM | Smoke tests | 10 min |
| later | Retro | |

## Go
- [ ] Deploy
`);
    // The window opens at 22:00 in Berlin (21:00 UTC).
    const rows = scheduleRowsOf(document, new Date("2026-12-05T21:00:00Z"), "Europe/Berlin");
    expect(rows.map((row) => [row.activity, row.offsetMinutes, row.durationMinutes])).toEqual([
      ["Announce", -30, 5],
      ["Stop application", 0, 2],
      ["Smoke tests", 30, 10],
    ]);
    // Without a window start there is nothing to count a time of day from.
    expect(scheduleRowsOf(document, null, "UTC")).toEqual([]);
  });

  it("reads the offsets of a release timeline (T-24h … T+25)", () => {
    const { document } = parsePlanMarkdown(readFixture("release-runbook.md"));
    const rows = scheduleRowsOf(document, null, "UTC");
    expect(rows.map((row) => row.offsetMinutes)).toEqual([-1440, -1440, -60, 0, 2, 10, 15, 25]);
    expect(rows[0]).toMatchObject({ activity: "Rehearse on staging", durationMinutes: 90, owner: "QA" });
  });
});
