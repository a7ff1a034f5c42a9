/**
 * `npm run bench:live`: how fast a tick reaches everyone watching a plan, through the real app.
 * A benchmark, not a test: it prints figures and asserts nothing.
 *
 * For each watcher count N (and each process count P) it:
 *   1. creates plans in a fresh throwaway database (dropped at the end): one plan for the latency
 *      phase, 50 for the throughput phase; the ticking user leads them, the watcher accounts view them;
 *   2. starts P app processes (server.ts, production build, socket.io + @socket.io/postgres-adapter);
 *   3. throughput: 50 ticking clients (one per plan, on process A) tick back-to-back for ~10 s with a
 *      few watchers per plan, and counts ticks/s;
 *   4. latency: connects N watcher sockets (over K child processes, split across the P processes),
 *      each joined with `plan:join`, then sends warm-up and measured ticks through the real write path
 *      (`plan:change` with ack from a LEAD on process A: zod, permission, transaction + event log,
 *      broadcast), isolated like floor-bench: send one, wait until every watcher has it, pause, next.
 * Latency = receive time at the LAST watcher − t0 (taken just before the change is emitted), on
 * process.hrtime (CLOCK_MONOTONIC, shared by all processes), as in /work/shared/floor-bench.
 *
 *   DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres npm run bench:live -- --watchers 100,1000 --processes 1,2
 *
 * Flags (defaults in brackets): --watchers 100[,1000,5000] [100]; --processes 1[,2] [1];
 * --workers 1[,2,default] [1]: WEB_CONCURRENCY of each app process (the cluster's workers; unset for
 * "default", which leaves it unset: the server's default of one process);
 * --ticks [200]; --warmup [50]; --gap ms [20]; --k watcher processes [4]; --watcher-users [10];
 * --plans (throughput) [50]; --throughput-seconds [10]; --throughput-watchers per plan [4];
 * --no-throughput; --server real|test [real] (test = lib/testing/socket-test-server.ts, no Next);
 * --server-node-args "--cpu-prof --cpu-prof-dir=/tmp/prof"; --phases (time the write path's steps
 * in this process first, the one-statement tick against the full path, and the bytes of a tick
 * event before and after deltas; --only-phases: only that); --max-minutes [40] (hard stop); --quiet-below % [off] with --quiet-wait s [120]:
 * before each run, wait until the machine's other load is below that share of both cores.
 * Builds first when the production build is missing or stale (scripts/bench-build.ts says when).
 * The last line printed is one JSON object for the last run. Watchers retry a refused handshake or
 * a failed join as a browser tab would (counted, "retried"). "other work" in the table is the share
 * of the machine used by processes that are not this benchmark's, before and during the run: on a
 * shared machine it says how much to trust a row. Everything started here is stopped on exit (app
 * processes also stop themselves if this script is killed); the database is dropped unless it is
 * killed with SIGKILL (then drop the leftover preflight_bench_* database by hand).
 */
import { spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { encode } from "next-auth/jwt";
import { io as connect, type Socket } from "socket.io-client";
import { createTestDatabase, startTestDatabaseServer, type TestDatabase, type TestDatabaseServer } from "@/lib/testing/test-database";
import type { WatcherGroup } from "./bench-live-watchers";
import { freePort } from "@/lib/testing/free-port";
import { ensureProductionBuild } from "./bench-build";
import { now, sleep, summarize, tickLatencies, type Send, type Summary } from "./bench-figures";
import { appEnv, benchProcesses, ORPHAN_GUARD, stopChild } from "./bench-processes";
import { settle, startWatcherSet, waitForReceived, type WatcherSet } from "./bench-watcher-control";

// ---------------------------------------------------------------------------------------------
// Settings

const argv = process.argv.slice(2);
/** `--name value` or `--name=value`; a value may start with "--" only in the second form or for node args. */
function flag(name: string, raw = false): string | undefined {
  const inline = argv.find((arg) => arg.startsWith(`--${name}=`));
  if (inline) return inline.slice(name.length + 3);
  const index = argv.indexOf(`--${name}`);
  if (index < 0) return undefined;
  const value = argv[index + 1];
  return value === undefined || (!raw && value.startsWith("--")) ? "" : value;
}
const has = (name: string) => argv.includes(`--${name}`);
const numbers = (value: string) => value.split(",").filter(Boolean).map(Number);
const num = (name: string, fallback: number) => Number(flag(name) || fallback);

const WATCHERS = numbers(flag("watchers") || "100");
const PROCESSES = numbers(flag("processes") || "1");
/** WEB_CONCURRENCY per app process: a number, or "default" (left unset: the server's default). */
const WORKERS = (flag("workers") || "1").split(",").filter(Boolean);
const TICKS = num("ticks", 200);
const WARMUP = num("warmup", 50);
const GAP_MS = num("gap", 20);
const K = num("k", 4);
const WATCHER_USERS = num("watcher-users", 10);
const PLANS = num("plans", 50);
const THROUGHPUT_SECONDS = num("throughput-seconds", 10);
const THROUGHPUT_WATCHERS = num("throughput-watchers", 4);
const THROUGHPUT = !has("no-throughput") && PLANS > 0;
const SERVER: "real" | "test" = flag("server") === "test" ? "test" : "real";
const SERVER_NODE_ARGS = (flag("server-node-args", true) ?? process.env.BENCH_SERVER_NODE_ARGS ?? "").split(" ").filter(Boolean);
const ONLY_PHASES = has("only-phases");
const PHASES = has("phases") || ONLY_PHASES;
const MAX_MINUTES = num("max-minutes", 40);
/** On a shared machine: before each run, wait (up to --quiet-wait s) until other load is below this %. */
const QUIET_BELOW = num("quiet-below", 0);
const QUIET_WAIT_S = num("quiet-wait", 120);
const ITEMS = 20;
const CONNECT_BATCH = 100;

if (
  WATCHERS.some((n) => !Number.isInteger(n) || n < 1) ||
  PROCESSES.some((p) => !Number.isInteger(p) || p < 1 || p > 8) ||
  WORKERS.some((w) => w !== "default" && !(Number.isInteger(Number(w)) && Number(w) >= 1))
) {
  console.error("usage: npm run bench:live -- [--watchers 100,1000,5000] [--processes 1,2] [--workers 1,default] (see the header of scripts/bench-live.ts)");
  process.exit(2);
}

const ROOT = process.cwd();
const AUTH_SECRET = "bench-live-secret-0123456789abcdef0123456789";
const WATCHER_SCRIPT = path.join(path.dirname(fileURLToPath(import.meta.url)), "bench-live-watchers.ts");
const log = (line: string) => console.log(`[bench:live] ${line}`);

// ---------------------------------------------------------------------------------------------
// CPU counters (the clock and the statistics are scripts/bench-figures.ts's)

/** /proc/stat: [busy, total, steal] jiffies of the whole machine. */
function machineCpu(): [number, number, number] {
  const fields = readFileSync("/proc/stat", "utf8").split("\n")[0]!.trim().split(/\s+/).slice(1).map(Number);
  const total = fields.reduce((sum, value) => sum + value, 0);
  return [total - fields[3]! - fields[4]!, total, fields[7] ?? 0];
}
const busyPct = (a: [number, number, number], b: [number, number, number]) => (100 * (b[0] - a[0])) / Math.max(1, b[1] - a[1]);
const stealPct = (a: [number, number, number], b: [number, number, number]) => (100 * (b[2] - a[2])) / Math.max(1, b[1] - a[1]);

/** CPU ms (user + system) of a process, from /proc/<pid>/stat (clock ticks of 10 ms). */
function processCpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return 0;
  }
}

