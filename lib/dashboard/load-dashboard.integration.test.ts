import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { PlanRole, PlanStatus } from "@/lib/generated/prisma/enums";
import type { DashboardFilters } from "@/lib/dashboard/dashboard-filters";
import type { DashboardViewer } from "@/lib/dashboard/dashboard-scope";
import { loadDashboard } from "@/lib/dashboard/load-dashboard";
import { resetDatabase } from "@/lib/testing/reset-database";

/**
 * The dashboard against a real PostgreSQL, with plans and metrics written straight into the
 * tables so every aggregate below can be worked out by hand:
 *
 *   plan  env         finished (UTC)     status       ok  rb  duration planned downtime expected members
 *   P1    production  2026-01-10 10:00   COMPLETE     y   -   3600 s   60 min  120 s    5 min    alice
 *   P2    production  2026-01-31 23:30   ROLLED_BACK  -   y   5400 s   60 min  600 s    5 min    alice
 *   P3    staging     2026-02-01 00:30   COMPLETE     y   -   1800 s   30 min    0 s    –        bob
 *   P4    production  2026-02-15 12:00   PARTIAL      -   -   7200 s   90 min  300 s   10 min    bob   (window 2026-01-20)
 *   P5    –           2026-03-10 08:00   COMPLETE     y   -   2400 s   –        60 s    0 min    alice
 *   P6    qa          2026-03-05 09:00   ABORTED      (no metrics row)                             nobody
 */

const NOW = new Date("2026-03-20T12:00:00.000Z");
const minutesFromNow = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);

let admin: DashboardViewer;
let alice: DashboardViewer;
let bob: DashboardViewer;
let carol: DashboardViewer;
const ids: Record<string, string> = {};

async function createViewer(name: string, role: "ADMIN" | "MEMBER"): Promise<DashboardViewer> {
  return db().user.create({
    data: { name, email: `${name.toLowerCase()}@example.com`, passwordHash: "not-used", role },
    select: { id: true, role: true },
  });
}

interface PlanFixture {
  key: string;
  status: PlanStatus;
  environment?: string;
  deployLead?: string;
  windowStart?: Date;
  windowTimeZone?: string;
  startedAt?: Date;
  finishedAt?: Date;
  expectedDurationMinutes?: number;
  members?: [DashboardViewer, PlanRole][];
  metrics?: { succeeded: boolean; rolledBack: boolean; durationSeconds: number; plannedDurationMinutes: number | null; downtimeSeconds: number; expectedDowntimeMinutes: number | null };
}

async function createPlan(fixture: PlanFixture): Promise<string> {
  const plan = await db().plan.create({
    data: {
      title: `Plan ${fixture.key}`,
      status: fixture.status,
      environment: fixture.environment,
      deployLead: fixture.deployLead ?? "Grace",
      windowStart: fixture.windowStart,
      windowTimeZone: fixture.windowTimeZone,
      startedAt: fixture.startedAt,
      finishedAt: fixture.finishedAt,
      expectedDurationMinutes: fixture.expectedDurationMinutes,
      // The dashboard never reads the document; an empty one keeps the fixture short.
      document: {},
      createdById: admin.id,
      members: { create: (fixture.members ?? []).map(([viewer, role]) => ({ userId: viewer.id, role })) },
      metrics: fixture.metrics ? { create: { ...fixture.metrics, failedItems: 0, skippedItems: 0, details: {} } } : undefined,
    },
  });
  ids[fixture.key] = plan.id;
  return plan.id;
}

const finishedAt = (iso: string) => new Date(iso);
const startedBefore = (finish: Date, seconds: number) => new Date(finish.getTime() - seconds * 1000);

