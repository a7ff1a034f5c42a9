import { describe, expect, it } from "vitest";
import { planCalendar, type PlanCalendarInput } from "@/lib/time/plan-calendar";

const input: PlanCalendarInput = {
  planId: "plan42",
  title: "Payments v2, EU; blue-green",
  url: "https://preflight.example/plans/plan42",
  timeZone: "Europe/Berlin",
  window: { start: new Date("2026-12-01T09:30:00Z"), end: new Date("2026-12-01T11:00:00Z") },
  phases: [
    { key: "s3.1", title: "Pre-Deployment", start: new Date("2026-12-01T09:30:00Z"), end: new Date("2026-12-01T10:00:00Z") },
    { key: "s3.2", title: "Cutover", start: new Date("2026-12-01T10:00:00Z"), end: new Date("2026-12-01T11:00:00Z") },
  ],
  checks: [{ key: "check-1", label: "Check error rates", dueAt: new Date("2026-12-01T12:00:00Z") }],
  description: "Quarterly payments release",
};

/** Unfolds continuation lines (RFC 5545 §3.1) and splits the calendar into events' properties. */
function parseEvents(ics: string): Record<string, string>[] {
  const lines = ics.replace(/\r\n[ \t]/g, "").split("\r\n");
  const events: Record<string, string>[] = [];
  let current: Record<string, string> | undefined;
  for (const line of lines) {
    if (line === "BEGIN:VEVENT") current = {};
    else if (line === "END:VEVENT" && current) {
      events.push(current);
      current = undefined;
    } else if (current) {
      const colon = line.indexOf(":");
      current[line.slice(0, colon)] = line.slice(colon + 1);
    }
  }
  return events;
}

describe("planCalendar", () => {
  const ics = planCalendar(input);
  const events = parseEvents(ics);

  it("is an iCalendar with Preflight's product id", () => {
    expect(ics.startsWith("BEGIN:VCALENDAR\r\n")).toBe(true);
    expect(ics.trimEnd().endsWith("END:VCALENDAR")).toBe(true);
    expect(ics).toContain("\r\nPRODID:-//Preflight//Deployment plans//EN\r\n");
  });

  it("has one event for the window, each phase and each check, with stable UIDs", () => {
    expect(events).toHaveLength(4);
    expect(events.map((event) => event.UID)).toEqual([
      "plan42-window@preflight",
      "plan42-s3.1@preflight",
      "plan42-s3.2@preflight",
      "plan42-check-1@preflight",
    ]);
    expect(parseEvents(planCalendar(input)).map((event) => event.UID)).toEqual(events.map((event) => event.UID));
  });

  it("writes start and end times in UTC; a check lasts 15 minutes", () => {
    expect(events.map((event) => [event.DTSTART, event.DTEND])).toEqual([
      ["20261201T093000Z", "20261201T110000Z"],
      ["20261201T093000Z", "20261201T100000Z"],
      ["20261201T100000Z", "20261201T110000Z"],
      ["20261201T120000Z", "20261201T121500Z"],
    ]);
  });

  it("escapes commas and semicolons in summaries", () => {
    expect(events.map((event) => event.SUMMARY)).toEqual([
      "Payments v2\\, EU\\; blue-green",
      "Payments v2\\, EU\\; blue-green: Pre-Deployment",
      "Payments v2\\, EU\\; blue-green: Cutover",
      "Payments v2\\, EU\\; blue-green: Check error rates",
    ]);
  });

  it("links every event to the plan and describes times in the plan's zone", () => {
    for (const event of events) {
      expect(event["URL;VALUE=URI"]).toBe(input.url);
      expect(event.DESCRIPTION).toContain(input.url);
    }
    expect(events[0]?.DESCRIPTION).toContain("Quarterly payments release");
    expect(events[3]?.DESCRIPTION).toContain("Due Tue 1 Dec\\, 13:00 CET");
  });
});
