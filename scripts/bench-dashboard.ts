/**
 * `npm run bench:dashboard`: how long the dashboard takes with 2 000 finished plans in the
 * database. A benchmark, not a test: it prints figures and asserts nothing.
 *
 *   1. creates a scratch database (on DATABASE_URL's server if set, which must be local, else the
 *      embedded PostgreSQL of the test suite), applies the migrations;
 *   2. bulk-inserts, in a handful of multi-row INSERTs, 2 000 finished plans with PlanMetrics over
 *      the last 12 months (six environments, some rollbacks, three members each), plus plans
 *      running now, upcoming windows and monitoring checks;
 *   3. (a) times loadDashboard() in this process for an admin, for a member and for an admin with
 *      filters: 3 warm-up runs, then 20 measured;
 *   4. (b) when a production build exists (.next/BUILD_ID), starts the real server (server.ts) on the
 *      scratch database and times GET /dashboard with a signed-in session cookie, same counts;
 *   5. drops the scratch database.
 *
 *   DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres npm run bench:dashboard
 *
 * Options: --runs N [20], --warmup N [3], --plans N [2000].
 */
import { existsSync } from "node:fs";
import pg from "pg";
import type { DashboardFilters } from "@/lib/dashboard/dashboard-filters";
import type { DashboardViewer } from "@/lib/dashboard/dashboard-scope";
import { startAppProcess, type AppProcess } from "@/lib/testing/app-process";
import { sessionCookie } from "@/lib/testing/live-harness";
import { createTestDatabase, startTestDatabaseServer } from "@/lib/testing/test-database";

const argv = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const index = argv.indexOf(`--${name}`);
  return index >= 0 && argv[index + 1] ? Number(argv[index + 1]) : fallback;
};
const RUNS = option("runs", 20);
const WARMUP = option("warmup", 3);
const FINISHED_PLANS = option("plans", 2000);

// ---------------------------------------------------------------------------------------------
// Data: deterministic (seeded), so two runs measure the same database.

function seededRandom(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = seededRandom(20261202);
const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)]!;
const between = (low: number, high: number) => low + random() * (high - low);

const ENVIRONMENTS = ["production", "production", "production", "staging", "staging", "qa", "eu-production", "us-production", "sandbox"] as const;
const LEADS = ["Ada Lovelace", "Grace Hopper", "Linus Torvalds", "Margaret Hamilton", "Ken Thompson", "Barbara Liskov", "Dennis Ritchie", "Frances Allen"] as const;
const TIME_ZONES = ["UTC", "Europe/Berlin", "Europe/London", "America/New_York", "Asia/Tokyo"] as const;
const PLANNED_MINUTES = [30, 45, 60, 90, 120] as const;
const EXPECTED_DOWNTIME = [0, 5, 10, 15, null] as const;
const MEMBER_COUNT = 30;
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** Timestamps go in as UTC wall-clock text: the columns are `timestamp without time zone` holding UTC. */
const utc = (date: Date | null) => (date ? date.toISOString().slice(0, 23) : null);

interface PlanRow {
  id: string;
  title: string;
  environment: string;
  version: string;
  deployLead: string;
  windowStart: Date | null;
  windowTimeZone: string;
  expectedDurationMinutes: number;
  expectedDowntimeMinutes: number | null;
  status: string;
  startedAt: Date | null;
  finishedAt: Date | null;
}

