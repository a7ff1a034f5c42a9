import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { describeError } from "@/lib/describe-error";
import { parsePlanMarkdown } from "@/lib/import/parse-plan-markdown";
import { computePlanMetrics } from "@/lib/metrics/record-plan-metrics";
import { applyPlanChange } from "@/lib/plan-state/apply-plan-change";
import type { Actor } from "@/lib/plan-state/plan-access";
import { loadLiveState } from "@/lib/plan-state/read-plan-state";
import { createPlanFromDocument } from "@/lib/plans/create-plan";
import { resetDatabase } from "@/lib/testing/reset-database";
import { timelineOfLiveState } from "@/lib/timeline/live-timeline";
import { loadPhases } from "@/lib/timeline/timeline-source";

// A plan run through its whole life with the clock set for every step, so each figure the
// metrics and the timeline give can be checked to the second.
const PLAN = `# Checkout v2 rollout

- **Scheduled Date**: 2026-12-05
- **Start Time**: 22:00 UTC
- **Estimated Duration**: 30 minutes
- **Expected Downtime**: 10 minutes

## Preparation (T-1h) (30 min)
- [ ] Announce the window
- [ ] Take a backup

## Deploy (T-0) (15 min)
- [ ] Stop application
- [ ] Run migrations
- [ ] Start application

## Verify (T+15 min) (10 min)
- [ ] Smoke tests
- [ ] Check error rates

## Monitoring

| Window | Frequency | Checks |
|--------|-----------|--------|
| First hour | Every 30 minutes | Error rates and latency |
| First day | | Daily review |
`;

const at = (time: string) => new Date(`2026-12-05T${time}:00Z`);
let lead: Actor;
let planId: string;

function clock(time: string) {
  vi.setSystemTime(at(time));
}

async function item(text: string) {
  return db().planItem.findFirstOrThrow({ where: { planId, text }, select: { id: true, version: true } });
}

async function tick(time: string, text: string, status: string, note?: string) {
  clock(time);
  const { id, version } = await item(text);
  return applyPlanChange(lead, planId, { type: "item.status", itemId: id, status, expectedVersion: version, ...(note ? { note } : {}) });
}

async function change(time: string, input: unknown) {
  clock(time);
  return applyPlanChange(lead, planId, input);
}

async function refusal(input: unknown) {
  try {
    await applyPlanChange(lead, planId, input);
    return null;
  } catch (error) {
    const { status, body } = describeError(error);
    return { status, message: body.error.message };
  }
}

beforeEach(async () => {
  await resetDatabase();
  vi.useFakeTimers({ toFake: ["Date"] });
  clock("12:00");
  const user = await db().user.create({ data: { name: "Lee Lead", email: "lead@example.com", passwordHash: "not-used" }, select: { id: true, name: true } });
  lead = { ...user, isAdmin: false };
  planId = (await createPlanFromDocument({ document: parsePlanMarkdown(PLAN).document, createdById: lead.id })).id;
});

afterEach(() => {
  vi.useRealTimers();
});

