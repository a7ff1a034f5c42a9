/**
 * `npm run bench:live:public`: how fast a tick reaches everyone watching a plan, measured by a
 * client that uses only Preflight's public surface, with floor-bench's method
 * (/work/shared/floor-bench). A benchmark, not a test: it prints figures and asserts nothing.
 *
 * Setup (not timed; a separate step that may use the database):
 *   - a throwaway database (dropped at the end); the lead's and the viewers' accounts are created
 *     in it directly, with a bcrypt cost of 4 so that signing thousands in is quick (the sign-in
 *     is setup, not what is measured; the hash's own cost is what bcrypt.compare pays);
 *   - one setup app process, then, over HTTP like a browser: every account signs in (GET
 *     /api/auth/csrf, POST /api/auth/callback/credentials with the csrf cookie and the form; the
 *     session cookie is kept), the lead makes an API token (POST /api/tokens) and one plan per
 *     run from Markdown (POST /api/plans); the viewers are made VIEWER members in the database
 *     (one INSERT instead of thousands of member.set changes).
 *     By default each watcher is its own account with its own session (--watcher-users 0), so a
 *     per-session cache on the server is hit no more often than in a real room of N people.
 *
 * Each run (N watchers × workers × tick-over), on a freshly started app:
 *   - idle: the machine's idle share over 2 s just before the app starts (/proc/stat, all cores;
 *     idle + iowait jiffies over all jiffies), to say how quiet the machine was for this row;
 *   - the app is started as `npm start` starts it: `NODE_ENV=production node --import tsx server.ts`,
 *     with WEB_CONCURRENCY=<workers> (left unset for "default": the server's default, one process);
 *   - the item versions and the plan's seq are read with GET /api/plans/:id/status (the token);
 *   - join: K=4 watcher processes (scripts/bench-live-watchers.ts) open N socket.io connections,
 *     websocket transport, the viewer's session cookie and the app's Origin in the handshake, 100
 *     handshakes at a time per process, each followed by an acknowledged
 *     `plan:join {planId, lastSeq}` as the browser sends it. Join time is floor-bench's: wall time
 *     from forking the K processes until all of them report every watcher joined, so it includes
 *     starting them; like the floor's they run plain `node` (the watcher script is transpiled
 *     once beforehand, not loaded through tsx), and the JSON gives that start as `join_start_s`;
 *   - then, as floor-bench: 1 s pause (ours first waits for the join's presence broadcasts to
 *     drain), 100 warm-up ticks, 0.5 s, then 200 measured isolated ticks: send one, wait until
 *     every watcher has it, 20 ms gap, next. A tick is the lead toggling a step DONE ↔ PENDING with
 *     the version it last saw:
 *       --tick-over http:   POST /api/plans/:id/changes {type:"item.status", itemId, status,
 *                           expectedVersion} with `Authorization: Bearer <token>`, as a CI job
 *                           does (README "API tokens and the HTTP API"; --http-auth session sends
 *                           the lead's cookie and a same-origin Origin instead). One keep-alive
 *                           connection, at most one request in flight, as floor-bench's driver;
 *       --tick-over socket: `plan:change` with an acknowledgement on the lead's own socket.io
 *                           connection (session cookie; the lead does not join the room).
 *   - latency = receive time at the LAST watcher − t0, t0 taken just before the request is
 *     written; process.hrtime (CLOCK_MONOTONIC, one clock for every process), nearest-rank
 *     percentiles, as floor-bench. A tick's receipt is recognised by the event's seq (and
 *     planId when present), never by its other fields, so a smaller event is measured the same.
 *   - lost = N × ticks − receives of the measured seqs; reordered = receives whose seq was not
 *     the socket's previous seq + 1 (backwards, duplicated or skipped), counted on every socket.
 *
 *   DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres npm run bench:live:public -- --watchers 100,1000 --workers 1,default
 *
 * Flags [defaults]: --watchers [100]; --workers 1,2,default [1]; --tick-over http,socket [http,socket];
 * --http-auth token|session [token]; --ticks [200]; --warmup [100]; --gap ms [20]; --k [4];
 * --watcher-users (accounts shared by the watchers; 0 = one per watcher) [0]; --max-minutes [60].
 * Builds first when there is no current production build (scripts/bench-build.ts says when).
 * The last line printed is one JSON object with every run's figures.
 */