async function seed(databaseUrl: string, now: Date) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const adminId = "bench-admin";
    const memberIds = Array.from({ length: MEMBER_COUNT }, (_, index) => `bench-member-${index + 1}`);
    const userIds = [adminId, ...memberIds];
    await client.query(
      `INSERT INTO "User" (id, email, name, "passwordHash", role, "updatedAt")
       SELECT id, id || '@bench.example', name, 'not-a-hash', role::"UserRole", now() FROM unnest($1::text[], $2::text[], $3::text[]) AS u(id, name, role)`,
      [userIds, userIds.map((id) => id.replace("bench-", "Bench ")), userIds.map((id) => (id === adminId ? "ADMIN" : "MEMBER"))],
    );

    const plans: PlanRow[] = [];
    const metrics: unknown[][] = [[], [], [], [], [], [], [], [], []];
    for (let index = 0; index < FINISHED_PLANS; index += 1) {
      const plannedMinutes = pick(PLANNED_MINUTES);
      const expectedDowntime = pick(EXPECTED_DOWNTIME);
      const finishedAt = new Date(now.getTime() - between(0.1, 365) * DAY);
      const durationSeconds = Math.round(plannedMinutes * 60 * between(0.7, 1.6));
      const startedAt = new Date(finishedAt.getTime() - durationSeconds * 1000);
      const roll = random();
      const status = roll < 0.8 ? "COMPLETE" : roll < 0.86 ? "PARTIAL" : roll < 0.96 ? "ROLLED_BACK" : "ABORTED";
      const id = `bench-finished-${index}`;
      plans.push({
        id,
        title: `Release ${2000 + index}`,
        environment: pick(ENVIRONMENTS),
        version: `v${1 + Math.floor(index / 100)}.${index % 100}.0`,
        deployLead: pick(LEADS),
        windowStart: new Date(startedAt.getTime() - between(0, 20) * MINUTE),
        windowTimeZone: pick(TIME_ZONES),
        expectedDurationMinutes: plannedMinutes,
        expectedDowntimeMinutes: expectedDowntime,
        status,
        startedAt,
        finishedAt,
      });
      const failedItems = status === "COMPLETE" ? 0 : Math.floor(between(1, 6));
      const row = [
        id,
        status === "COMPLETE",
        status === "ROLLED_BACK",
        durationSeconds,
        plannedMinutes,
        Math.round((expectedDowntime ?? 5) * 60 * between(0, 1.8)),
        expectedDowntime,
        failedItems,
        Math.floor(between(0, 4)),
      ];
      row.forEach((value, column) => metrics[column]!.push(value));
    }
    const live = (status: string, index: number, windowStart: Date | null, startedAt: Date | null): PlanRow => ({
      id: `bench-${status.toLowerCase()}-${index}`,
      title: `${status === "DRAFT" ? "Draft" : "Release"} ${9000 + plans.length}`,
      environment: pick(ENVIRONMENTS),
      version: `v9.${index}.0`,
      deployLead: pick(LEADS),
      windowStart,
      windowTimeZone: pick(TIME_ZONES),
      expectedDurationMinutes: pick(PLANNED_MINUTES),
      expectedDowntimeMinutes: pick(EXPECTED_DOWNTIME),
      status,
      startedAt,
      finishedAt: null,
    });
    for (let index = 0; index < 3; index += 1) plans.push(live("IN_PROGRESS", index, null, new Date(now.getTime() - between(5, 90) * MINUTE)));
    plans.push(live("ROLLING_BACK", 0, null, new Date(now.getTime() - 40 * MINUTE)));
    for (let index = 0; index < 12; index += 1) plans.push(live("SCHEDULED", index, new Date(now.getTime() + between(0.05, 14) * DAY), null));
    for (let index = 0; index < 4; index += 1) plans.push(live("DRAFT", index, null, null));

    await client.query(
      `INSERT INTO "Plan" (id, title, environment, version, "deployLead", "windowStart", "windowTimeZone", "expectedDurationMinutes",
                           "expectedDowntimeMinutes", status, "startedAt", "finishedAt", document, "createdById", "updatedAt")
       SELECT id, title, environment, version, lead, window_start, zone, duration, downtime, status::"PlanStatus", started, finished,
              '{}'::jsonb, $13, COALESCE(finished, now() AT TIME ZONE 'UTC')
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::timestamp[], $7::text[], $8::int[], $9::int[],
                     $10::text[], $11::timestamp[], $12::timestamp[])
           AS p(id, title, environment, version, lead, window_start, zone, duration, downtime, status, started, finished)`,
      [
        plans.map((plan) => plan.id),
        plans.map((plan) => plan.title),
        plans.map((plan) => plan.environment),
        plans.map((plan) => plan.version),
        plans.map((plan) => plan.deployLead),
        plans.map((plan) => utc(plan.windowStart)),
        plans.map((plan) => plan.windowTimeZone),
        plans.map((plan) => plan.expectedDurationMinutes),
        plans.map((plan) => plan.expectedDowntimeMinutes),
        plans.map((plan) => plan.status),
        plans.map((plan) => utc(plan.startedAt)),
        plans.map((plan) => utc(plan.finishedAt)),
        adminId,
      ],
    );
    // The documents stay empty ('{}'): the dashboard reads only the plans' columns and metrics.
    await client.query(
      `INSERT INTO "PlanMetrics" ("planId", succeeded, "rolledBack", "durationSeconds", "plannedDurationMinutes", "downtimeSeconds",
                                  "expectedDowntimeMinutes", "failedItems", "skippedItems", details)
       SELECT *, '{}'::jsonb FROM unnest($1::text[], $2::bool[], $3::bool[], $4::int[], $5::int[], $6::int[], $7::int[], $8::int[], $9::int[])`,
      metrics,
    );

    // Three members per plan; member 1 (the one measured) leads a quarter of all plans, as a busy lead would.
    const members: [string, string, string, string][] = [];
    for (const plan of plans) {
      const chosen = new Set<string>();
      if (random() < 0.25) chosen.add(memberIds[0]!);
      while (chosen.size < 3) chosen.add(pick(memberIds));
      [...chosen].forEach((userId, position) => members.push([`${plan.id}-m${position}`, plan.id, userId, ["LEAD", "EXECUTOR", "VIEWER"][position]!]));
    }
    await client.query(
      `INSERT INTO "PlanMember" (id, "planId", "userId", role) SELECT id, plan, member, role::"PlanRole" FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS m(id, plan, member, role)`,
      [members.map((row) => row[0]), members.map((row) => row[1]), members.map((row) => row[2]), members.map((row) => row[3])],
    );

    // Monitoring checks at T+1 h, 4 h, 24 h and 72 h after each of the 80 latest finishes: the past ones mostly done, a few overdue.
    const latest = plans.filter((plan) => plan.finishedAt).sort((a, b) => b.finishedAt!.getTime() - a.finishedAt!.getTime()).slice(0, 80);
    const checks: [string, string, number, string, number, string, string][] = [];
    for (const plan of latest) {
      [60, 240, 1440, 4320].forEach((offset, position) => {
        const dueAt = new Date(plan.finishedAt!.getTime() + offset * MINUTE);
        const status = dueAt < now && random() < 0.9 ? "DONE" : "PENDING";
        checks.push([`${plan.id}-c${position}`, plan.id, position, `T+${offset / 60}h health check`, offset, utc(dueAt)!, status]);
      });
    }
    await client.query(
      `INSERT INTO "MonitoringCheck" (id, "planId", position, label, "offsetMinutes", "dueAt", status)
       SELECT id, plan, position, label, "offset", due, status::"CheckStatus"
         FROM unnest($1::text[], $2::text[], $3::int[], $4::text[], $5::int[], $6::timestamp[], $7::text[]) AS c(id, plan, position, label, "offset", due, status)`,
      [0, 1, 2, 3, 4, 5, 6].map((column) => checks.map((row) => row[column])),
    );
    await client.query("ANALYZE");
    const memberPlans = members.filter((row) => row[2] === memberIds[0]).length;
    return {
      admin: { id: adminId, name: "Bench admin", role: "ADMIN" as const },
      member: { id: memberIds[0]!, name: "Bench member 1", role: "MEMBER" as const },
      counts: { plans: plans.length, finished: FINISHED_PLANS, members: members.length, checks: checks.length, memberPlans },
    };
  } finally {
    await client.end();
  }
}

