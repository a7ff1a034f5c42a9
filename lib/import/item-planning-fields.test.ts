import { describe, expect, it } from "vitest";
import { planningFieldLines, readPlanningFields } from "@/lib/import/item-planning-fields";

describe("item planning field lines", () => {
  it("reads owners, dependencies and a duration, bold keys too", () => {
    expect(readPlanningFields("**Owner**: Eve; DevOps Lead\nDepends on: Deploy, then wait; section Verify\nDuration: 10-15 min")).toEqual({
      owners: ["Eve", "DevOps Lead"],
      dependsOn: ["Deploy, then wait", "section Verify"],
      plannedMinutes: 15,
    });
  });

  it("leaves a paragraph with any other line, or an unreadable duration, as details", () => {
    expect(readPlanningFields("Owner: Eve\nCall the vendor first.")).toBeUndefined();
    expect(readPlanningFields("Duration: a while")).toBeUndefined();
    expect(readPlanningFields("Note: nothing to plan")).toBeUndefined();
  });

  it("writes the lines it reads back", () => {
    const fields = { owners: ["Eve Executor", "QA Lead"], dependsOn: ["Deploy"], plannedMinutes: 20 };
    const lines = planningFieldLines(fields)!;
    expect(lines).toBe("Owner: Eve Executor; QA Lead\nDepends on: Deploy\nDuration: 20 min");
    expect(readPlanningFields(lines)).toEqual(fields);
    expect(planningFieldLines({})).toBeUndefined();
  });

  it("reads 100 KB of colons and semicolons in one pass", () => {
    expect(readPlanningFields(`Owner: ${";".repeat(100_000)}`)).toEqual({ owners: [] });
  });
});
