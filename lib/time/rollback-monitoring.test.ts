import { describe, expect, it } from "vitest";
import { parsePlanMarkdown } from "@/lib/import/parse-plan-markdown";
import { readFixture } from "@/lib/import/test-support";
import { rollbackHoldChecks } from "@/lib/time/rollback-monitoring";

describe("rollbackHoldChecks", () => {
  it("watches that the rollback holds, by the plan's own triggers, instead of the release's schedule", () => {
    const { document } = parsePlanMarkdown(readFixture("rollback-and-comms.md"));
    const checks = rollbackHoldChecks(document);
    expect(checks.map((check) => check.offsetMinutes)).toEqual([15, 60, 1_440]);
    expect(checks.every((check) => check.source === "rollback")).toBe(true);
    expect(checks[1]!.label).toContain("Canary error budget exhausted");
  });

  it("has general checks for a plan without triggers, and keeps labels short", () => {
    expect(rollbackHoldChecks(null)[1]!.label).toBe("Rollback holds: error rates and alerts are back to normal");
    const many = { rollback: { triggers: Array.from({ length: 40 }, (_, index) => ({ text: `Trigger number ${index}`, sectionId: null, mode: "manual" as const })), procedureSectionIds: [] } };
    expect(rollbackHoldChecks(many)[1]!.label.length).toBeLessThanOrEqual(200);
  });
});
