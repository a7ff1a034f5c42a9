import { describe, expect, it } from "vitest";
import { parsePlanMarkdown } from "@/lib/import/parse-plan-markdown";
import { readFixture } from "@/lib/import/test-support";
import { monitoringSchedule } from "@/lib/time/monitoring-schedule";

const scheduleOf = (markdown: string) => monitoringSchedule(parsePlanMarkdown(markdown).document);

describe("monitoringSchedule on whole plans", () => {
  it("reads the Monitoring Duration fields", () => {
    expect(scheduleOf(readFixture("rolling-upgrade.md"))).toEqual([
      { label: "Intensive monitoring", offsetMinutes: 180, source: "field" },
      { label: "Regular monitoring", offsetMinutes: 2880, source: "field" },
      { label: "Follow-up check", offsetMinutes: 20_160, source: "field" },
    ]);
  });

  it("reads the post-release headings, not the T+15 validation stage of the run", () => {
    expect(scheduleOf(readFixture("release-runbook.md"))).toEqual([
      { label: "Immediate", offsetMinutes: 60, source: "section" },
      { label: "Short-term", offsetMinutes: 1440, source: "section" },
      { label: "Long-term", offsetMinutes: 10_080, source: "section" },
    ]);
  });
});

describe("monitoring tables", () => {
  it("repeats each row at its frequency through its window", () => {
    const schedule = scheduleOf(readFixture("tables-and-metadata.md"));
    const first = schedule.filter((check) => check.label === "Monitoring (First hour): Query latency, rejected requests");
    expect(first.map((check) => check.offsetMinutes)).toEqual([5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55, 60]);
    const day = schedule.filter((check) => check.label === "Monitoring (Hours 1-24): Heap usage, GC pauses");
    expect(day).toHaveLength(23);
    expect(day[0]).toEqual({ label: "Monitoring (Hours 1-24): Heap usage, GC pauses", offsetMinutes: 120, source: "table" });
    expect(day.at(-1)?.offsetMinutes).toBe(1440);
  });

  it("reads cadence words and spans, and checks once at the end without a frequency", () => {
    const schedule = scheduleOf(`# Plan

## Watch

| Window | Frequency | Checks |
|---|---|---|
| First hour | every 15 min | Error rate |
| First day | hourly | Latency |
| 0-2h | Continuous | Dashboards |
| T+1 week | | Follow-up |
`);
    const offsets = (label: string) => schedule.filter((check) => check.label === label).map((check) => check.offsetMinutes);
    expect(offsets("Monitoring (First hour): Error rate")).toEqual([15, 30, 45, 60]);
    expect(offsets("Monitoring (First day): Latency")).toEqual(Array.from({ length: 24 }, (_, index) => (index + 1) * 60));
    expect(offsets("Monitoring (0-2h): Dashboards")).toEqual([120]);
    expect(offsets("Monitoring (T+1 week): Follow-up")).toEqual([10_080]);
  });

  it("caps the schedule at 60 checks, earliest first", () => {
    const schedule = scheduleOf(`# Plan

| Window | Frequency | Checks |
|---|---|---|
| First 24 hours | every 5 min | Error rate |
`);
    expect(schedule).toHaveLength(60);
    expect(schedule[0]?.offsetMinutes).toBe(5);
    expect(schedule.at(-1)?.offsetMinutes).toBe(300);
  });
});

describe("sections and fields", () => {
  it("reads offsets and durations under post-deployment headings, sorted, without duplicates", () => {
    const schedule = scheduleOf(`# Plan

## After Deployment

### Check dashboards (T+30 min)
- [ ] Look

### Check dashboards (T+30 min)
- [ ] Look again

### Monitoring (2 hours)
- [ ] Watch

## Deployment

### Cutover (T+10 min)
- [ ] Switch traffic

## Follow-up

- **Review**: within 3 days post-deployment
`);
    expect(schedule).toEqual([
      { label: "Check dashboards", offsetMinutes: 30, source: "section" },
      { label: "Monitoring", offsetMinutes: 120, source: "section" },
      { label: "Review", offsetMinutes: 4320, source: "field" },
    ]);
  });

  it("keeps a run phase that is about monitoring", () => {
    const schedule = scheduleOf(`# Plan

## Phases

### Phase 1: Deploy (T-0)
- [ ] Go

### Phase 2: Post-Deployment Monitoring (T+30 minutes)
- [ ] Watch
`);
    expect(schedule).toEqual([{ label: "Phase 2: Post-Deployment Monitoring", offsetMinutes: 30, source: "section" }]);
  });
});

describe("defaults", () => {
  it("falls back to an hour, a day and a week when the plan says nothing", () => {
    expect(scheduleOf("# Plan\n\n## Steps\n\n- [ ] Deploy\n")).toEqual([
      { label: "Check error rates and alerts", offsetMinutes: 60, source: "default" },
      { label: "Review the first day", offsetMinutes: 1440, source: "default" },
      { label: "Follow-up review", offsetMinutes: 10_080, source: "default" },
    ]);
  });
});