beforeEach(async () => {
  await resetDatabase();
  admin = await createViewer("Admin", "ADMIN");
  alice = await createViewer("Alice", "MEMBER");
  bob = await createViewer("Bob", "MEMBER");
  carol = await createViewer("Carol", "MEMBER");

  const finished: PlanFixture[] = [
    { key: "P1", status: "COMPLETE", environment: "production", deployLead: "Ada", finishedAt: finishedAt("2026-01-10T10:00:00Z"), members: [[alice, "LEAD"]],
      metrics: { succeeded: true, rolledBack: false, durationSeconds: 3600, plannedDurationMinutes: 60, downtimeSeconds: 120, expectedDowntimeMinutes: 5 } },
    { key: "P2", status: "ROLLED_BACK", environment: "production", deployLead: "Ada", finishedAt: finishedAt("2026-01-31T23:30:00Z"), members: [[alice, "EXECUTOR"]],
      metrics: { succeeded: false, rolledBack: true, durationSeconds: 5400, plannedDurationMinutes: 60, downtimeSeconds: 600, expectedDowntimeMinutes: 5 } },
    { key: "P3", status: "COMPLETE", environment: "staging", finishedAt: finishedAt("2026-02-01T00:30:00Z"), members: [[bob, "LEAD"]],
      metrics: { succeeded: true, rolledBack: false, durationSeconds: 1800, plannedDurationMinutes: 30, downtimeSeconds: 0, expectedDowntimeMinutes: null } },
    { key: "P4", status: "PARTIAL", environment: "production", windowStart: new Date("2026-01-20T09:00:00Z"), finishedAt: finishedAt("2026-02-15T12:00:00Z"), members: [[bob, "LEAD"]],
      metrics: { succeeded: false, rolledBack: false, durationSeconds: 7200, plannedDurationMinutes: 90, downtimeSeconds: 300, expectedDowntimeMinutes: 10 } },
    { key: "P5", status: "COMPLETE", finishedAt: finishedAt("2026-03-10T08:00:00Z"), members: [[alice, "VIEWER"]],
      metrics: { succeeded: true, rolledBack: false, durationSeconds: 2400, plannedDurationMinutes: null, downtimeSeconds: 60, expectedDowntimeMinutes: 0 } },
    { key: "P6", status: "ABORTED", environment: "qa", finishedAt: finishedAt("2026-03-05T09:00:00Z"), expectedDurationMinutes: 45 },
  ];
  for (const fixture of finished) {
    await createPlan({ ...fixture, startedAt: startedBefore(fixture.finishedAt!, fixture.metrics?.durationSeconds ?? 1800) });
  }

  await createPlan({ key: "R1", status: "IN_PROGRESS", environment: "production", deployLead: "Ada", startedAt: minutesFromNow(-30), members: [[alice, "LEAD"]] });
  await createPlan({ key: "R2", status: "ROLLING_BACK", environment: "staging", startedAt: minutesFromNow(-120), members: [[bob, "LEAD"]] });

  await createPlan({ key: "U1", status: "SCHEDULED", environment: "production", windowStart: minutesFromNow(180), windowTimeZone: "Europe/Berlin", members: [[alice, "LEAD"]] });
  await createPlan({ key: "U2", status: "SCHEDULED", environment: "production", windowStart: minutesFromNow(60), members: [[alice, "LEAD"]] });
  await createPlan({ key: "U3", status: "DRAFT", environment: "production", members: [[alice, "LEAD"]] });
  await createPlan({ key: "U4", status: "SCHEDULED", environment: "production", windowStart: minutesFromNow(-120), members: [[alice, "LEAD"]] });
  await createPlan({ key: "U5", status: "DRAFT", environment: "production", windowStart: minutesFromNow(-3 * 24 * 60), members: [[alice, "LEAD"]] });
  await createPlan({ key: "U6", status: "SCHEDULED", environment: "qa", windowStart: minutesFromNow(30), members: [[bob, "LEAD"]] });

  await db().monitoringCheck.createMany({
    data: [
      { planId: ids.P5!, position: 0, label: "C1 error rate", offsetMinutes: 60, dueAt: minutesFromNow(-60) },
      { planId: ids.P5!, position: 1, label: "C2 latency", offsetMinutes: 240, dueAt: minutesFromNow(120) },
      { planId: ids.P5!, position: 2, label: "C3 done already", offsetMinutes: 90, dueAt: minutesFromNow(-30), status: "DONE" },
      { planId: ids.P5!, position: 3, label: "C4 next week", offsetMinutes: 9000, dueAt: minutesFromNow(30 * 60) },
      { planId: ids.P3!, position: 0, label: "C5 bob's check", offsetMinutes: 60, dueAt: minutesFromNow(60) },
    ],
  });
});

const load = (viewer: DashboardViewer, filters: DashboardFilters = {}) => loadDashboard(viewer, filters, { now: NOW });
const titles = (plans: { title: string }[]) => plans.map((plan) => plan.title.replace("Plan ", ""));