describe("time and metrics of a plan run", () => {
  it("takes the window, expected duration and downtime from the document", async () => {
    const plan = await db().plan.findUniqueOrThrow({ where: { id: planId } });
    expect(plan).toMatchObject({ windowStart: at("22:00"), windowTimeZone: "UTC", expectedDurationMinutes: 30, expectedDowntimeMinutes: 10 });
  });

  it("yields exact phase and total durations, downtime, failure resolution and monitoring checks", async () => {
    await change("20:00", { type: "item.flag", itemId: (await item("Stop application")).id, downtimeMarker: "START" });
    await change("20:00", { type: "item.flag", itemId: (await item("Start application")).id, downtimeMarker: "END" });
    await tick("21:05", "Announce the window", "DONE");
    await tick("21:10", "Take a backup", "DONE");
    // Downtime is only recorded while the plan runs.
    expect(await refusal({ type: "downtime", action: "start" })).toMatchObject({ status: 409 });

    await change("22:04", { type: "plan.lifecycle", action: "start" });
    const stopped = await tick("22:05", "Stop application", "DONE");
    expect(stopped.message.event).toMatchObject({ type: "item.changed", downtime: [{ startedAt: at("22:05").toISOString(), endedAt: null }] });
    await tick("22:07", "Run migrations", "FAILED", "Lock timeout on orders");
    await tick("22:09", "Run migrations", "PENDING");
    await tick("22:12", "Run migrations", "DONE");
    await tick("22:21", "Start application", "DONE");
    await tick("22:25", "Smoke tests", "DONE");
    await tick("22:27", "Check error rates", "SKIPPED", "Dashboards are down; checked logs instead");

    // While running: the timeline sees the deploy phase finished late and the plan started late.
    clock("22:28");
    const running = timelineOfLiveState((await loadLiveState(planId))!, await loadPhases(db(), planId), [], at("22:28").getTime());
    expect(running.startedLateMs).toBe(4 * 60_000);
    expect(running.phases.map((phase) => [phase.title, phase.state])).toEqual([
      ["Preparation", "done"],
      ["Deploy", "finished-late"],
      ["Verify", "done"],
    ]);

    const completed = await change("22:30", { type: "plan.lifecycle", action: "complete" });
    const checks = completed.message.event.type === "plan.status" ? completed.message.event.checks : undefined;
    expect(checks?.map((check) => [check.offsetMinutes, check.dueAt])).toEqual([
      [30, at("23:00").toISOString()],
      [60, at("23:30").toISOString()],
      [1440, new Date("2026-12-06T22:30:00Z").toISOString()],
    ]);
    expect(checks?.[0]?.label).toContain("Error rates and latency");

    const stored = await db().planMetrics.findUniqueOrThrow({ where: { planId } });
    expect(stored).toMatchObject({
      succeeded: true,
      rolledBack: false,
      durationSeconds: 26 * 60,
      plannedDurationMinutes: 30,
      downtimeSeconds: 16 * 60,
      expectedDowntimeMinutes: 10,
      failedItems: 0,
      skippedItems: 1,
      meanResolutionSeconds: 5 * 60,
      computedAt: at("22:30"),
    });
    const details = stored.details as { phases: { title: string; durationSeconds: number | null }[]; failures: unknown[] };
    expect(details.phases).toEqual([
      { id: expect.any(String), title: "Preparation", durationSeconds: 5 * 60 },
      { id: expect.any(String), title: "Deploy", durationSeconds: 16 * 60 },
      { id: expect.any(String), title: "Verify", durationSeconds: 2 * 60 },
    ]);
    expect(details.failures).toEqual([
      {
        itemId: (await item("Run migrations")).id,
        text: "Run migrations",
        failedAt: at("22:07").toISOString(),
        resolvedAt: at("22:12").toISOString(),
        resolvedAs: "DONE",
        resolutionSeconds: 300,
      },
    ]);

    // The figures are the event log's: recomputing them later gives the same numbers.
    const recomputed = await db().$transaction((tx) => computePlanMetrics(tx, planId, { now: at("23:59") }));
    expect(recomputed).toMatchObject({ durationSeconds: 1560, downtimeSeconds: 960, downtimeOverSeconds: 360, meanResolutionSeconds: 300 });

    // Checks are ticked like items, after the plan finished, and say who did them.
    const first = checks![0]!;
    const done = await change("23:01", { type: "check.status", checkId: first.id, status: "DONE" });
    expect(done.message.event).toMatchObject({ type: "check.changed", check: { status: "DONE", doneAt: at("23:01").toISOString(), doneBy: "Lee Lead" } });
    expect(await refusal({ type: "check.status", checkId: checks![1]!.id, status: "SKIPPED" })).toMatchObject({ status: 400 });
    const live = (await loadLiveState(planId))!;
    expect(live.checks.map((check) => check.status)).toEqual(["DONE", "PENDING", "PENDING"]);
    expect(live.downtime).toEqual([{ id: expect.any(String), startedAt: at("22:05").toISOString(), endedAt: at("22:21").toISOString() }]);
  });

  it("records a rollback with its reason, and downtime marked by hand", async () => {
    await change("22:00", { type: "plan.lifecycle", action: "start" });
    await change("22:02", { type: "downtime", action: "start" });
    expect(await refusal({ type: "downtime", action: "start" })).toMatchObject({ status: 409, message: "Downtime is already running; end it first." });
    await tick("22:06", "Stop application", "DONE");
    await change("22:10", { type: "plan.lifecycle", action: "trigger-rollback", reason: "Error rate above 5%" });
    await change("22:20", { type: "downtime", action: "end" });
    await change("22:25", { type: "plan.lifecycle", action: "finish-rollback" });

    const stored = await db().planMetrics.findUniqueOrThrow({ where: { planId } });
    expect(stored).toMatchObject({ succeeded: false, rolledBack: true, durationSeconds: 25 * 60, downtimeSeconds: 18 * 60 });
    expect((stored.details as { rollbackReason: string }).rollbackReason).toBe("Error rate above 5%");
    // A rolled-back deployment is watched afterwards for whether the rollback holds, not by the release's schedule.
    const checks = await db().monitoringCheck.findMany({ where: { planId }, orderBy: { position: "asc" }, select: { label: true } });
    expect(checks.map((check) => check.label)).toEqual([
      "Rollback holds: the previous version serves all traffic",
      "Rollback holds: error rates and alerts are back to normal",
      "Review the day after the rollback",
    ]);
  });

  it("keeps one item per downtime flag: flagging another moves it, in the store and in the live state", async () => {
    await change("20:00", { type: "item.flag", itemId: (await item("Stop application")).id, downtimeMarker: "START" });
    await change("20:01", { type: "item.flag", itemId: (await item("Run migrations")).id, downtimeMarker: "START" });
    const flagged = await db().planItem.findMany({ where: { planId, downtimeMarker: "START" }, select: { text: true } });
    expect(flagged).toEqual([{ text: "Run migrations" }]);
    expect((await loadLiveState(planId))!.downtimeMarkers).toEqual({ [(await item("Run migrations")).id]: "START" });
  });

  it("refuses a window change after the start and an unknown time zone, and keeps the start", async () => {
    expect(await refusal({ type: "plan.window", windowStart: "2026-12-06T08:00:00Z", timeZone: "Mars/Olympus", expectedDurationMinutes: 30, expectedDowntimeMinutes: 5 })).toMatchObject({
      status: 400,
    });
    await change("21:00", { type: "plan.window", windowStart: "2026-12-06T08:00:00+01:00", timeZone: "Europe/Berlin", expectedDurationMinutes: 45, expectedDowntimeMinutes: 5 });
    await change("07:05", { type: "plan.lifecycle", action: "start" });
    expect(await refusal({ type: "plan.window", windowStart: "2026-12-06T09:00:00Z", timeZone: "Europe/Berlin", expectedDurationMinutes: 45, expectedDowntimeMinutes: 5 })).toMatchObject({
      status: 409,
    });
    const plan = await db().plan.findUniqueOrThrow({ where: { id: planId } });
    expect(plan).toMatchObject({ windowStart: new Date("2026-12-06T07:00:00Z"), windowTimeZone: "Europe/Berlin", expectedDurationMinutes: 45 });
  });
});