import { spawn } from "node:child_process";
import http from "node:http";
import os from "node:os";
import bcrypt from "bcryptjs";
import { io as connect, type Socket } from "socket.io-client";
import { createTestDatabase, startTestDatabaseServer, type TestDatabase, type TestDatabaseServer } from "@/lib/testing/test-database";
import { signInWithPassword, SESSION_COOKIE } from "@/lib/testing/browser-session";
import { freePort } from "@/lib/testing/free-port";
import type { WatcherGroup } from "./bench-live-watchers";
import { ensureProductionBuild } from "./bench-build";
import { idleShare } from "./bench-idle";
import { now, sleep, summarize, tickLatencies, type Send, type Summary } from "./bench-figures";
import { appEnv, benchProcesses, ORPHAN_GUARD, stopChild } from "./bench-processes";
import { compiledWatcherScript, settle, startWatcherSet, waitForReceived, type WatcherSet } from "./bench-watcher-control";

// ---------------------------------------------------------------------------------------------
// Settings

const argv = process.argv.slice(2);
function flag(name: string): string | undefined {
  const inline = argv.find((arg) => arg.startsWith(`--${name}=`));
  if (inline) return inline.slice(name.length + 3);
  const index = argv.indexOf(`--${name}`);
  return index < 0 ? undefined : argv[index + 1];
}
const list = (name: string, fallback: string) => (flag(name) || fallback).split(",").map((value) => value.trim()).filter(Boolean);
const num = (name: string, fallback: number) => Number(flag(name) || fallback);

type TickOver = "http" | "socket";
const WATCHERS = list("watchers", "100").map(Number);
const WORKERS = list("workers", "1");
const TICK_OVER = list("tick-over", "http,socket") as TickOver[];
const HTTP_AUTH = flag("http-auth") === "session" ? "session" : "token";
const TICKS = num("ticks", 200);
const WARMUP = num("warmup", 100);
const GAP_MS = num("gap", 20);
const K = num("k", 4);
const WATCHER_USERS = num("watcher-users", 0);
const MAX_MINUTES = num("max-minutes", 60);
const CONNECT_BATCH = 100;
const ITEMS = 20;
const CORES = os.availableParallelism();

if (
  WATCHERS.some((n) => !Number.isInteger(n) || n < 1) ||
  WORKERS.some((w) => w !== "default" && !(Number(w) >= 1 && Number.isInteger(Number(w)))) ||
  TICK_OVER.some((t) => t !== "http" && t !== "socket")
) {
  console.error("usage: npm run bench:live:public -- [--watchers 100,1000] [--workers 1,default] [--tick-over http,socket] (see the header of scripts/bench-public-client.ts)");
  process.exit(2);
}

const ROOT = process.cwd();
const AUTH_SECRET = "bench-public-secret-0123456789abcdef0123456789";
const PASSWORD = "bench-public-password";
const log = (line: string) => console.log(`[bench:public] ${line}`);
const WATCHER_SCRIPT = compiledWatcherScript(ROOT);

// ---------------------------------------------------------------------------------------------
// Everything started here, so that every exit path stops it.

let database: TestDatabase | undefined;
let databaseServer: TestDatabaseServer | undefined;
const { track, finish } = benchProcesses("bench:public", MAX_MINUTES, () => ({ database, databaseServer }));

// ---------------------------------------------------------------------------------------------
// The app, started as `npm start` starts it

interface App {
  url: string;
  pid: number;
  /** Worker processes serving, from the app's "ready on … (…, N workers)" line; 1 when it names none (one process). */
  workersRunning(): number;
  stop(): Promise<void>;
}

