import { describe, expect, it } from "vitest";
import { formatClock, formatDuration, formatInZone, formatOffset, formatSpan } from "@/lib/time/format-time";

describe("formatOffset", () => {
  it.each([
    [0, "T-0"],
    [-1440, "T-24h"],
    [-120, "T-2h"],
    [15, "T+15 min"],
    [90, "T+1h 30 min"],
    [-45, "T-45 min"],
    [10_080, "T+1 week"],
    [20_160, "T+2 weeks"],
    [2_880, "T+2 days"],
    [1_500, "T+25h"],
    [14.6, "T+15 min"],
  ])("writes %d minutes as %s", (minutes, text) => {
    expect(formatOffset(minutes)).toBe(text);
  });
});

describe("formatClock", () => {
  it.each([
    [-3_723_000, "T-01:02:03"],
    [310_000, "T+00:05:10"],
    [0, "T+00:00:00"],
    [-400, "T-00:00:01"], // a countdown rounds up
    [999, "T+00:00:00"],
    [-(2 * 86_400_000 + 3 * 3_600_000), "T-2d 03:00:00"],
    [86_400_000 + 61_000, "T+1d 00:01:01"],
  ])("writes %d ms as %s", (ms, text) => {
    expect(formatClock(ms)).toBe(text);
  });
});

describe("formatDuration", () => {
  it.each([
    [45, "45 s"],
    [0, "0 s"],
    [-5, "0 s"],
    [12 * 60 + 30, "12 min"],
    [3_900, "1 h 05 min"],
    [7_200, "2 h"],
    [2 * 86_400 + 3 * 3_600 + 59, "2 d 3 h"],
    [86_400, "1 d"],
  ])("writes %d s as %s", (seconds, text) => {
    expect(formatDuration(seconds)).toBe(text);
  });
});

describe("formatInZone", () => {
  const instant = new Date("2026-12-01T09:30:00Z");

  it("writes a 24-hour time with date and zone", () => {
    expect(formatInZone(instant, "UTC")).toBe("Tue 1 Dec, 09:30 UTC");
    expect(formatInZone(instant, "Europe/Berlin")).toBe("Tue 1 Dec, 10:30 CET");
    expect(formatInZone(instant, "America/New_York")).toBe("Tue 1 Dec, 04:30 EST");
    expect(formatInZone(new Date("2026-12-01T23:30:00Z"), "Asia/Tokyo")).toBe("Wed 2 Dec, 08:30 GMT+9");
  });

  it("leaves out the date or the zone on request", () => {
    expect(formatInZone(instant, "Europe/Berlin", { withDate: false })).toBe("10:30 CET");
    expect(formatInZone(instant, "Europe/Berlin", { withZone: false })).toBe("Tue 1 Dec, 10:30");
    expect(formatInZone(new Date("2026-12-01T00:05:00Z"), "UTC", { withDate: false, withZone: false })).toBe("00:05");
  });
});

describe("formatSpan", () => {
  it("gives clock times within a day and dates across midnight", () => {
    expect(formatSpan(new Date("2026-12-05T21:56:00Z"), new Date("2026-12-05T22:01:00Z"), "UTC")).toBe("21:56–22:01");
    expect(formatSpan(new Date("2026-12-05T23:50:00Z"), new Date("2026-12-06T00:10:00Z"), "UTC")).toBe("Sat 5 Dec, 23:50–Sun 6 Dec, 00:10");
    // The same instants, seen in Berlin, are on one day there.
    expect(formatSpan(new Date("2026-12-05T21:50:00Z"), new Date("2026-12-05T22:10:00Z"), "Europe/Berlin")).toBe("22:50–23:10");
  });
});