describe("finished-plan metrics", () => {
  it("aggregates success, rollbacks and medians over every finished plan for an admin", async () => {
    const { metrics } = await load(admin);
    expect(metrics.overall).toEqual({
      finished: 5,
      succeeded: 3,
      rolledBack: 1,
      successRate: 0.6,
      rollbackRate: 0.2,
      medianDurationSeconds: 3600,
      medianPlannedDurationMinutes: 60,
      medianDowntimeSeconds: 120,
      medianExpectedDowntimeMinutes: 5,
    });
  });

  it("leaves out a plan aborted before it started: it was never a deployment", async () => {
    await createPlan({
      key: "A1",
      status: "ABORTED",
      environment: "production",
      finishedAt: finishedAt("2026-01-12T10:00:00Z"),
      metrics: { succeeded: false, rolledBack: false, durationSeconds: 0, plannedDurationMinutes: 60, downtimeSeconds: 0, expectedDowntimeMinutes: 5 },
    });
    const { metrics } = await load(admin);
    expect(metrics.overall).toMatchObject({ finished: 5, succeeded: 3, successRate: 0.6 });
  });

  it("breaks them down by environment, busiest first and unnamed last", async () => {
    const { metrics } = await load(admin);
    expect(metrics.byEnvironment).toEqual([
      { environment: "production", finished: 3, succeeded: 1, rolledBack: 1, successRate: 1 / 3, rollbackRate: 1 / 3,
        medianDurationSeconds: 5400, medianPlannedDurationMinutes: 60, medianDowntimeSeconds: 300, medianExpectedDowntimeMinutes: 5 },
      { environment: "staging", finished: 1, succeeded: 1, rolledBack: 0, successRate: 1, rollbackRate: 0,
        medianDurationSeconds: 1800, medianPlannedDurationMinutes: 30, medianDowntimeSeconds: 0, medianExpectedDowntimeMinutes: null },
      { environment: null, finished: 1, succeeded: 1, rolledBack: 0, successRate: 1, rollbackRate: 0,
        medianDurationSeconds: 2400, medianPlannedDurationMinutes: null, medianDowntimeSeconds: 60, medianExpectedDowntimeMinutes: 0 },
    ]);
  });

  it("breaks them down by UTC month of the finish (23:30 on 31 January is January)", async () => {
    const { metrics } = await load(admin);
    expect(metrics.byMonth).toEqual([
      { month: "2026-01", finished: 2, succeeded: 1, rolledBack: 1, successRate: 0.5, rollbackRate: 0.5,
        medianDurationSeconds: 4500, medianPlannedDurationMinutes: 60, medianDowntimeSeconds: 360, medianExpectedDowntimeMinutes: 5 },
      { month: "2026-02", finished: 2, succeeded: 1, rolledBack: 0, successRate: 0.5, rollbackRate: 0,
        medianDurationSeconds: 4500, medianPlannedDurationMinutes: 60, medianDowntimeSeconds: 150, medianExpectedDowntimeMinutes: 10 },
      { month: "2026-03", finished: 1, succeeded: 1, rolledBack: 0, successRate: 1, rollbackRate: 0,
        medianDurationSeconds: 2400, medianPlannedDurationMinutes: null, medianDowntimeSeconds: 60, medianExpectedDowntimeMinutes: 0 },
    ]);
  });

  it("counts only a member's own plans", async () => {
    const { metrics } = await load(alice);
    expect(metrics.overall).toMatchObject({ finished: 3, succeeded: 2, rolledBack: 1, medianDurationSeconds: 3600, medianDowntimeSeconds: 120 });
    expect(metrics.byEnvironment.map((group) => [group.environment, group.finished])).toEqual([["production", 2], [null, 1]]);
    expect(metrics.byMonth.map((group) => [group.month, group.finished])).toEqual([["2026-01", 2], ["2026-03", 1]]);
  });

  it("has empty figures for a member of no plan", async () => {
    const { metrics } = await load(carol);
    expect(metrics.overall).toMatchObject({ finished: 0, successRate: null, rollbackRate: null, medianDurationSeconds: null });
    expect(metrics.byEnvironment).toEqual([]);
    expect(metrics.byMonth).toEqual([]);
  });
});

describe("filters", () => {
  it("narrow the aggregates by environment, status and lead", async () => {
    expect((await load(admin, { environment: "production" })).metrics.overall).toMatchObject({ finished: 3, succeeded: 1, medianDurationSeconds: 5400 });
    expect((await load(admin, { status: "COMPLETE" })).metrics.overall).toMatchObject({ finished: 3, successRate: 1, rollbackRate: 0 });
    expect((await load(admin, { lead: "Ada" })).metrics.overall).toMatchObject({ finished: 2, medianDurationSeconds: 4500 });
  });

  it("match the date range on the finish or the window start, whole UTC days included", async () => {
    const february = await load(admin, { from: "2026-02-01", to: "2026-02-28" });
    expect(titles(february.recentlyFinished)).toEqual(["P4", "P3"]);
    expect(february.metrics.overall.finished).toBe(2);
    // P4 finished in February but its window opened on 20 January.
    const january = await load(admin, { to: "2026-01-31" });
    expect(titles(january.recentlyFinished)).toEqual(["P4", "P2", "P1"]);
    expect(january.metrics.byMonth.map((group) => [group.month, group.finished])).toEqual([["2026-01", 2], ["2026-02", 1]]);
  });

  it("apply to every section", async () => {
    const staging = await load(admin, { environment: "staging" });
    expect(titles(staging.running)).toEqual(["R2"]);
    expect(staging.upcoming).toEqual([]);
    expect(titles(staging.recentlyFinished)).toEqual(["P3"]);
    expect(staging.dueChecks.checks.map((check) => check.label)).toEqual(["C5 bob's check"]);
    expect(staging.metrics.byEnvironment.map((group) => group.environment)).toEqual(["staging"]);

    const rollingBack = await load(admin, { status: "ROLLING_BACK" });
    expect(titles(rollingBack.running)).toEqual(["R2"]);
    expect(rollingBack.recentlyFinished).toEqual([]);
    expect(rollingBack.metrics.overall.finished).toBe(0);
  });

  it("offer the environments and leads of the plans the viewer may see, whatever is filtered", async () => {
    expect((await load(admin, { environment: "qa" })).options).toEqual({ environments: ["production", "qa", "staging"], leads: ["Ada", "Grace"] });
    expect((await load(alice)).options).toEqual({ environments: ["production"], leads: ["Ada", "Grace"] });
    expect((await load(carol)).options).toEqual({ environments: [], leads: [] });
  });
});