// ---------------------------------------------------------------------------------------------
// Measuring

interface Figures {
  min: number;
  median: number;
  p95: number;
}

async function measure(run: () => Promise<unknown>): Promise<Figures> {
  for (let index = 0; index < WARMUP; index += 1) await run();
  const times: number[] = [];
  for (let index = 0; index < RUNS; index += 1) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const at = (share: number) => times[Math.min(times.length - 1, Math.ceil(share * times.length) - 1)]!;
  return { min: times[0]!, median: at(0.5), p95: at(0.95) };
}

const show = (figures: Figures) => `min ${figures.min.toFixed(1)} ms, median ${figures.median.toFixed(1)} ms, p95 ${figures.p95.toFixed(1)} ms`;

async function renderOverHttp(app: AppProcess, viewer: { id: string; name: string }, path: string): Promise<{ figures: Figures; bytes: number } | string> {
  const cookie = await sessionCookie(viewer.id, viewer.name);
  const get = async () => {
    const response = await fetch(`${app.url}${path}`, { headers: { cookie }, redirect: "manual" });
    const body = await response.text();
    return { status: response.status, body };
  };
  const first = await get();
  if (first.status !== 200) return `GET ${path} answered HTTP ${first.status}${first.status === 404 ? " (the build predates the dashboard: run `npm run build`)" : ""}`;
  if (!first.body.includes("Running now")) return `GET ${path} answered 200 without the dashboard in it`;
  const figures = await measure(get);
  return { figures, bytes: Buffer.byteLength(first.body) };
}