async function startApp(databaseUrl: string, workers: string): Promise<App> {
  const port = await freePort();
  const env = appEnv({ databaseUrl, authSecret: AUTH_SECRET, port, workers, nodeEnv: "production" });
  delete env.AUTH_URL;
  const child = spawn(process.execPath, ["--import", ORPHAN_GUARD, "--import", "tsx", "server.ts"], { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
  track(child);
  const tail: string[] = [];
  let workersRunning = 0;
  const keep = (chunk: Buffer) => {
    for (const line of chunk.toString().split("\n").filter(Boolean)) {
      const ready = /ready on \S+(?: \(.*?(\d+) workers\))?/.exec(line);
      if (ready) workersRunning = Math.max(workersRunning, Number(ready[1] ?? 1));
      tail.push(line);
      if (tail.length > 30) tail.shift();
      if (/WARN|ERROR|error/.test(line)) console.log(`  [app :${port}] ${line.slice(0, 300)}`);
    }
  };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  const url = `http://127.0.0.1:${port}`;
  const exited = new Promise<never>((_, reject) => child.once("exit", (code) => reject(new Error(`app on :${port} exited with ${code}:\n${tail.join("\n")}`))));
  exited.catch(() => {});
  // Ready = the public health route answers (with a cluster, the primary's port serves it).
  const ready = (async () => {
    for (const deadline = now() + 180_000; now() < deadline; await sleep(250)) {
      const ok = await fetch(`${url}/api/health`).then((response) => response.ok, () => false);
      if (ok) return;
    }
    throw new Error(`app on :${port} did not answer /api/health in 180 s:\n${tail.join("\n")}`);
  })();
  await Promise.race([ready, exited]);
  return { url, pid: child.pid!, workersRunning: () => workersRunning || 1, stop: () => stopChild(child) };
}

// ---------------------------------------------------------------------------------------------
// HTTP as a script does it: one keep-alive connection, one request at a time

function request(agent: http.Agent, url: string, method: string, headers: Record<string, string>, body?: unknown): Promise<{ status: number; json: unknown }> {
  const text = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const target = new URL(url);
    const req = http.request(
      {
        host: target.hostname,
        port: target.port,
        method,
        path: target.pathname + target.search,
        agent,
        headers: { ...headers, ...(text === undefined ? {} : { "content-type": "application/json", "content-length": String(Buffer.byteLength(text)) }) },
      },
      (res) => {
        let data = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => (data += chunk));
        res.on("end", () => {
          try {
            resolve({ status: res.statusCode ?? 0, json: data ? JSON.parse(data) : null });
          } catch {
            resolve({ status: res.statusCode ?? 0, json: data });
          }
        });
      },
    );
    req.on("error", reject);
    req.end(text);
  });
}

// ---------------------------------------------------------------------------------------------
// Setup

interface Item {
  id: string;
  version: number;
  status: string;
}

interface Setup {
  leadCookie: string;
  token: string;
  watcherCookies: string[];
  watcherIds: string[];
  /** One plan per run, in the order the runs go. */
  plans: string[];
}

function planMarkdown(title: string): string {
  const lines = [`# ${title}`, "", "**Environment**: bench", "", "## Deploy", ""];
  for (let i = 1; i <= ITEMS; i++) lines.push(`- [ ] Step ${i}: run the deploy step number ${i} and check its output`);
  return lines.join("\n") + "\n";
}

/** Runs `task` over `inputs`, `concurrency` at a time, keeping the order. */
async function pool<T, R>(inputs: T[], concurrency: number, task: (input: T, index: number) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(inputs.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, inputs.length) }, async () => {
      while (next < inputs.length) {
        const index = next++;
        out[index] = await task(inputs[index]!, index);
      }
    }),
  );
  return out;
}

