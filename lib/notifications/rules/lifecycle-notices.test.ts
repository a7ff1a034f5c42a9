import { describe, expect, it } from "vitest";
import type { PlanAudience } from "@/lib/notifications/rules/plan-audience";
import { planStartedNotices } from "@/lib/notifications/rules/plan-started";
import { rollbackNotices } from "@/lib/notifications/rules/rollback-triggered";

const plan: PlanAudience = {
  planId: "p1",
  title: "Release 4.2",
  status: "IN_PROGRESS",
  allowSelfApproval: false,
  members: [
    { userId: "lee", role: "LEAD", titles: [] },
    { userId: "eve", role: "EXECUTOR", titles: [] },
    { userId: "vic", role: "VIEWER", titles: [] },
  ],
};

describe("plan started", () => {
  it("tells every member but the one who started it, linking to the plan", () => {
    const notices = planStartedNotices(plan, "lee", "ev1");
    expect(notices.map((notice) => notice.userId)).toEqual(["eve", "vic"]);
    expect(notices[0]).toMatchObject({ kind: "PLAN_STARTED", title: "Started: “Release 4.2”", href: "/plans/p1", dedupeKey: "plan-started:p1:ev1" });
  });

  it("tells everyone when nobody in particular started it (an automation)", () => {
    expect(planStartedNotices(plan, null, "ev1")).toHaveLength(3);
  });
});

describe("rollback triggered", () => {
  it("tells every member but the one who triggered it, with the reason", () => {
    const notices = rollbackNotices(plan, "eve", "ev2", "Error rate above 5%");
    expect(notices.map((notice) => notice.userId)).toEqual(["lee", "vic"]);
    expect(notices[0]).toMatchObject({ kind: "ROLLBACK_TRIGGERED", title: "Rollback triggered: “Release 4.2”", body: "“Release 4.2” is rolling back. Reason: Error rate above 5%", dedupeKey: "rollback:p1:ev2" });
  });

  it("says so when no reason was given", () => {
    expect(rollbackNotices(plan, "eve", "ev2", null)[0]!.body).toMatch(/No reason was given\.$/);
  });
});