// ---------------------------------------------------------------------------------------------

// Dropping the scratch database ends the pool's idle connections, which lib/db reports as a
// warning per connection; in this script that is expected, so only errors are logged.
process.env.LOG_LEVEL ??= "error";
const log = (line: string) => console.log(`[bench-dashboard] ${line}`);
const server = await startTestDatabaseServer(process.env.DATABASE_URL, log);
const database = await createTestDatabase(server.serverUrl, { prefix: "preflight_bench_dashboard", migrate: true });
let app: AppProcess | undefined;
let cleaningUp: Promise<void> | undefined;
const cleanUp = () =>
  (cleaningUp ??= (async () => {
    await app?.stop();
    const { disconnectDatabase } = await import("@/lib/db");
    await disconnectDatabase();
    await database.drop().then(
      () => log(`dropped ${database.name}`),
      (error: unknown) => log(`could not drop ${database.name}: ${String(error)}`),
    );
    await server.stop();
  })());
process.once("SIGINT", () => void cleanUp().finally(() => process.exit(130)));

try {
  log(`scratch database ${database.name}`);
  const now = new Date();
  const seedStarted = performance.now();
  const { admin, member, counts } = await seed(database.url, now);
  console.log(
    `data: ${counts.plans} plans (${counts.finished} finished with metrics over 12 months), ${counts.members} memberships, ${counts.checks} monitoring checks; ` +
      `the member sees ${counts.memberPlans} plans; seeded in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s`,
  );

  // lib/db reads DATABASE_URL on first use, so point it at the scratch database before loading it.
  process.env.DATABASE_URL = database.url;
  const { loadDashboard } = await import("@/lib/dashboard/load-dashboard");
  const lastQuarter = new Date(now.getTime() - 90 * DAY).toISOString().slice(0, 10);
  const cases: [string, DashboardViewer, DashboardFilters][] = [
    ["admin, no filters", admin, {}],
    ["member, no filters", member, {}],
    [`admin, production since ${lastQuarter}`, admin, { environment: "production", from: lastQuarter }],
  ];
  console.log(`\n(a) loadDashboard() in this process, ${WARMUP} warm-up + ${RUNS} measured runs each`);
  for (const [label, viewer, filters] of cases) {
    const sample = await loadDashboard(viewer, filters);
    const figures = await measure(() => loadDashboard(viewer, filters));
    console.log(
      `  ${label.padEnd(40)} ${show(figures)}   (${sample.metrics.overall.finished} finished in the aggregates, ${sample.running.length} running, ` +
        `${sample.upcoming.length} upcoming, ${sample.dueChecks.total} checks due)`,
    );
  }

  console.log(`\n(b) GET /dashboard through the real server (server.ts, production build), ${WARMUP} warm-up + ${RUNS} measured requests each`);
  if (!existsSync(".next/BUILD_ID")) {
    console.log("  skipped: no production build (.next/BUILD_ID is missing); run `npm run build` first, then this script again");
  } else {
    app = await startAppProcess(database.url);
    for (const [label, viewer] of [["admin", admin], ["member", member]] as const) {
      const result = await renderOverHttp(app, viewer, "/dashboard");
      if (typeof result === "string") {
        console.log(`  ${label.padEnd(8)} skipped: ${result}`);
        continue;
      }
      console.log(`  ${label.padEnd(8)} ${show(result.figures)}   (HTML ${(result.bytes / 1024).toFixed(1)} KiB; time to the last byte over loopback)`);
    }
  }
} finally {
  await cleanUp();
}