/** CPU ms per PostgreSQL process on the machine (backends, WAL writer, …). */
function postgresCpuMs(): Map<number, number> {
  const byPid = new Map<number, number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, "utf8").trim() === "postgres") byPid.set(Number(entry), processCpuMs(Number(entry)));
    } catch {
      // the process ended meanwhile
    }
  }
  return byPid;
}

/** PostgreSQL CPU between two samples (processes that ended in between are not counted). */
function postgresDeltaMs(before: Map<number, number>, after: Map<number, number>): number {
  let total = 0;
  for (const [pid, ms] of after) total += ms - (before.get(pid) ?? 0);
  return total;
}

async function backgroundBusy(ms = 1000): Promise<number> {
  const before = machineCpu();
  await sleep(ms);
  return busyPct(before, machineCpu());
}


// ---------------------------------------------------------------------------------------------
// Everything started here, so that every exit path stops it.

let database: TestDatabase | undefined;
let databaseServer: TestDatabaseServer | undefined;
const { track, finish } = benchProcesses("bench:live", MAX_MINUTES, () => ({ database, databaseServer }));

// ---------------------------------------------------------------------------------------------
// App processes

interface AppProcess {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

async function startApp(databaseUrl: string, workers: string): Promise<AppProcess> {
  const port = await freePort();
  const script = SERVER === "real" ? ["server.ts"] : ["lib/testing/socket-test-server.ts", String(port)];
  const env = appEnv({ databaseUrl, authSecret: AUTH_SECRET, port, workers, nodeEnv: SERVER === "real" ? "production" : "test" });
  const child = spawn(process.execPath, ["--import", ORPHAN_GUARD, "--import", "tsx", ...SERVER_NODE_ARGS, ...script], { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
  track(child);
  const tail: string[] = [];
  const keep = (chunk: Buffer) => {
    for (const line of chunk.toString().split("\n").filter(Boolean)) {
      tail.push(line);
      if (tail.length > 20) tail.shift();
      // Warnings from the app (presence update failures, lost connections) are part of the result.
      if (/WARN|ERROR|error/.test(line)) console.log(`  [app :${port}] ${line.slice(0, 300)}`);
    }
  };
  child.stderr!.on("data", keep);
  const readyText = SERVER === "real" ? "ready on" : `ready ${port}`;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`app process on :${port} did not start in 120 s:\n${tail.join("\n")}`)), 120_000);
    child.stdout!.on("data", (chunk: Buffer) => {
      keep(chunk);
      if (chunk.toString().includes(readyText)) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`app process on :${port} exited with ${code}:\n${tail.join("\n")}`));
    });
  });
  return { url: `http://127.0.0.1:${port}`, pid: child.pid!, stop: () => stopChild(child) };
}

// ---------------------------------------------------------------------------------------------
// Watcher processes (scripts/bench-live-watchers.ts)

/** The watcher processes, run from the .ts source through tsx, and stopped with everything else started here. */
function startWatchers(assignments: WatcherGroup[][], trackPlanId: string | undefined, readyTimeoutMs: number): WatcherSet {
  return startWatcherSet(assignments, trackPlanId, {
    script: WATCHER_SCRIPT,
    cwd: ROOT,
    execArgv: ["--import", "tsx"],
    readyTimeoutMs,
    batch: CONNECT_BATCH,
    onChild: track,
  });
}

