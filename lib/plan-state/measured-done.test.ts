import { describe, expect, it } from "vitest";
import { isDoneOutsideTarget } from "@/lib/plan-document/metric";
import type { Metric } from "@/lib/plan-document/schema";
import { checkMeasuredDone } from "@/lib/plan-state/measured-done";

const errorRate: Metric = { label: "Error rate", unit: "%", comparator: "<", target: 1 };
const pending = { status: "PENDING" as const, value: null };

describe("checkMeasuredDone", () => {
  it("refuses Done on a measured step without a value, naming what to record", () => {
    const verdict = checkMeasuredDone({ metric: errorRate, before: pending, after: { status: "DONE", value: null }, confirmedOutsideTarget: false });
    expect(verdict).toEqual({ ok: false, reason: "value-missing", message: "Record the measured Error rate (%) before marking this step done." });
  });

  it("accepts Done with a value inside the target", () => {
    expect(checkMeasuredDone({ metric: errorRate, before: pending, after: { status: "DONE", value: 0.4 }, confirmedOutsideTarget: false })).toEqual({ ok: true, outsideTarget: false });
  });

  it("asks before Done with a value outside the target, and accepts it confirmed as outside target", () => {
    const asked = checkMeasuredDone({ metric: errorRate, before: pending, after: { status: "DONE", value: 2.5 }, confirmedOutsideTarget: false });
    expect(asked).toEqual({ ok: false, reason: "outside-target", message: "2.5% is outside the target < 1%. Confirm to mark it done outside target." });
    expect(checkMeasuredDone({ metric: errorRate, before: pending, after: { status: "DONE", value: 2.5 }, confirmedOutsideTarget: true })).toEqual({ ok: true, outsideTarget: true });
  });

  it("judges the value itself: a confirmation never turns a passing value into outside target", () => {
    expect(checkMeasuredDone({ metric: errorRate, before: pending, after: { status: "DONE", value: 0.2 }, confirmedOutsideTarget: true })).toEqual({ ok: true, outsideTarget: false });
  });

  it("asks again when a done step gets a new value outside the target, not when the value stays", () => {
    const done = { status: "DONE" as const, value: 0.2 };
    expect(checkMeasuredDone({ metric: errorRate, before: done, after: { status: "DONE", value: 3 }, confirmedOutsideTarget: false })).toMatchObject({ ok: false, reason: "outside-target" });
    const accepted = { status: "DONE" as const, value: 3 };
    expect(checkMeasuredDone({ metric: errorRate, before: accepted, after: { status: "DONE", value: 3 }, confirmedOutsideTarget: false })).toEqual({ ok: true, outsideTarget: true });
  });

  it("leaves other states and unmeasured steps alone", () => {
    expect(checkMeasuredDone({ metric: errorRate, before: pending, after: { status: "SKIPPED", value: null }, confirmedOutsideTarget: false })).toEqual({ ok: true, outsideTarget: false });
    expect(checkMeasuredDone({ metric: errorRate, before: pending, after: { status: "PENDING", value: 9 }, confirmedOutsideTarget: false })).toEqual({ ok: true, outsideTarget: false });
    expect(checkMeasuredDone({ metric: null, before: pending, after: { status: "DONE", value: null }, confirmedOutsideTarget: false })).toEqual({ ok: true, outsideTarget: false });
  });
});

describe("isDoneOutsideTarget", () => {
  it("marks only done steps whose value misses the target", () => {
    expect(isDoneOutsideTarget(errorRate, "DONE", 2.5)).toBe(true);
    expect(isDoneOutsideTarget(errorRate, "DONE", 0.5)).toBe(false);
    expect(isDoneOutsideTarget(errorRate, "FAILED", 2.5)).toBe(false);
    expect(isDoneOutsideTarget(errorRate, "DONE", null)).toBe(false);
    expect(isDoneOutsideTarget(null, "DONE", 2.5)).toBe(false);
  });
});
