import { describe, expect, it } from "vitest";
import { dashboardPlansSql, dashboardPlansWhere } from "@/lib/dashboard/dashboard-scope";

const member = { id: "user-1", role: "MEMBER" as const };
const admin = { id: "admin-1", role: "ADMIN" as const };

describe("dashboardPlansSql", () => {
  it("binds every filter value as a parameter, never as SQL text", () => {
    const hostile = "prod'; DROP TABLE \"Plan\"; --";
    const condition = dashboardPlansSql(member, { environment: hostile, lead: "Ada", status: "COMPLETE", from: "2026-01-01" });
    expect(condition.text).not.toContain(hostile);
    expect(condition.values).toEqual(["user-1", hostile, "COMPLETE", "Ada", new Date("2026-01-01T00:00:00Z"), new Date("2026-01-01T00:00:00Z")]);
    expect(condition.text).toContain('pm."userId" = $1');
  });

  it("is TRUE for an admin without filters", () => {
    expect(dashboardPlansSql(admin, {}).text).toBe("TRUE");
  });
});

describe("dashboardPlansWhere", () => {
  it("limits a member to their plans and matches the range on window or finish", () => {
    expect(dashboardPlansWhere(member, { to: "2026-01-31" })).toEqual({
      AND: [
        { members: { some: { userId: "user-1" } } },
        { OR: [{ windowStart: { lt: new Date("2026-02-01T00:00:00Z") } }, { finishedAt: { lt: new Date("2026-02-01T00:00:00Z") } }] },
      ],
    });
    expect(dashboardPlansWhere(admin, {})).toEqual({ AND: [{}] });
  });
});