async function setUp(databaseUrl: string, runs: number, viewers: number): Promise<Setup> {
  const { db } = await import("@/lib/db");
  // Accounts, directly in the database (there is no public sign-up).
  const passwordHash = bcrypt.hashSync(PASSWORD, 4);
  const lead = await db().user.create({ data: { email: "lead@bench.local", name: "Bench Lead", passwordHash }, select: { id: true, email: true } });
  await db().user.createMany({ data: Array.from({ length: viewers }, (_, i) => ({ email: `viewer${i}@bench.local`, name: `Viewer ${i}`, passwordHash })) });
  const viewerRows = await db().user.findMany({ where: { email: { endsWith: "@bench.local", startsWith: "viewer" } }, select: { id: true, email: true } });
  const viewerIds = new Map(viewerRows.map((row) => [row.email, row.id]));

  log(`setup: starting a setup app; ${viewers + 1} accounts sign in over HTTP`);
  const app = await startApp(databaseUrl, "1");
  try {
    const started = now();
    const leadJar = await signInWithPassword(app.url, lead.email, PASSWORD);
    const viewerEmails = Array.from({ length: viewers }, (_, i) => `viewer${i}@bench.local`);
    const watcherCookies = await pool(viewerEmails, 8, async (email) => `${SESSION_COOKIE}=${(await signInWithPassword(app.url, email, PASSWORD)).get(SESSION_COOKIE)!}`);
    log(`setup: signed in ${viewers + 1} accounts in ${((now() - started) / 1000).toFixed(1)} s`);
    const leadCookie = leadJar.header();
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const asLead = { cookie: leadCookie, origin: app.url };
    const token = await request(agent, `${app.url}/api/tokens`, "POST", asLead, { name: "bench:live:public", scope: "write", expiresInDays: 1 });
    if (token.status !== 201) throw new Error(`POST /api/tokens answered ${token.status}: ${JSON.stringify(token.json)}`);
    const plans: string[] = [];
    for (let i = 0; i < runs; i++) {
      const created = await request(agent, `${app.url}/api/plans`, "POST", asLead, { from: "markdown", markdown: planMarkdown(`Public bench run ${i + 1}`) });
      if (created.status !== 201) throw new Error(`POST /api/plans answered ${created.status}: ${JSON.stringify(created.json)}`);
      plans.push((created.json as { plan: { id: string } }).plan.id);
    }
    agent.destroy();
    return {
      leadCookie,
      token: (token.json as { token: string }).token,
      watcherCookies,
      watcherIds: viewerEmails.map((email) => viewerIds.get(email)!),
      plans,
    };
  } finally {
    await app.stop();
  }
}

/** The plan's members for a run: the first `n` viewers (of those signed in, reused when they are fewer). */
async function addViewers(planId: string, viewerIds: string[], n: number) {
  const { db } = await import("@/lib/db");
  const ids = [...new Set(Array.from({ length: n }, (_, i) => viewerIds[i % viewerIds.length]!))];
  await db().planMember.createMany({ data: ids.map((userId) => ({ planId, userId, role: "VIEWER" as const })), skipDuplicates: true });
}

// ---------------------------------------------------------------------------------------------
// Ticks

type Ticker = (item: Item, status: string) => Promise<{ ok: boolean; seq?: number; version?: number; error?: string }>;

/** The version a change's answer gives the item, in the full event or a smaller one; else one more. */
function versionIn(event: unknown, fallback: number): number {
  const e = event as { item?: { version?: unknown }; version?: unknown } | undefined;
  const found = e?.item?.version ?? e?.version;
  return typeof found === "number" ? found : fallback;
}

function httpTicker(app: App, planId: string, setup: Setup, agent: http.Agent): Ticker {
  const headers: Record<string, string> = HTTP_AUTH === "token" ? { authorization: `Bearer ${setup.token}` } : { cookie: setup.leadCookie, origin: app.url };
  return async (item, status) => {
    const answer = await request(agent, `${app.url}/api/plans/${planId}/changes`, "POST", headers, { type: "item.status", itemId: item.id, status, expectedVersion: item.version });
    if (answer.status !== 201) return { ok: false, error: `${answer.status} ${JSON.stringify(answer.json).slice(0, 200)}` };
    const message = (answer.json as { event: { seq: number; event?: unknown } }).event;
    return { ok: true, seq: message.seq, version: versionIn(message.event, item.version + 1) };
  };
}

