import { describe, expect, it } from "vitest";
import {
  instantToWallTime,
  isValidTimeZone,
  parseDowntimeMinutes,
  parseDurationMinutes,
  resolveWindowStart,
  timeOfDayOffsetMinutes,
  wallTimeToInstant,
} from "@/lib/time/window";

const iso = (result: ReturnType<typeof resolveWindowStart>) => result && { start: result.start.toISOString(), timeZone: result.timeZone };

describe("resolveWindowStart", () => {
  it.each([
    [{ text: "2026-12-01 09:30 UTC" }, "2026-12-01T09:30:00.000Z", "UTC"],
    [{ text: "2026-12-01T09:30" }, "2026-12-01T09:30:00.000Z", "UTC"],
    [{ date: "2026-12-01", start: "14:00 UTC" }, "2026-12-01T14:00:00.000Z", "UTC"],
    // New York and Los Angeles are already on daylight time on March 15; "EST"/"PST" name the city's clock.
    [{ text: "March 15, 2025 2:00 AM EST" }, "2025-03-15T06:00:00.000Z", "America/New_York"],
    [{ text: "Saturday, March 15, 2025 at 02:00 PST" }, "2025-03-15T09:00:00.000Z", "America/Los_Angeles"],
    [{ text: "2026-12-05 22:00 Europe/Berlin" }, "2026-12-05T21:00:00.000Z", "Europe/Berlin"],
    [{ text: "15 March 2025 14:00 CET" }, "2025-03-15T13:00:00.000Z", "Europe/Berlin"],
    [{ text: "Jan 5th, 2026 9:15 pm JST" }, "2026-01-05T12:15:00.000Z", "Asia/Tokyo"],
    [{ text: "2026-07-01 10:00 BST" }, "2026-07-01T09:00:00.000Z", "Europe/London"],
    [{ text: "2026-12-01 10:00 UTC+2" }, "2026-12-01T08:00:00.000Z", "Etc/GMT-2"],
    [{ text: "2026-12-01T09:30:00+01:00" }, "2026-12-01T08:30:00.000Z", "UTC"],
  ])("reads %j", (input, start, timeZone) => {
    expect(iso(resolveWindowStart(input))).toEqual({ start, timeZone });
  });

  it("reads a wall time without a zone in the default zone", () => {
    expect(iso(resolveWindowStart({ date: "2026-12-01", start: "14:00" }, "Europe/Berlin"))).toEqual({
      start: "2026-12-01T13:00:00.000Z",
      timeZone: "Europe/Berlin",
    });
  });

  it("reads a date without a time as midnight", () => {
    expect(iso(resolveWindowStart({ date: "2026-12-01", start: "[TIME]" }))).toEqual({ start: "2026-12-01T00:00:00.000Z", timeZone: "UTC" });
  });

  it.each([
    [{ date: "[DATE]" }],
    [{ date: "____", start: "_________ (preferably during low traffic hours)" }],
    [{ text: "TBD" }],
    [{ start: "14:00 UTC" }],
    [{}],
    [{ text: "2026-02-30 10:00" }],
    [{ text: "2026-13-01 10:00" }],
  ])("gives null for %j", (input) => {
    expect(resolveWindowStart(input)).toBeNull();
  });
});

describe("time zones", () => {
  it("knows IANA names and nothing else", () => {
    expect(isValidTimeZone("Europe/Berlin")).toBe(true);
    expect(isValidTimeZone("UTC")).toBe(true);
    expect(isValidTimeZone("Mars/Olympus")).toBe(false);
    expect(isValidTimeZone("")).toBe(false);
  });

  it("turns a datetime-local value into an instant and back", () => {
    const instant = wallTimeToInstant("2026-12-01T09:30", "America/New_York");
    expect(instant.toISOString()).toBe("2026-12-01T14:30:00.000Z");
    expect(instantToWallTime(instant, "America/New_York")).toBe("2026-12-01T09:30");
    expect(instantToWallTime(instant, "Asia/Kolkata")).toBe("2026-12-01T20:00");
    expect(wallTimeToInstant("2026-07-01T09:30", "Europe/Berlin").toISOString()).toBe("2026-07-01T07:30:00.000Z");
  });

  it("rejects a malformed datetime-local value", () => {
    expect(() => wallTimeToInstant("2026-12-01 9:30", "UTC")).toThrow(RangeError);
    expect(() => wallTimeToInstant("2026-12-01T24:30", "UTC")).toThrow(RangeError);
    expect(() => wallTimeToInstant("2026-02-30T10:00", "UTC")).toThrow(RangeError);
  });
});

describe("timeOfDayOffsetMinutes", () => {
  const start = new Date("2026-12-01T09:00:00Z"); // 10:00 in Berlin

  it("counts from the window start to a wall time that day, in the window's zone", () => {
    expect(timeOfDayOffsetMinutes({ hours: 10, minutes: 30 }, start, "Europe/Berlin")).toBe(30);
    expect(timeOfDayOffsetMinutes({ hours: 9, minutes: 45 }, start, "Europe/Berlin")).toBe(-15);
    expect(timeOfDayOffsetMinutes({ hours: 10, minutes: 30 }, start, "UTC")).toBe(90);
  });

  it("uses the local date, not the UTC one", () => {
    const lateEvening = new Date("2026-12-01T23:30:00Z"); // already Dec 2 in Tokyo (08:30)
    expect(timeOfDayOffsetMinutes({ hours: 9, minutes: 0 }, lateEvening, "Asia/Tokyo")).toBe(30);
  });
});

describe("parseDowntimeMinutes", () => {
  it.each([
    ["None (rolling deployment)", 0],
    ["None", 0],
    ["Zero downtime", 0],
    ["No downtime expected", 0],
    ["15-30 minutes", 30],
    ["~5 min", 5],
    ["1 hour", 60],
    ["[X minutes]", null],
    ["", null],
    ["_____", null],
    ["Brief", null],
  ])("reads %j as %j", (text, minutes) => {
    expect(parseDowntimeMinutes(text)).toBe(minutes);
  });
});

describe("parseDurationMinutes", () => {
  it.each([
    ["~35 minutes", 35],
    ["2 hours", 120],
    ["30-60 minutes", 60],
    ["1.5 h", 90],
    ["Total: ~35 minutes", 35],
    ["About 2 hrs end to end", 120],
    ["", null],
    ["a while", null],
  ])("reads %j as %j", (text, minutes) => {
    expect(parseDurationMinutes(text)).toBe(minutes);
  });
});
