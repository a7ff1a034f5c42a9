import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { parsePlanMarkdown } from "@/lib/import/parse-plan-markdown";
import { applyPlanChange } from "@/lib/plan-state/apply-plan-change";
import { ROLLED_BACK_CHECK_NOTE } from "@/lib/plan-state/monitoring-checks";
import type { Actor } from "@/lib/plan-state/plan-access";
import { loadLiveState } from "@/lib/plan-state/read-plan-state";
import { createPlanFromDocument } from "@/lib/plans/create-plan";
import { resetDatabase } from "@/lib/testing/reset-database";
import { timelineOfLiveState } from "@/lib/timeline/live-timeline";
import { loadPhases } from "@/lib/timeline/timeline-source";

// A release with its own monitoring schedule, rollback triggers and a rollback procedure.
const PLAN = `# Orders v7 rollout

- **Scheduled Date**: 2026-12-05
- **Start Time**: 22:00 UTC
- **Estimated Duration**: 30 minutes

## Deploy (T-0) (15 min)
- [ ] Roll out orders v7
- [ ] Run migrations

## Verify (T+15 min) (10 min)
- [ ] Smoke tests

## Rollback Triggers
- Error rate above 5% for 5 minutes
- Checkout latency p95 above 2 s

## Rollback Procedure
- [ ] Route traffic back to v6
- [ ] Confirm v6 serves all traffic

## Monitoring

| Window | Frequency | Checks |
|--------|-----------|--------|
| First hour | Every 10 minutes | Error rates and latency of v7 |
| First day | Hourly | v7 order volume |
`;

const at = (time: string) => new Date(`2026-12-05T${time}:00Z`);
let lead: Actor;
let planId: string;

async function change(time: string, input: unknown) {
  vi.setSystemTime(at(time));
  return applyPlanChange(lead, planId, input);
}

async function tick(time: string, text: string, status: string, note?: string) {
  const { id, version } = await db().planItem.findFirstOrThrow({ where: { planId, text }, select: { id: true, version: true } });
  return change(time, { type: "item.status", itemId: id, status, expectedVersion: version, ...(note ? { note } : {}) });
}

const storedChecks = () => db().monitoringCheck.findMany({ where: { planId }, orderBy: { position: "asc" }, select: { label: true, status: true, note: true, dueAt: true } });

beforeEach(async () => {
  await resetDatabase();
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(at("12:00"));
  const user = await db().user.create({ data: { name: "Lee Lead", email: "lead@example.com", passwordHash: "not-used" }, select: { id: true, name: true } });
  lead = { ...user, isAdmin: false };
  planId = (await createPlanFromDocument({ document: parsePlanMarkdown(PLAN).document, createdById: lead.id })).id;
});

afterEach(() => {
  vi.useRealTimers();
});

describe("monitoring and the timeline after a rollback", () => {
  it("schedules only checks that the rollback holds, and shows the rollback lane instead of late or unrun phases", async () => {
    const releaseChecks = await (async () => {
      await change("22:00", { type: "plan.lifecycle", action: "start" });
      await tick("22:02", "Roll out orders v7", "DONE");
      await tick("22:05", "Run migrations", "FAILED", "Lock timeout");
      await change("22:06", { type: "plan.lifecycle", action: "trigger-rollback", reason: "Error rate 7%" });
      await tick("22:08", "Route traffic back to v6", "DONE");
      await tick("22:11", "Confirm v6 serves all traffic", "DONE");
      return change("22:12", { type: "plan.lifecycle", action: "finish-rollback" });
    })();

    const event = releaseChecks.message.event;
    const checks = event.type === "plan.status" ? event.checks : undefined;
    expect(checks?.map((check) => [check.label, check.dueAt])).toEqual([
      ["Rollback holds: the previous version serves all traffic", at("22:27").toISOString()],
      ["Rollback holds: no rollback trigger fires again (Error rate above 5% for 5 minutes; Checkout latency p95 above 2 s)", at("23:12").toISOString()],
      ["Review the day after the rollback", new Date("2026-12-06T22:12:00Z").toISOString()],
    ]);
    // Nothing of the release's own schedule (which would be a dozen checks of v7).
    expect((await storedChecks()).some((check) => check.label.includes("v7"))).toBe(false);

    const live = (await loadLiveState(planId))!;
    expect(live.checks).toEqual(checks);
    const timeline = timelineOfLiveState(live, await loadPhases(db(), planId), [], at("23:00").getTime());
    expect(timeline.phases.map((phase) => [phase.title, phase.isRollback, phase.state])).toEqual([
      ["Deploy", false, "stopped"],
      ["Verify", false, "stopped"],
      ["Rollback Procedure", true, "done"],
    ]);
    const rollback = timeline.phases.find((phase) => phase.isRollback)!;
    expect([rollback.plannedStart, rollback.actualStart, rollback.actualEnd]).toEqual([at("22:08").getTime(), at("22:08").getTime(), at("22:11").getTime()]);
  });

  it("skips the release's pending checks when a completed release is rolled back later, keeping what was done", async () => {
    await change("22:00", { type: "plan.lifecycle", action: "start" });
    for (const text of ["Roll out orders v7", "Run migrations", "Smoke tests"]) await tick("22:05", text, "DONE");
    const completed = await change("22:20", { type: "plan.lifecycle", action: "complete" });
    const released = completed.message.event.type === "plan.status" ? (completed.message.event.checks ?? []) : [];
    expect(released.length).toBeGreaterThan(3);
    await change("22:31", { type: "check.status", checkId: released[0]!.id, status: "DONE" });

    await change("23:00", { type: "plan.lifecycle", action: "trigger-rollback", reason: "Order volume dropped" });
    const finished = await change("23:10", { type: "plan.lifecycle", action: "finish-rollback" });
    const after = finished.message.event.type === "plan.status" ? (finished.message.event.checks ?? []) : [];

    const stored = await storedChecks();
    expect(after.map((check) => [check.label, check.status])).toEqual(stored.map((check) => [check.label, check.status]));
    expect(stored[0]).toMatchObject({ status: "DONE", note: null });
    expect(stored.slice(1, released.length).every((check) => check.status === "SKIPPED" && check.note === ROLLED_BACK_CHECK_NOTE)).toBe(true);
    expect(stored.slice(released.length).map((check) => [check.label, check.status, check.dueAt])).toEqual([
      ["Rollback holds: the previous version serves all traffic", "PENDING", at("23:25")],
      [expect.stringContaining("Rollback holds: no rollback trigger fires again"), "PENDING", new Date("2026-12-06T00:10:00Z")],
      ["Review the day after the rollback", "PENDING", new Date("2026-12-06T23:10:00Z")],
    ]);
  });

  it("schedules no checks after a rollback when the lead turned them off", async () => {
    await change("21:00", { type: "plan.edit", monitorAfterRollback: false });
    await change("22:00", { type: "plan.lifecycle", action: "start" });
    await change("22:06", { type: "plan.lifecycle", action: "trigger-rollback", reason: "Error rate 7%" });
    const finished = await change("22:12", { type: "plan.lifecycle", action: "finish-rollback" });
    expect(finished.message.event).toMatchObject({ type: "plan.status", status: "ROLLED_BACK" });
    expect(finished.message.event.type === "plan.status" && finished.message.event.checks).toBeFalsy();
    expect(await storedChecks()).toEqual([]);
  });
});