/** Splits `count` sockets over K processes, and each process's share over the app processes. */
function spread(count: number, planId: string, apps: AppProcess[], cookies: string[], k = K): WatcherGroup[][] {
  const share = (total: number, parts: number) => Array.from({ length: parts }, (_, i) => Math.floor(total / parts) + (i < total % parts ? 1 : 0));
  return share(count, k).map((perKid, kidIndex) =>
    share(perKid, apps.length).map((perApp, appIndex) => ({
      url: apps[(appIndex + kidIndex) % apps.length]!.url,
      planId,
      count: perApp,
      cookies,
    })),
  );
}

// ---------------------------------------------------------------------------------------------
// The ticking client: a LEAD on process A, through the socket write path.

interface Item {
  id: string;
  version: number;
  status: string;
}

interface ChangeAnswer {
  ok: boolean;
  message?: { seq: number; event: { item?: { version: number } } };
  item?: { version: number; status: string };
  status?: number;
  error?: string;
}

async function connectLead(url: string, cookie: string): Promise<Socket> {
  const socket = connect(url, { path: "/socket.io", transports: ["websocket"], forceNew: true, reconnection: false, timeout: 60_000, extraHeaders: { cookie } });
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", () => resolve());
    socket.once("connect_error", (error) => reject(error));
  });
  return socket;
}

/** Toggles the next item DONE ↔ PENDING with the version the client last saw. */
async function tick(socket: Socket, planId: string, items: Item[], index: number, timeoutMs: number) {
  const item = items[index % items.length]!;
  const status = item.status === "DONE" ? "PENDING" : "DONE";
  const t0 = now();
  const answer = (await socket
    .timeout(timeoutMs)
    .emitWithAck("plan:change", { planId, change: { type: "item.status", itemId: item.id, status, expectedVersion: item.version } })) as ChangeAnswer;
  const tAck = now();
  if (answer.ok && answer.message) {
    item.version = answer.message.event.item?.version ?? item.version + 1;
    item.status = status;
    return { ok: true as const, seq: answer.message.seq, t0, tAck };
  }
  if (answer.item) {
    item.version = answer.item.version;
    item.status = answer.item.status;
  }
  return { ok: false as const, error: `${answer.status ?? "?"} ${answer.error ?? ""}`, t0, tAck };
}

// ---------------------------------------------------------------------------------------------
// Data

interface Seeded {
  leadCookie: string;
  watcherCookies: string[];
  leadId: string;
  watcherIds: string[];
}

function planMarkdown(title: string): string {
  const lines = [`# ${title}`, "", "**Environment**: bench", "", "## Deploy", ""];
  for (let i = 1; i <= ITEMS; i++) lines.push(`- [ ] Step ${i}: run the deploy step number ${i} and check its output`);
  return lines.join("\n") + "\n";
}

async function seedUsers(): Promise<Seeded> {
  const { db } = await import("@/lib/db");
  const lead = await db().user.create({ data: { email: "lead@bench.local", name: "Bench Lead", passwordHash: "x" }, select: { id: true, name: true } });
  const watchers = [];
  for (let i = 0; i < WATCHER_USERS; i++) {
    watchers.push(await db().user.create({ data: { email: `watcher${i}@bench.local`, name: `Watcher ${i}`, passwordHash: "x" }, select: { id: true, name: true } }));
  }
  const cookie = async (user: { id: string; name: string }) =>
    `authjs.session-token=${await encode({ token: { sub: user.id, name: user.name }, secret: AUTH_SECRET, salt: "authjs.session-token", maxAge: 24 * 3600 })}`;
  return {
    leadId: lead.id,
    leadCookie: await cookie(lead),
    watcherIds: watchers.map((user) => user.id),
    watcherCookies: await Promise.all(watchers.map(cookie)),
  };
}

async function createPlan(seeded: Seeded, title: string): Promise<{ planId: string; items: Item[] }> {
  const { db } = await import("@/lib/db");
  const { parsePlanMarkdown } = await import("@/lib/import/parse-plan-markdown");
  const { createPlanFromDocument } = await import("@/lib/plans/create-plan");
  const { document } = parsePlanMarkdown(planMarkdown(title));
  const plan = await createPlanFromDocument({ document, createdById: seeded.leadId });
  await db().planMember.createMany({ data: seeded.watcherIds.map((userId) => ({ planId: plan.id, userId, role: "VIEWER" as const })) });
  const items = await db().planItem.findMany({ where: { planId: plan.id }, orderBy: { position: "asc" }, select: { id: true, version: true, status: true } });
  if (items.length < 2) throw new Error(`the bench plan has ${items.length} items; the importer did not read its checklist`);
  return { planId: plan.id, items };
}

// ---------------------------------------------------------------------------------------------
// Phases

interface CpuMark {
  machine: [number, number, number];
  apps: number;
  postgres: Map<number, number>;
  driver: NodeJS.CpuUsage;
  t: number;
}
const cpuMark = (apps: AppProcess[]): CpuMark => ({
  machine: machineCpu(),
  apps: apps.reduce((sum, app) => sum + processCpuMs(app.pid), 0),
  postgres: postgresCpuMs(),
  driver: process.cpuUsage(),
  t: now(),
});