async function socketTicker(app: App, planId: string, setup: Setup): Promise<{ tick: Ticker; close(): void }> {
  const socket: Socket = connect(app.url, {
    path: "/socket.io",
    transports: ["websocket"],
    forceNew: true,
    reconnection: false,
    timeout: 60_000,
    extraHeaders: { cookie: setup.leadCookie, origin: app.url },
  });
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", () => resolve());
    socket.once("connect_error", reject);
  });
  return {
    close: () => socket.close(),
    tick: async (item, status) => {
      const answer = (await socket
        .timeout(60_000)
        .emitWithAck("plan:change", { planId, change: { type: "item.status", itemId: item.id, status, expectedVersion: item.version } })) as {
        ok: boolean;
        message?: { seq: number; event?: unknown };
        status?: number;
        error?: unknown;
      };
      if (!answer.ok || !answer.message) return { ok: false, error: `${answer.status ?? "?"} ${JSON.stringify(answer.error).slice(0, 200)}` };
      return { ok: true, seq: answer.message.seq, version: versionIn(answer.message.event, item.version + 1) };
    },
  };
}

// ---------------------------------------------------------------------------------------------
// One run

interface RunFigures {
  watchers: number;
  workers: string;
  /** As the app said when it was ready: shows whether WEB_CONCURRENCY was taken. */
  workers_running: number;
  tick_over: TickOver;
  http_auth: string | null;
  idle_before_pct: number;
  p50_ms: number;
  p95_ms: number;
  p99_ms: number;
  max_ms: number;
  first_p50_ms: number;
  ack_p50_ms: number;
  ack_p99_ms: number;
  lost: number;
  reordered: number;
  timeouts: number;
  errors: number;
  disconnects: number;
  /** floor-bench's join time: fork of the K processes → every watcher joined. */
  join_s: number;
  /** Of which starting the watcher processes (node + tsx) before their first handshake. */
  join_start_s: number;
  refused_handshakes: number;
  failed_joins: number;
  presence_msgs: number;
  ticks: number;
}