describe("sections", () => {
  it("running now: plans under way or rolling back, longest running first, only the member's own", async () => {
    const forAdmin = await load(admin);
    expect(forAdmin.running.map((plan) => [plan.title, plan.status])).toEqual([["Plan R2", "ROLLING_BACK"], ["Plan R1", "IN_PROGRESS"]]);
    expect(forAdmin.running[1]).toMatchObject({ environment: "production", deployLead: "Ada", startedAt: minutesFromNow(-30).toISOString() });
    expect(titles((await load(alice)).running)).toEqual(["R1"]);
    expect((await load(carol)).running).toEqual([]);
  });

  it("upcoming windows: soonest first, a window missed today included, stale drafts left out, then plans without a window", async () => {
    expect(titles((await load(admin)).upcoming)).toEqual(["U4", "U6", "U2", "U1", "U3"]);
    const forAlice = await load(alice);
    expect(titles(forAlice.upcoming)).toEqual(["U4", "U2", "U1", "U3"]);
    expect(forAlice.upcoming[2]).toMatchObject({ windowStart: minutesFromNow(180).toISOString(), windowTimeZone: "Europe/Berlin", status: "SCHEDULED" });
    expect(forAlice.upcoming[3]).toMatchObject({ windowStart: null, status: "DRAFT" });
  });

  it("recently finished: newest first, with metrics, falling back to the plan's own times when it has none", async () => {
    const { recentlyFinished } = await load(admin);
    expect(titles(recentlyFinished)).toEqual(["P5", "P6", "P4", "P3", "P2", "P1"]);
    expect(recentlyFinished.find((plan) => plan.title === "Plan P2")).toMatchObject({
      finishedAt: "2026-01-31T23:30:00.000Z",
      durationSeconds: 5400,
      plannedDurationMinutes: 60,
      downtimeSeconds: 600,
      expectedDowntimeMinutes: 5,
      rolledBack: true,
    });
    expect(recentlyFinished.find((plan) => plan.title === "Plan P6")).toMatchObject({
      status: "ABORTED",
      durationSeconds: 1800,
      plannedDurationMinutes: 45,
      downtimeSeconds: null,
      rolledBack: false,
    });
    expect(titles((await load(bob)).recentlyFinished)).toEqual(["P4", "P3"]);
  });

  it("keeps the latest twenty finished plans", async () => {
    await db().plan.createMany({
      data: Array.from({ length: 25 }, (_, index) => ({
        title: `Bulk ${index}`,
        status: "COMPLETE" as const,
        finishedAt: minutesFromNow(-index - 1),
        document: {},
        createdById: admin.id,
      })),
    });
    const { recentlyFinished } = await load(admin);
    expect(recentlyFinished).toHaveLength(20);
    expect(recentlyFinished[0]!.title).toBe("Bulk 0");
    expect(recentlyFinished.at(-1)!.title).toBe("Bulk 19");
  });

  it("monitoring checks due: pending ones overdue or due within a day on visible plans, overdue marked", async () => {
    const forAdmin = await load(admin);
    expect(forAdmin.dueChecks.checks.map((check) => [check.label, check.overdue])).toEqual([
      ["C1 error rate", true],
      ["C5 bob's check", false],
      ["C2 latency", false],
    ]);
    expect(forAdmin.dueChecks.total).toBe(3);
    expect(forAdmin.dueChecks.checks[0]).toMatchObject({ dueAt: minutesFromNow(-60).toISOString(), plan: { id: ids.P5, title: "Plan P5", environment: null } });

    const forAlice = await load(alice);
    expect(forAlice.dueChecks.checks.map((check) => check.label)).toEqual(["C1 error rate", "C2 latency"]);
    expect((await load(carol)).dueChecks).toEqual({ checks: [], total: 0 });
  });

  it("returns plain data that survives JSON unchanged", async () => {
    const data = await load(admin);
    expect(JSON.parse(JSON.stringify(data))).toEqual(data);
    expect(data.generatedAt).toBe(NOW.toISOString());
  });
});