interface ThroughputResult {
  ticksPerS: number;
  ticks: number;
  errors: number;
  ack: Summary;
  lost: number;
  reordered: number;
  machineBusy: number;
  serverCpu: number;
  pgCpu: number;
}

async function throughputPhase(apps: AppProcess[], seeded: Seeded, plans: { planId: string; items: Item[] }[]): Promise<ThroughputResult> {
  // A few watchers per plan, spread over the K watcher processes and the app processes.
  const perKid: WatcherGroup[][] = Array.from({ length: K }, () => []);
  plans.forEach((plan, p) =>
    spread(THROUGHPUT_WATCHERS, plan.planId, apps, seeded.watcherCookies, Math.min(K, THROUGHPUT_WATCHERS)).forEach((groups, i) =>
      perKid[(p + i) % K]!.push(...groups),
    ),
  );
  const watchers = startWatchers(perKid, undefined, 120_000);
  const leads: Socket[] = [];
  try {
    await watchers.ready;
    await settle(watchers, 60_000);
    for (let i = 0; i < plans.length; i++) leads.push(await connectLead(apps[0]!.url, seeded.leadCookie));
    // Warm-up: a few ticks per plan, then wait until the watchers have them.
    const warm = 5;
    await Promise.all(plans.map(async (plan, p) => {
      for (let i = 0; i < warm; i++) await tick(leads[p]!, plan.planId, plan.items, i, 60_000);
    }));
    await waitForReceived(watchers, plans.length * warm * THROUGHPUT_WATCHERS, 100);
    watchers.mark();
    await sleep(200);

    const start = cpuMark(apps);
    const stopAt = start.t + THROUGHPUT_SECONDS * 1000;
    const acks: number[] = [];
    let done = 0;
    let errors = 0;
    await Promise.all(plans.map(async (plan, p) => {
      for (let i = warm; now() < stopAt; i++) {
        const result = await tick(leads[p]!, plan.planId, plan.items, i, 60_000);
        if (result.ok) {
          done += 1;
          acks.push(result.tAck - result.t0);
        } else errors += 1;
      }
    }));
    const end = cpuMark(apps);
    const wallS = (end.t - start.t) / 1000;
    log(`  throughput ticks ran from ${start.t.toFixed(0)} to ${end.t.toFixed(0)} ms (process.hrtime)`);
    const expected = done * THROUGHPUT_WATCHERS;
    await waitForReceived(watchers, expected, 100);
    const results = await watchers.collect();
    return {
      ticksPerS: done / wallS,
      ticks: done,
      errors,
      ack: summarize(acks),
      lost: expected - results.reduce((sum, r) => sum + r.received, 0),
      reordered: results.reduce((sum, r) => sum + r.backwards + r.gaps, 0),
      machineBusy: busyPct(start.machine, end.machine),
      serverCpu: (end.apps - start.apps) / 10 / wallS,
      pgCpu: postgresDeltaMs(start.postgres, end.postgres) / 10 / wallS,
    };
  } finally {
    for (const socket of leads) socket.close();
    await watchers.stop();
  }
}

interface LatencyResult {
  last: Summary;
  first: Summary;
  ack: Summary;
  lost: number;
  reordered: number;
  backwards: number;
  gaps: number;
  timeouts: number;
  errors: number;
  disconnects: number;
  joinS: number;
  joinFailures: number;
  refused: number;
  presence: number;
  settleS: number;
  machineBusy: number;
  /** Share of both cores used by processes other than this benchmark's (the shared machine's noise). */
  foreign: number;
  steal: number;
  serverCpu: number;
  clientsCpu: number;
  pgCpu: number;
  serverUsPerDelivery: number;
  clientUsPerDelivery: number;
}