async function runOnce(setup: Setup, planId: string, n: number, workers: string, tickOver: TickOver): Promise<RunFigures> {
  const label = `N=${n} workers=${workers} tick over ${tickOver}`;
  const idle = await idleShare();
  log(`${label}: machine ${idle.toFixed(0)}% idle over 2 s before the run; starting the app`);
  const app = await startApp(database!.url, workers);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  let watchers: WatcherSet | undefined;
  let socketLead: { tick: Ticker; close(): void } | undefined;
  try {
    await sleep(1000);
    // What the plan holds now, as a CI job reads it (the token).
    const status = await request(agent, `${app.url}/api/plans/${planId}/status`, "GET", { authorization: `Bearer ${setup.token}` });
    if (status.status !== 200) throw new Error(`GET /api/plans/${planId}/status answered ${status.status}`);
    const plan = status.json as { seq: number; items: Item[] };
    const items = plan.items.map((item) => ({ id: item.id, version: item.version, status: item.status }));

    // Join, timed as floor-bench's run.mjs times it.
    const share = (total: number, parts: number) => Array.from({ length: parts }, (_, i) => Math.floor(total / parts) + (i < total % parts ? 1 : 0));
    let offset = 0;
    const perProcess: WatcherGroup[][] = share(n, K).map((count) => {
      const cookies = Array.from({ length: count }, (_, i) => setup.watcherCookies[(offset + i) % setup.watcherCookies.length]!);
      offset += count;
      return [{ url: app.url, planId, count, cookies, origin: app.url, lastSeq: plan.seq }];
    });
    const readyTimeoutMs = 120_000 + n * 150;
    const joinStarted = now();
    watchers = startWatcherSet(perProcess, planId, { script: WATCHER_SCRIPT, cwd: ROOT, readyTimeoutMs, batch: CONNECT_BATCH, onChild: track });
    const readies = await watchers.ready;
    const joinS = (now() - joinStarted) / 1000;
    const joinStartS = joinS - Math.max(...readies.map((r) => r.connectMs)) / 1000;
    const refused = readies.reduce((sum, r) => sum + r.refused, 0);
    const joinFailures = readies.reduce((sum, r) => sum + r.joinFailures, 0);
    log(`  ${n} watchers joined in ${joinS.toFixed(2)} s (of which ${joinStartS.toFixed(2)} s starting the processes)${refused || joinFailures ? `; retried ${refused} handshakes, ${joinFailures} joins` : ""}`);
    const settled = await settle(watchers, readyTimeoutMs);
    await sleep(1000);

    let tick: Ticker;
    if (tickOver === "http") tick = httpTicker(app, planId, setup, agent);
    else {
      socketLead = await socketTicker(app, planId, setup);
      tick = socketLead.tick;
    }
    const tickTimeout = Math.max(10_000, n * 6);
    let errors = 0;
    let timeouts = 0;
    const one = async (i: number) => {
      const item = items[i % items.length]!;
      const next = item.status === "DONE" ? "PENDING" : "DONE";
      const t0 = now();
      const answer = await tick(item, next);
      const tAck = now();
      if (!answer.ok) {
        errors += 1;
        if (errors <= 3) log(`  tick refused: ${answer.error}`);
        // Someone (nobody, here) changed it first: read the step's version again, as a CI job would.
        const fresh = await request(agent, `${app.url}/api/plans/${planId}/status`, "GET", { authorization: `Bearer ${setup.token}` });
        const found = (fresh.json as { items?: Item[] })?.items?.find((candidate) => candidate.id === item.id);
        if (found) Object.assign(item, { version: found.version, status: found.status });
        return undefined;
      }
      item.version = answer.version!;
      item.status = next;
      return { seq: answer.seq!, t0, tAck };
    };
    for (let i = 0; i < WARMUP; i++) {
      const sent = await one(i);
      if (sent) await watchers.gotAll(sent.seq, tickTimeout);
      await sleep(GAP_MS);
    }
    await sleep(500);
    watchers.mark();
    await sleep(200);
    const warmupErrors = errors;
    errors = 0;

    const sends: Send[] = [];
    for (let i = WARMUP; i < WARMUP + TICKS; i++) {
      const sent = await one(i);
      if (sent) {
        sends.push(sent);
        if (!(await watchers.gotAll(sent.seq, tickTimeout))) timeouts += 1;
      }
      await sleep(GAP_MS);
    }
    const expected = n * sends.length;
    await waitForReceived(watchers, expected, 50);
    const results = await watchers.collect();
    const { last, first, receivedMeasured } = tickLatencies(sends, results);
    const lastSummary: Summary = summarize(last);
    const ack = summarize(sends.map((send) => send.tAck - send.t0));
    const round = (x: number, digits = 2) => (Number.isFinite(x) ? Number(x.toFixed(digits)) : NaN);
    const figures: RunFigures = {
      watchers: n,
      workers: workers === "default" ? `default (${app.workersRunning()})` : workers,
      workers_running: app.workersRunning(),
      tick_over: tickOver,
      http_auth: tickOver === "http" ? HTTP_AUTH : null,
      idle_before_pct: round(idle, 0),
      p50_ms: round(lastSummary.p50),
      p95_ms: round(lastSummary.p95),
      p99_ms: round(lastSummary.p99),
      max_ms: round(lastSummary.max),
      first_p50_ms: round(summarize(first).p50),
      ack_p50_ms: round(ack.p50),
      ack_p99_ms: round(ack.p99),
      // A refused tick reached no one by design: it is counted in errors (and `ticks` falls short), not as lost receives.
      lost: expected - receivedMeasured,
      reordered: results.reduce((sum, r) => sum + r.backwards + r.gaps, 0),
      timeouts,
      errors: errors + warmupErrors,
      disconnects: results.reduce((sum, r) => sum + r.disconnects, 0),
      join_s: round(joinS),
      join_start_s: round(joinStartS),
      refused_handshakes: refused,
      failed_joins: joinFailures,
      presence_msgs: settled.presence,
      ticks: sends.length,
    };
    log(
      `  ${label}: last p50 ${figures.p50_ms} p95 ${figures.p95_ms} p99 ${figures.p99_ms} max ${figures.max_ms} | first p50 ${figures.first_p50_ms} | answer p50 ${figures.ack_p50_ms} p99 ${figures.ack_p99_ms} ms` +
        ` | lost ${figures.lost} reordered ${figures.reordered} timeouts ${timeouts} errors ${figures.errors} disconnects ${figures.disconnects}`,
    );
    return figures;
  } finally {
    socketLead?.close();
    agent.destroy();
    await watchers?.stop();
    await app.stop();
  }
}

