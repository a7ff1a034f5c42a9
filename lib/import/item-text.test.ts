import { describe, expect, it } from "vitest";
import { analyzeItemText, formatStateSuffix, parseStateSuffix, strikeForState, unstrikeForState } from "@/lib/import/item-text";
import { headingTiming, parseDuration, parseOffsetCell } from "@/lib/import/time-text";

describe("analyzeItemText", () => {
  it("tells critical markers from the adjective", () => {
    expect(analyzeItemText("CRITICAL: database must be backed up").critical).toBe(true);
    expect(analyzeItemText("Rotate credentials (critical)").critical).toBe(true);
    expect(analyzeItemText("⚠️ Check replication").critical).toBe(true);
    expect(analyzeItemText("No critical bugs").critical).toBe(false);
    expect(analyzeItemText("Critical endpoints responding correctly").critical).toBe(false);
  });

  it("reads optional items", () => {
    expect(analyzeItemText("Warm caches (optional)").required).toBe(false);
    expect(analyzeItemText("Update status page if applicable").required).toBe(false);
    expect(analyzeItemText("Restart workers (if schema changed)").required).toBe(false);
    expect(analyzeItemText("Restart workers").required).toBe(true);
  });
});

describe("state suffix", () => {
  it("round-trips who, when, measured value and note", () => {
    const state = { status: "failed" as const, by: "Lee", at: "2026-11-22T10:00:00.000Z", measuredValue: 412, note: "p95 over target" };
    const suffix = formatStateSuffix(state, "ms");
    expect(suffix).toBe(" — **failed** by Lee at 2026-11-22 10:00 UTC; measured: 412 ms; note: p95 over target");
    expect(parseStateSuffix(`API p95: __ ms (<200ms target)${suffix}`)).toEqual({ text: "API p95: __ ms (<200ms target)", state });
  });

  it("says in words that a done step missed its target, and reads it back as the same state", () => {
    const state = { status: "done" as const, by: "Kim", measuredValue: 2.5, note: "spike after deploy" };
    const suffix = formatStateSuffix(state, "%", true);
    expect(suffix).toBe(" — done by Kim; measured: 2.5%; outside target; note: spike after deploy");
    expect(parseStateSuffix(`Error rate: __ % (<1% target)${suffix}`)).toEqual({ text: "Error rate: __ % (<1% target)", state });
  });

  it("still reads the earlier form, without emphasis or unit", () => {
    expect(parseStateSuffix("Error rate: __ % (<1% target) — failed by Lee; measured: 2.5; note: spike")).toEqual({
      text: "Error rate: __ % (<1% target)",
      state: { status: "failed", by: "Lee", measuredValue: 2.5, note: "spike" },
    });
  });

  it("writes a percent sign against the value, and reads any unit back", () => {
    expect(formatStateSuffix({ status: "done", by: "Kim", measuredValue: 0.4 }, "%")).toBe(" — done by Kim; measured: 0.4%");
    expect(parseStateSuffix("Error rate — done by Kim; measured: 0.4%")?.state).toEqual({ status: "done", by: "Kim", measuredValue: 0.4 });
    expect(parseStateSuffix("Lag — **n/a**; measured: -3.5 req/s; note: replica down")?.state).toEqual({ status: "not_applicable", measuredValue: -3.5, note: "replica down" });
  });

  it("strikes through skipped and not-applicable items, and reads the text back unstruck", () => {
    const skipped = { status: "skipped" as const, note: "no schema change" };
    expect(strikeForState("Apply migrations", skipped)).toBe("~~Apply migrations~~");
    expect(unstrikeForState("~~Apply migrations~~", skipped)).toBe("Apply migrations");
    expect(strikeForState("Apply migrations", { status: "failed" })).toBe("Apply migrations");
    expect(unstrikeForState("~~Old step~~", { status: "done" })).toBe("~~Old step~~");
    expect(strikeForState("Has ~~struck~~ part", skipped)).toBe("Has ~~struck~~ part");
  });

  it("leaves prose with a dash alone", () => {
    expect(parseStateSuffix("Deploy — done")).toBeUndefined();
    expect(parseStateSuffix("Switch DNS — then wait")).toBeUndefined();
    expect(formatStateSuffix({ status: "done", by: "import" })).toBe("");
  });
});

describe("time offsets and durations", () => {
  it("reads offsets in their common spellings", () => {
    expect(headingTiming("Phase 1: Pre-Deployment (T-24 hours)")).toEqual({ title: "Phase 1: Pre-Deployment", offset: { raw: "T-24 hours", minutes: -1440 } });
    expect(headingTiming("T-24h: Final testing")).toMatchObject({ title: "Final testing", offset: { minutes: -1440 } });
    expect(headingTiming("Cutover (T+15 min) (10 min)")).toEqual({ title: "Cutover", offset: { raw: "T+15 min", minutes: 15 }, duration: { raw: "10 min", minutes: 10 } });
    expect(parseOffsetCell("T-0")).toEqual({ raw: "T-0", minutes: 0 });
    expect(parseOffsetCell("T+7")).toEqual({ raw: "T+7", minutes: 7 });
    expect(parseOffsetCell("10:40")).toBeUndefined();
  });

  it("reads durations, keeping the upper end of a range", () => {
    expect(parseDuration("2 hours")).toEqual({ raw: "2 hours", minutes: 120 });
    expect(parseDuration("30-60 minutes")).toEqual({ raw: "30-60 minutes", minutes: 60 });
    expect(parseDuration("~35 minutes")?.minutes).toBe(35);
    expect(parseDuration("-")).toBeUndefined();
  });
});