async function latencyPhase(apps: AppProcess[], seeded: Seeded, n: number, plan: { planId: string; items: Item[] }): Promise<LatencyResult> {
  const connectTimeout = 120_000 + n * 150;
  const joinStarted = now();
  const watchers = startWatchers(spread(n, plan.planId, apps, seeded.watcherCookies), plan.planId, connectTimeout);
  let lead: Socket | undefined;
  try {
    const readies = await watchers.ready;
    const joinS = (now() - joinStarted) / 1000;
    const joinFailures = readies.reduce((sum, r) => sum + r.joinFailures, 0);
    const refused = readies.reduce((sum, r) => sum + r.refused, 0);
    log(
      `  ${n} watchers connected and joined in ${joinS.toFixed(1)} s` +
        (refused || joinFailures ? ` (retried: ${refused} refused handshakes, ${joinFailures} failed joins)` : "") +
        "; waiting for the presence broadcasts to drain",
    );
    const settled = await settle(watchers, connectTimeout);
    log(`  drained ${settled.settleMs / 1000 < 0.05 ? "at once" : `after ${(settled.settleMs / 1000).toFixed(1)} s`}: ${settled.presence} presence messages received during the join`);
    lead = await connectLead(apps[0]!.url, seeded.leadCookie);
    const tickTimeout = Math.max(10_000, n * 6);

    let timeouts = 0;
    let errors = 0;
    for (let i = 0; i < WARMUP; i++) {
      const result = await tick(lead, plan.planId, plan.items, i, 60_000);
      if (result.ok) await watchers.gotAll(result.seq, tickTimeout);
      else errors += 1;
      await sleep(GAP_MS);
    }
    await sleep(500);
    watchers.mark();
    await sleep(200);

    const start = cpuMark(apps);
    const sends: Send[] = [];
    for (let i = WARMUP; i < WARMUP + TICKS; i++) {
      const result = await tick(lead, plan.planId, plan.items, i, 60_000);
      if (result.ok) {
        sends.push(result);
        if (!(await watchers.gotAll(result.seq, tickTimeout))) timeouts += 1;
      } else errors += 1;
      await sleep(GAP_MS);
    }
    const expected = n * sends.length;
    await waitForReceived(watchers, expected, 50);
    const results = await watchers.collect();
    const end = cpuMark(apps);
    const wallS = (end.t - start.t) / 1000;
    // For --server-node-args --cpu-prof: profile timestamps are on the same monotonic clock.
    log(`  measured ticks ran from ${start.t.toFixed(0)} to ${end.t.toFixed(0)} ms (process.hrtime)`);

    const { last, first, receivedMeasured } = tickLatencies(sends, results);
    const clientsCpuMs = results.reduce((sum, r) => sum + r.cpuMs, 0);
    const serverCpuMs = end.apps - start.apps;
    const pgCpuMs = postgresDeltaMs(start.postgres, end.postgres);
    const driver = process.cpuUsage(start.driver);
    const oursMs = clientsCpuMs + serverCpuMs + pgCpuMs + (driver.user + driver.system) / 1000;
    const machineBusy = busyPct(start.machine, end.machine);
    const backwards = results.reduce((sum, r) => sum + r.backwards, 0);
    const gaps = results.reduce((sum, r) => sum + r.gaps, 0);
    return {
      last: summarize(last),
      first: summarize(first),
      ack: summarize(sends.map((send) => send.tAck - send.t0)),
      lost: expected - receivedMeasured,
      reordered: backwards + gaps,
      backwards,
      gaps,
      timeouts,
      errors,
      disconnects: results.reduce((sum, r) => sum + r.disconnects, 0),
      joinS,
      joinFailures,
      refused,
      presence: settled.presence,
      settleS: settled.settleMs / 1000,
      machineBusy,
      foreign: Math.max(0, machineBusy - oursMs / 10 / wallS / os.cpus().length),
      steal: stealPct(start.machine, end.machine),
      serverCpu: serverCpuMs / 10 / wallS,
      clientsCpu: clientsCpuMs / 10 / wallS,
      pgCpu: pgCpuMs / 10 / wallS,
      serverUsPerDelivery: (1000 * serverCpuMs) / Math.max(1, expected),
      clientUsPerDelivery: (1000 * clientsCpuMs) / Math.max(1, expected),
    };
  } finally {
    lead?.close();
    await watchers.stop();
  }
}

// ---------------------------------------------------------------------------------------------
// In-process timing of the write path's steps (--phases)