// ---------------------------------------------------------------------------------------------
// Main

async function main() {
  await ensureProductionBuild(ROOT, log);
  databaseServer = await startTestDatabaseServer(process.env.DATABASE_URL, log);
  database = await createTestDatabase(databaseServer.serverUrl, { prefix: "preflight_bench_public", migrate: true });
  process.env.DATABASE_URL = database.url;
  process.env.AUTH_SECRET = AUTH_SECRET;
  process.env.LOG_LEVEL ??= "warn";
  const config = { watchers: WATCHERS, workers: WORKERS, tickOver: TICK_OVER, httpAuth: HTTP_AUTH, ticks: TICKS, warmup: WARMUP, gapMs: GAP_MS, k: K, watcherUsers: WATCHER_USERS || "one per watcher", cores: CORES };
  log(`database ${database.name}; config ${JSON.stringify(config)}`);

  const combos = WATCHERS.flatMap((n) => WORKERS.flatMap((workers) => TICK_OVER.map((tickOver) => ({ n, workers, tickOver }))));
  const viewers = WATCHER_USERS > 0 ? WATCHER_USERS : Math.max(...WATCHERS);
  const setup = await setUp(database.url, combos.length, viewers);
  for (const [index, combo] of combos.entries()) await addViewers(setup.plans[index]!, setup.watcherIds, combo.n);

  const runs: RunFigures[] = [];
  for (const [index, { n, workers, tickOver }] of combos.entries()) runs.push(await runOnce(setup, setup.plans[index]!, n, workers, tickOver));

  const f = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : "-");
  console.log(`\nTick → LAST watcher, isolated (send one, wait for all, ${GAP_MS} ms gap); ${TICKS} ticks after ${WARMUP} warm-up; K=${K}; public surface only; ms`);
  console.log("| N | workers | tick over | idle before | p50 | p95 | p99 | max | first p50 | answer p50 / p99 | lost | reordered | join s (process start) |");
  console.log("|---|---|---|---|---|---|---|---|---|---|---|---|---|");
  for (const r of runs) {
    console.log(
      `| ${r.watchers} | ${r.workers} | ${r.tick_over}${r.http_auth ? ` (${r.http_auth})` : ""} | ${r.idle_before_pct}% | ${f(r.p50_ms)} | ${f(r.p95_ms)} | ${f(r.p99_ms)} | ${f(r.max_ms)} | ${f(r.first_p50_ms)} | ${f(r.ack_p50_ms)} / ${f(r.ack_p99_ms)} | ${r.lost} | ${r.reordered} | ${r.join_s.toFixed(2)} (${r.join_start_s.toFixed(2)}) |`,
    );
  }
  return { config, runs };
}

await finish(main);
