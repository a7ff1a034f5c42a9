import { describe, expect, it } from "vitest";
import { compareWithPlan, formatDuration, formatMinutes, formatPercent } from "@/lib/dashboard/format-figures";

describe("formatPercent", () => {
  it("writes whole percentages and a dash for no data", () => {
    expect(formatPercent(0.5)).toBe("50%");
    expect(formatPercent(2 / 3)).toBe("67%");
    expect(formatPercent(0)).toBe("0%");
    expect(formatPercent(1)).toBe("100%");
    expect(formatPercent(null)).toBe("—");
  });

  it("never rounds a mixed result to none or all", () => {
    expect(formatPercent(1999 / 2000)).toBe(">99%");
    expect(formatPercent(1 / 2000)).toBe("<1%");
  });
});

describe("formatDuration", () => {
  it("uses seconds under a minute, then minutes and hours", () => {
    expect(formatDuration(40)).toBe("40 s");
    expect(formatDuration(0)).toBe("0 min");
    expect(formatDuration(45 * 60)).toBe("45 min");
    expect(formatDuration(72 * 60)).toBe("1 h 12 min");
    expect(formatDuration(2 * 3600)).toBe("2 h");
    expect(formatDuration(89)).toBe("1 min");
    expect(formatDuration(90)).toBe("2 min");
    expect(formatDuration(null)).toBe("—");
  });

  it("formats planned minutes the same way", () => {
    expect(formatMinutes(90)).toBe("1 h 30 min");
    expect(formatMinutes(null)).toBe("—");
  });
});

describe("compareWithPlan", () => {
  it("says how far over or under plan, and on plan within a minute", () => {
    expect(compareWithPlan(72 * 60, 60)).toBe("12 min over");
    expect(compareWithPlan(55 * 60, 60)).toBe("5 min under");
    expect(compareWithPlan(60 * 60 + 30, 60)).toBe("on plan");
    expect(compareWithPlan(null, 60)).toBeNull();
    expect(compareWithPlan(600, null)).toBeNull();
  });
});