async function timePhases(seeded: Seeded) {
  const { db } = await import("@/lib/db");
  const { applyPlanChange } = await import("@/lib/plan-state/apply-plan-change");
  const { planChangeSchema } = await import("@/lib/plan-state/change-schema");
  const { changePlanSchema } = await import("@/lib/realtime/socket-contract");
  const { findActiveUser } = await import("@/lib/users/find-active-user");
  const { getToken } = await import("next-auth/jwt");
  const pg = (await import("pg")).default;
  const plan = await createPlan(seeded, "Phase timing");
  const actor = { id: seeded.leadId, name: "Bench Lead", isAdmin: false };
  const rounds = 200;
  const rows: [string, Summary][] = [];
  const timeAsync = async (label: string, fn: (i: number) => Promise<unknown>, gapMs: number) => {
    const times: number[] = [];
    for (let i = 0; i < 20; i++) await fn(i); // warm-up
    for (let i = 20; i < 20 + rounds; i++) {
      if (gapMs) await sleep(gapMs);
      const t0 = now();
      await fn(i);
      times.push(now() - t0);
    }
    rows.push([label, summarize(times)]);
  };
  const timeSync = (label: string, fn: () => unknown, runs = 5000) => {
    for (let i = 0; i < 500; i++) fn();
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t0 = now();
      fn();
      times.push(now() - t0);
    }
    rows.push([label, summarize(times)]);
  };
  const change = (i: number) => {
    const item = plan.items[i % plan.items.length]!;
    const status = item.status === "DONE" ? "PENDING" : "DONE";
    return { item, status, change: { type: "item.status", itemId: item.id, status, expectedVersion: item.version } };
  };
  timeSync("zod: changePlanSchema + planChangeSchema.parse", () => planChangeSchema.parse(changePlanSchema.parse({ planId: plan.planId, change: change(0).change }).change));
  await timeAsync("JWT: getToken (per connection)", () => getToken({ req: { headers: { cookie: seeded.leadCookie } }, secret: AUTH_SECRET, secureCookie: false }), 0);
  await timeAsync("findActiveUser (per connection), 20 ms idle", () => findActiveUser(seeded.leadId), GAP_MS);
  const apply = async (i: number) => {
    const next = change(i);
    const { message } = await applyPlanChange(actor, plan.planId, next.change);
    next.item.version = (message.event as { item: { version: number } }).item.version;
    next.item.status = next.status;
  };
  await timeAsync("applyPlanChange (real write path), 20 ms idle", apply, GAP_MS);
  await timeAsync("applyPlanChange, back-to-back", apply, 0);

  // The tick's write alone (no per-plan queue, no broadcast): the one statement against the
  // full path it replaced (BEGIN, locking read, item+sequence+event, two outbox statements, COMMIT).
  const { applyItemChange } = await import("@/lib/plan-state/apply-plan-change");
  const frames: Record<"whole" | "delta", Record<string, number[]>> = { whole: {}, delta: {} };
  const tickVia = (path: "one-statement" | "full") => async (i: number) => {
    const next = change(i);
    const { message, live } = await applyItemChange(actor, plan.planId, next.change as Parameters<typeof applyItemChange>[2], path);
    next.item.version = (message.event as { item: { version: number } }).item.version;
    next.item.status = next.status;
    // What socket.io puts on the wire for the room's event: "42" and the JSON array [name, payload].
    const frame = (payload: unknown) => `42${JSON.stringify(["plan:event", payload])}`.length;
    (frames.whole[next.status] ??= []).push(frame(message));
    (frames.delta[next.status] ??= []).push(frame(live ?? message));
  };
  await timeAsync("tick write, full path (BEGIN, locking read, write, 2 outbox statements, COMMIT), 20 ms idle", tickVia("full"), GAP_MS);
  await timeAsync("tick write, one statement (preflight_tick, autocommit), 20 ms idle", tickVia("one-statement"), GAP_MS);

  // The same logical write with plain pg: as the transaction's statements, and as one statement.
  const client = new pg.Client({ connectionString: database!.url });
  await client.connect();
  const lastSeq = async () => (await client.query<{ lastSeq: number }>(`SELECT "lastSeq" FROM "Plan" WHERE id = $1`, [plan.planId])).rows[0]!.lastSeq;
  let seq = await lastSeq();
  const rawTransaction = async (i: number) => {
    const next = change(i);
    await client.query("BEGIN");
    await client.query(`SELECT p.id, p."lastSeq", m.role FROM "Plan" p LEFT JOIN "PlanMember" m ON m."planId" = p.id AND m."userId" = $2 WHERE p.id = $1 FOR UPDATE OF p`, [plan.planId, seeded.leadId]);
    await client.query(`SELECT * FROM "PlanItem" WHERE id = $1 AND "planId" = $2`, [next.item.id, plan.planId]);
    await client.query(`UPDATE "PlanItem" SET status = $2::"ItemStatus", version = version + 1 WHERE id = $1 AND version = $3 RETURNING *`, [next.item.id, next.status, next.item.version]);
    seq += 1;
    await client.query(`UPDATE "Plan" SET "lastSeq" = $2, "updatedAt" = now() WHERE id = $1`, [plan.planId, seq]);
    await client.query(`INSERT INTO "PlanEvent" (id, "planId", seq, type, "actorId", payload) VALUES (gen_random_uuid()::text, $1, $2, 'item.changed', $3, '{}'::jsonb)`, [plan.planId, seq, seeded.leadId]);
    await client.query("COMMIT");
    next.item.version += 1;
    next.item.status = next.status;
  };
  await timeAsync("same write, plain pg, 7 round trips, 20 ms idle", rawTransaction, GAP_MS);
  const oneStatement = async (i: number) => {
    const next = change(i);
    const { rows: [row] } = await client.query<{ seq: number }>(
      `WITH p AS (UPDATE "Plan" SET "lastSeq" = "lastSeq" + 1, "updatedAt" = now()
                   WHERE id = $1 AND EXISTS (SELECT 1 FROM "PlanMember" WHERE "planId" = $1 AND "userId" = $4 AND role IN ('LEAD', 'EXECUTOR'))
                   RETURNING "lastSeq"),
            i AS (UPDATE "PlanItem" SET status = $3::"ItemStatus", version = version + 1
                   WHERE id = $2 AND "planId" = $1 AND version = $5 AND EXISTS (SELECT 1 FROM p) RETURNING id)
       INSERT INTO "PlanEvent" (id, "planId", seq, type, "actorId", payload)
       SELECT gen_random_uuid()::text, $1, p."lastSeq", 'item.changed', $4, '{}'::jsonb FROM p, i RETURNING seq`,
      [plan.planId, next.item.id, next.status, seeded.leadId, next.item.version],
    );
    if (row) {
      next.item.version += 1;
      next.item.status = next.status;
    }
  };
  await timeAsync("same write, plain pg, one CTE statement, 20 ms idle", oneStatement, GAP_MS);
  await timeAsync("pg_notify round trip (what a cross-process broadcast costs), 20 ms idle", () => client.query("SELECT pg_notify('bench_live', $1)", ["x".repeat(600)]), GAP_MS);
  // Prisma returns every column of the updated plan row unless told otherwise, the document JSON included.
  const documentBytes = (await client.query<{ bytes: number }>(`SELECT octet_length(document::text) AS bytes FROM "Plan" WHERE id = $1`, [plan.planId])).rows[0]!.bytes;
  await timeAsync(`prisma plan.update returning the whole row (document ${documentBytes} B), 20 ms idle`, () => db().plan.update({ where: { id: plan.planId }, data: { updatedAt: new Date() } }), GAP_MS);
  await timeAsync("prisma plan.update with select { id }, 20 ms idle", () => db().plan.update({ where: { id: plan.planId }, data: { updatedAt: new Date() }, select: { id: true } }), GAP_MS);
  await client.end();

  console.log(`\nWrite-path steps, timed in this process (ms; ${rounds} rounds after 20 warm-up):`);
  console.log("| step | p50 | p95 | p99 |\n|---|---|---|---|");
  for (const [label, s] of rows) console.log(`| ${label} | ${s.p50.toFixed(3)} | ${s.p95.toFixed(3)} | ${s.p99.toFixed(3)} |`);
  void seq;
  // Built by the writer's own message builder (lib/plan-state/live-delta.ts) from the ticks above.
  const median = (values: number[] = []) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
  const eventBytes = Object.fromEntries(Object.keys(frames.whole).map((status) => [status, { before: median(frames.whole[status]), after: median(frames.delta[status]) }]));
  console.log(`\nBytes per tick event to the plan's room (socket.io frame "42[\"plan:event\",…]", median over the ticks above):`);
  console.log("| tick | before: whole event | after: delta | saved |\n|---|---|---|---|");
  for (const [status, { before, after }] of Object.entries(eventBytes)) console.log(`| to ${status} | ${before} | ${after} | ${(100 - (after / before) * 100).toFixed(0)}% |`);
  return {
    ...Object.fromEntries(rows.map(([label, summary]) => [label, { p50_ms: Number(summary.p50.toFixed(3)), p95_ms: Number(summary.p95.toFixed(3)), p99_ms: Number(summary.p99.toFixed(3)) }])),
    tick_event_bytes: eventBytes,
  };
}

