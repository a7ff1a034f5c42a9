import { describe, expect, it } from "vitest";
import { formatInTimeZone, formatMonth, formatUtc, relativeTime } from "@/lib/dashboard/format-times";

describe("relativeTime", () => {
  const now = new Date("2026-03-10T12:00:00Z");
  const at = (minutes: number) => new Date(now.getTime() + minutes * 60_000);

  it("rounds to the nearest minute, hour or day, forwards and back", () => {
    expect(relativeTime(at(180), now)).toBe("in 3 h");
    expect(relativeTime(at(170), now)).toBe("in 3 h");
    expect(relativeTime(at(45), now)).toBe("in 45 min");
    expect(relativeTime(at(3 * 24 * 60), now)).toBe("in 3 d");
    expect(relativeTime(at(-20), now)).toBe("20 min ago");
    expect(relativeTime(at(-26 * 60), now)).toBe("26 h ago");
    expect(relativeTime(at(0.2), now)).toBe("now");
  });
});

describe("times", () => {
  const instant = new Date("2026-11-24T21:00:00Z");

  it("shows a window on the wall clock of the plan's zone", () => {
    expect(formatInTimeZone(instant, "Europe/Berlin")).toEqual({ text: "Tue 24 Nov 2026, 22:00", timeZone: "Europe/Berlin" });
    expect(formatInTimeZone(instant, "America/New_York").text).toBe("Tue 24 Nov 2026, 16:00");
  });

  it("falls back to UTC for a missing or unknown zone", () => {
    expect(formatInTimeZone(instant, null)).toEqual({ text: "Tue 24 Nov 2026, 21:00", timeZone: "UTC" });
    expect(formatInTimeZone(instant, "Mars/Olympus_Mons").timeZone).toBe("UTC");
  });

  it("writes UTC times and month labels", () => {
    expect(formatUtc(instant)).toBe("24 Nov 2026, 21:00 UTC");
    expect(formatMonth("2026-03")).toBe("Mar 2026");
  });
});
