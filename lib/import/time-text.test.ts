import { describe, expect, it } from "vitest";
import { findDuration, findOffset, findTimeOfDay, headingTiming, parseDuration, parseOffsetCell, parseTimeOfDay } from "@/lib/import/time-text";

describe("offsets", () => {
  it.each([
    ["T-24h", -1440],
    ["T - 2 hours", -120],
    ["T+15 min", 15],
    ["T+1 week", 10_080],
    ["T-0", 0],
    ["T+7", 7], // a bare number counts minutes, as timeline tables do
    ["T+1.5h", 90],
    ["T−30m", -30], // a typographic minus
  ])("reads %s as %d minutes", (text, minutes) => {
    expect(findOffset(text)?.offset.minutes).toBe(minutes);
    expect(parseOffsetCell(text)?.minutes).toBe(minutes);
  });

  it("takes an offset cell only when it is the whole cell", () => {
    expect(parseOffsetCell("  T-2h ")).toEqual({ raw: "T-2h", minutes: -120 });
    expect(parseOffsetCell("Start at T-2h")).toBeUndefined();
    expect(parseOffsetCell("10:30")).toBeUndefined();
  });

  it("does not read words or versions as offsets", () => {
    expect(findOffset("PATCH+2 applied")).toBeUndefined();
    expect(findOffset("Step 3: restart")).toBeUndefined();
  });
});

describe("headingTiming", () => {
  it("pulls a bracketed offset out of a heading", () => {
    expect(headingTiming("Phase 1: Pre-Deployment (T-24 hours)")).toEqual({
      title: "Phase 1: Pre-Deployment",
      offset: { raw: "T-24 hours", minutes: -1440 },
    });
  });

  it("pulls an offset and a duration", () => {
    expect(headingTiming("Cutover @ T+0 (15 min)")).toEqual({
      title: "Cutover",
      offset: { raw: "T+0", minutes: 0 },
      duration: { raw: "15 min", minutes: 15 },
    });
  });

  it("leaves a heading without timing alone", () => {
    expect(headingTiming("Monitoring (First Hour)")).toEqual({ title: "Monitoring (First Hour)" });
  });
});

describe("durations", () => {
  it("reads whole-text durations, keeping a range's upper bound", () => {
    expect(parseDuration("30-60 minutes")?.minutes).toBe(60);
    expect(parseDuration("~5 min")?.minutes).toBe(5);
    expect(parseDuration("2 hours")?.minutes).toBe(120);
    expect(parseDuration("Total: 35 minutes")).toBeUndefined();
  });

  it("finds a duration inside a sentence, but not an offset's number", () => {
    expect(findDuration("Total: ~35 minutes")?.minutes).toBe(35);
    expect(findDuration("None (rolling), up to 1.5 h")?.minutes).toBe(90);
    expect(findDuration("Start at T+15 min")).toBeUndefined();
    expect(findDuration("no numbers here")).toBeUndefined();
  });
});

describe("parseTimeOfDay", () => {
  it.each([
    ["10:30", { hours: 10, minutes: 30 }],
    ["9:05", { hours: 9, minutes: 5 }],
    ["10:30 AM", { hours: 10, minutes: 30 }],
    ["10:30 PM", { hours: 22, minutes: 30 }],
    ["10:30pm", { hours: 22, minutes: 30 }],
    ["12:15 am", { hours: 0, minutes: 15 }],
    ["12:00 PM", { hours: 12, minutes: 0 }],
    ["2 PM", { hours: 14, minutes: 0 }],
    ["22:15", { hours: 22, minutes: 15 }],
    ["00:00", { hours: 0, minutes: 0 }],
  ])("reads %s", (text, time) => {
    expect(parseTimeOfDay(text)).toEqual(time);
  });

  it("returns a trailing zone as written", () => {
    expect(parseTimeOfDay("22:15 UTC")).toEqual({ hours: 22, minutes: 15, zone: "UTC" });
    expect(parseTimeOfDay("10:30 AM EST")).toEqual({ hours: 10, minutes: 30, zone: "EST" });
    expect(parseTimeOfDay("22:00 Europe/Berlin")).toEqual({ hours: 22, minutes: 0, zone: "Europe/Berlin" });
    expect(parseTimeOfDay("09:30Z")).toEqual({ hours: 9, minutes: 30, zone: "Z" });
  });

  it.each(["25:00", "10:75", "T+10", "10", "13:00 PM", "0:30 AM", "10:30 and more", "", "TBD"])("rejects %j", (text) => {
    expect(parseTimeOfDay(text)).toBeUndefined();
  });

  it("finds a time inside a sentence and skips dates", () => {
    expect(findTimeOfDay("Saturday, March 15, 2025 at 02:00 PST")?.time).toEqual({ hours: 2, minutes: 0, zone: "PST" });
    expect(findTimeOfDay("2025-11-12 01:10:44")?.time).toEqual({ hours: 1, minutes: 10 });
    expect(findTimeOfDay("Version 2026 ships")).toBeUndefined();
  });
});