// ---------------------------------------------------------------------------------------------
// Main

interface RunResult {
  n: number;
  processes: number;
  /** --workers: WEB_CONCURRENCY of each app process ("default": unset). */
  workers: string;
  background: number;
  startS: number;
  latency: LatencyResult;
  throughput?: ThroughputResult;
}

const f = (x: number, digits = 1) => (Number.isFinite(x) ? x.toFixed(digits) : "-");

function printRun(run: RunResult) {
  const l = run.latency;
  log(
    `N=${run.n} P=${run.processes} workers=${run.workers}: last p50 ${f(l.last.p50)} p95 ${f(l.last.p95)} p99 ${f(l.last.p99)} max ${f(l.last.max)} | first ${f(l.first.p50)} ack ${f(l.ack.p50)} ms` +
      ` | lost ${l.lost} reordered ${l.reordered} timeouts ${l.timeouts} errors ${l.errors} disc ${l.disconnects}` +
      ` | srv ${f(l.serverCpu, 0)}% cli ${f(l.clientsCpu, 0)}% pg ${f(l.pgCpu, 0)}% mach ${f(l.machineBusy, 0)}% (others ${f(l.foreign, 0)}%) steal ${f(l.steal)}%` +
      (run.throughput ? ` | ${f(run.throughput.ticksPerS)} ticks/s (${PLANS} plans)` : ""),
  );
}

