import { describe, expect, it } from "vitest";
import { parseMetric } from "@/lib/import/metric-text";
import { evaluateMetric, formatMetricTarget } from "@/lib/plan-document/metric";
import type { Metric } from "@/lib/plan-document/schema";

const metric = (comparator: Metric["comparator"], target: number, unit: string): Metric => ({ label: "x", unit, comparator, target });

describe("evaluateMetric", () => {
  it("compares with <, <=, >, >= and =", () => {
    expect(evaluateMetric(metric("<", 200, "ms"), 180)).toBe("pass");
    expect(evaluateMetric(metric("<", 200, "ms"), 200)).toBe("fail");
    expect(evaluateMetric(metric("<=", 0.5, "%"), 0.5)).toBe("pass");
    expect(evaluateMetric(metric("<=", 0.5, "%"), 0.51)).toBe("fail");
    expect(evaluateMetric(metric(">", 80, "%"), 80.1)).toBe("pass");
    expect(evaluateMetric(metric(">", 80, "%"), 80)).toBe("fail");
    expect(evaluateMetric(metric(">=", 99.9, "%"), 99.9)).toBe("pass");
    expect(evaluateMetric(metric(">=", 99.9, "%"), 99.89)).toBe("fail");
    expect(evaluateMetric(metric("=", 100, "%"), 100.0)).toBe("pass");
    expect(evaluateMetric(metric("=", 0.3, "s"), 0.1 + 0.2)).toBe("pass");
    expect(evaluateMetric(metric("=", 100, "%"), 99)).toBe("fail");
  });

  it("never passes a missing measurement", () => {
    expect(evaluateMetric(metric("<", 2, "s"), Number.NaN)).toBe("fail");
    expect(evaluateMetric(metric(">", 2, "s"), Number.POSITIVE_INFINITY)).toBe("fail");
  });

  it("works on metrics read from item text, in ms, % and s", () => {
    const latency = parseMetric("API p95 response time: __ ms (<200ms target)");
    expect(latency).toEqual({ label: "API p95 response time", unit: "ms", comparator: "<", target: 200 });
    const errors = parseMetric("Error rate normal (<1%)");
    expect(errors).toEqual({ label: "Error rate normal", unit: "%", comparator: "<", target: 1 });
    const response = parseMetric("Response times < 2 seconds");
    expect(response).toEqual({ label: "Response times", unit: "s", comparator: "<", target: 2 });
    const uptime = parseMetric("Uptime: ____ (≥ 99.95%)");
    expect(uptime).toMatchObject({ comparator: ">=", target: 99.95, unit: "%" });
    if (!latency || !errors || !response || !uptime) throw new Error("metrics not parsed");
    expect(evaluateMetric(latency, 150)).toBe("pass");
    expect(evaluateMetric(errors, 1.2)).toBe("fail");
    expect(evaluateMetric(response, 1.4)).toBe("pass");
    expect(evaluateMetric(uptime, 99.95)).toBe("pass");
    expect(parseMetric("Deploy the new image")).toBeUndefined();
  });

  it("formats targets for display", () => {
    expect(formatMetricTarget(metric("<", 200, "ms"))).toBe("< 200 ms");
    expect(formatMetricTarget(metric(">=", 99.9, "%"))).toBe(">= 99.9%");
  });
});