async function main() {
  const started = now();
  if (SERVER === "real" && !ONLY_PHASES) await ensureProductionBuild(ROOT, log);
  databaseServer = await startTestDatabaseServer(process.env.DATABASE_URL, log);
  database = await createTestDatabase(databaseServer.serverUrl, { prefix: "preflight_bench", migrate: true });
  process.env.DATABASE_URL = database.url;
  process.env.AUTH_SECRET = AUTH_SECRET;
  process.env.LOG_LEVEL ??= "warn";
  log(`database ${database.name}; server: ${SERVER === "real" ? "server.ts (Next production build + socket.io)" : "lib/testing/socket-test-server.ts (socket.io only)"}`);
  log(`config ${JSON.stringify({ watchers: WATCHERS, processes: PROCESSES, ticks: TICKS, warmup: WARMUP, gapMs: GAP_MS, k: K, watcherUsers: WATCHER_USERS, plans: THROUGHPUT ? PLANS : 0, throughputSeconds: THROUGHPUT_SECONDS, serverNodeArgs: SERVER_NODE_ARGS })}`);
  const seeded = await seedUsers();
  const phases = PHASES ? await timePhases(seeded) : undefined;
  if (ONLY_PHASES) return { phases };

  const runs: RunResult[] = [];
  for (const n of WATCHERS) {
    for (const p of PROCESSES) for (const workers of WORKERS) {
      const plan = await createPlan(seeded, `Latency N=${n} P=${p}`);
      const plans = [];
      for (let i = 0; THROUGHPUT && i < PLANS; i++) plans.push(await createPlan(seeded, `Throughput ${i + 1} N=${n} P=${p}`));
      let background = await backgroundBusy();
      for (const until = now() + QUIET_WAIT_S * 1000; QUIET_BELOW > 0 && background > QUIET_BELOW && now() < until; ) {
        log(`N=${n} P=${p}: machine ${background.toFixed(0)}% busy with other work; waiting for it to drop below ${QUIET_BELOW}%`);
        await sleep(4_000);
        background = await backgroundBusy();
      }
      log(`N=${n} P=${p}: machine ${background.toFixed(0)}% busy before start; starting ${p} app process(es), WEB_CONCURRENCY=${workers === "default" ? "unset" : workers}`);
      const startedApps = now();
      const apps: AppProcess[] = [];
      try {
        for (let i = 0; i < p; i++) apps.push(await startApp(database.url, workers));
        const startS = (now() - startedApps) / 1000;
        await sleep(p > 1 ? 6_000 : 1_000); // let the adapters' heartbeats find each other (every 5 s)
        const throughput = THROUGHPUT ? await throughputPhase(apps, seeded, plans) : undefined;
        if (throughput) log(`  throughput: ${f(throughput.ticksPerS)} ticks/s over ${PLANS} plans (ack p50 ${f(throughput.ack.p50)} p99 ${f(throughput.ack.p99)} ms, lost ${throughput.lost}, reordered ${throughput.reordered}, errors ${throughput.errors}; server CPU ${f(throughput.serverCpu, 0)}%, pg CPU ${f(throughput.pgCpu, 0)}%, machine ${f(throughput.machineBusy, 0)}% busy)`);
        const latency = await latencyPhase(apps, seeded, n, plan);
        const run = { n, processes: p, workers, background, startS, latency, throughput };
        runs.push(run);
        printRun(run);
      } finally {
        await Promise.all(apps.map((app) => app.stop()));
      }
    }
  }

  console.log(`\nTick → LAST watcher, isolated (send one, wait for all, ${GAP_MS} ms gap); ${TICKS} ticks after ${WARMUP} warm-up; K=${K} watcher processes; ms`);
  console.log(`| N | processes | p50 | p95 | p99 | max | first p50 | ack p50 | lost | reordered | join s | retried handshakes / joins | presence msgs | server CPU | clients CPU | pg CPU | machine busy (other work before / during) | µs/delivery srv / cli | ticks/s (${PLANS} plans) | ack p50/p99 at load |`);
  console.log("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
  for (const run of runs) {
    const l = run.latency;
    const t = run.throughput;
    console.log(
      `| ${run.n} | ${run.processes}${run.workers === "1" ? "" : ` × ${run.workers} workers`} | ${f(l.last.p50)} | ${f(l.last.p95)} | ${f(l.last.p99)} | ${f(l.last.max)} | ${f(l.first.p50)} | ${f(l.ack.p50)} | ${l.lost} | ${l.reordered} | ${f(l.joinS)} | ${l.refused} / ${l.joinFailures} | ${l.presence} | ${f(l.serverCpu, 0)}% | ${f(l.clientsCpu, 0)}% | ${f(l.pgCpu, 0)}% | ${f(l.machineBusy, 0)}% (${f(run.background, 0)}% / ${f(l.foreign, 0)}%) | ${f(l.serverUsPerDelivery)} / ${f(l.clientUsPerDelivery)} | ${t ? f(t.ticksPerS) : "-"} | ${t ? `${f(t.ack.p50)} / ${f(t.ack.p99)}` : "-"} |`,
    );
  }
  const deltas: { watchers: number; processes: number; p50_delta_ms: number; p99_delta_ms: number; first_p50_delta_ms: number; ticks_per_s_delta: number }[] = [];
  for (const n of WATCHERS) {
    const single = runs.find((run) => run.n === n && run.processes === 1 && run.workers === WORKERS[0]);
    for (const multi of runs.filter((run) => run.n === n && run.processes > 1 && run.workers === WORKERS[0])) {
      if (!single) continue;
      const delta = {
        watchers: n,
        processes: multi.processes,
        p50_delta_ms: multi.latency.last.p50 - single.latency.last.p50,
        p99_delta_ms: multi.latency.last.p99 - single.latency.last.p99,
        first_p50_delta_ms: multi.latency.first.p50 - single.latency.first.p50,
        ticks_per_s_delta: (multi.throughput?.ticksPerS ?? NaN) - (single.throughput?.ticksPerS ?? NaN),
      };
      deltas.push(delta);
    }
  }
  if (deltas.length) {
    console.log("\nCross-process delta (P processes − 1 process, same N):");
    console.log("| N | processes | Δ p50 ms | Δ p99 ms | Δ first p50 ms | Δ ticks/s |\n|---|---|---|---|---|---|");
    for (const d of deltas) console.log(`| ${d.watchers} | ${d.processes} | ${f(d.p50_delta_ms)} | ${f(d.p99_delta_ms)} | ${f(d.first_p50_delta_ms)} | ${f(d.ticks_per_s_delta)} |`);
  }
  log(`done in ${((now() - started) / 1000).toFixed(0)} s`);

  const headline = runs.at(-1)!;
  const delta = deltas.find((d) => d.watchers === headline.n && d.processes === headline.processes);
  const round = (x: number, digits = 2) => (Number.isFinite(x) ? Number(x.toFixed(digits)) : null);
  const json = {
    watchers: headline.n,
    p50_ms: round(headline.latency.last.p50),
    p95_ms: round(headline.latency.last.p95),
    p99_ms: round(headline.latency.last.p99),
    ticks_per_s: headline.throughput ? round(headline.throughput.ticksPerS, 1) : null,
    lost: headline.latency.lost + (headline.throughput?.lost ?? 0),
    reordered: headline.latency.reordered + (headline.throughput?.reordered ?? 0),
    processes: headline.processes,
    workers: headline.workers,
    max_ms: round(headline.latency.last.max),
    first_p50_ms: round(headline.latency.first.p50),
    ack_p50_ms: round(headline.latency.ack.p50),
    ticks: TICKS,
    join_s: round(headline.latency.joinS, 1),
    presence_msgs: headline.latency.presence,
    other_load_pct: round(headline.latency.foreign, 0),
    refused_handshakes: headline.latency.refused,
    failed_joins: headline.latency.joinFailures,
    server: SERVER === "real" ? "server.ts" : "socket-test-server.ts",
    ...(delta ? { cross_process_p50_delta_ms: round(delta.p50_delta_ms), cross_process_p99_delta_ms: round(delta.p99_delta_ms) } : {}),
  };
  return json;
}

await finish(main);
