/**
 * `npm run bench:live:floor`: Preflight's live path against this machine's physical floor, back
 * to back in one run, because a shared machine is too noisy to compare figures taken at different
 * times. A benchmark, not a test: it prints figures and asserts nothing.
 *
 * Method (published here so that anyone can check what the table means):
 *   For each watcher count N (default 100, 1000, 5000), one right after the other:
 *   1. the floor: ../shared/floor-bench, run unchanged with its own method (variant `db`, isolated
 *      pacing, 1 rep, no commit benchmark, 100 warm-up ticks, T ticks, K=4). It runs from a copy
 *      in the temporary folder (shared/ may be read-only) whose node_modules is a link to this
 *      project's (the same socket.io 4.8, socket.io-client and pg the app uses).
 *   2. ours: scripts/bench-public-client.ts (`npm run bench:live:public`), a client that uses
 *      only the public surface: it signs in like a browser, ticks as the lead over the documented
 *      HTTP API (`POST /api/plans/:id/changes` with an API token, as CI does) and over the socket
 *      (`plan:change`), and watches as viewers over socket.io (websocket, the session cookie in
 *      the handshake, `plan:join`), with the floor's method: watchers in 4 child processes, 100
 *      warm-up then T isolated ticks (send one, wait until all N have it, 20 ms gap), latency = the
 *      LAST watcher's receive − t0 taken just before the request, on process.hrtime. Each of
 *      tick over {http, socket} × workers {1, 2} runs on a freshly started app
 *      (`NODE_ENV=production node --import tsx server.ts`, WEB_CONCURRENCY set or left unset).
 *   Before every row (the floor's and each of ours) the machine's idle share is sampled over 2 s
 *   from /proc/stat (idle + iowait over all jiffies, all cores): a row measured on a busy
 *   machine says little, so read it with that figure.
 *   Join time is measured the same way on both sides: wall time from forking the 4 watcher
 *   processes until every watcher has connected and joined (floor-bench's `connectS`).
 *   lost = N × T − receives; reordered counts receives whose seq was not the previous + 1 on
 *   that socket (the floor does not check order: its column shows "-").
 *
 * The table has one row per (N, tick over, workers), the floor's figures repeated on each row of
 * its N; the last line printed is one JSON object with every figure.
 *
 *   DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres npm run bench:live:floor -- --watchers 100,1000,5000
 *
 * Flags [defaults]: --watchers [100,1000,5000]; --ticks [200]; --workers [1,2];
 * --tick-over [http,socket]; any other flag goes to bench:live:public (e.g. --http-auth session).
 * Needs PostgreSQL on 127.0.0.1:5432 (floor-bench's default; PGHOST/PGPORT/PGUSER/PGPASSWORD
 * override it) and the floor's port 3100 free. Builds first when the production build is missing
 * or stale (scripts/bench-build.ts), so the build never runs between the floor and ours.
 */
import { spawn } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ensureProductionBuild } from "./bench-build";
import { idleShare } from "./bench-idle";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const floorSource = path.resolve(root, "../shared/floor-bench");
// Per run, so that two runs on one machine (or the main checkout's) never share a copy.
const floorCopy = path.join(os.tmpdir(), `preflight-floor-bench-${process.pid}`);
const FLOOR_PORT = 3100;
const log = (line: string) => console.log(`[bench:live:floor] ${line}`);

const argv = process.argv.slice(2);
const take = (name: string, fallback: string): string => {
  const index = argv.indexOf(`--${name}`);
  if (index < 0) return fallback;
  const [, value] = argv.splice(index, 2);
  return value ?? fallback;
};
const WATCHERS = take("watchers", "100,1000,5000").split(",").map(Number);
const TICKS = Number(take("ticks", "200"));
const WORKERS = take("workers", "1,2");
const TICK_OVER = take("tick-over", "http,socket");
const passThrough = argv;

interface Floor {
  idle_before_pct: number;
  p50_ms: number;
  p95_ms: number;
  p99_ms: number;
  lost: number;
  join_s: number;
}

/** What bench-public-client.ts prints per run (its last line's `runs`). */
interface Ours {
  watchers: number;
  workers: string;
  tick_over: string;
  http_auth: string | null;
  idle_before_pct: number;
  p50_ms: number;
  p95_ms: number;
  p99_ms: number;
  lost: number;
  reordered: number;
  join_s: number;
  join_start_s: number;
  ack_p50_ms: number;
  errors: number;
}

/** Runs a command, echoing its output, and resolves with everything it printed. */
function run(command: string, args: string[], options: { cwd: string; env?: Record<string, string> }): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: { ...process.env, ...options.env }, stdio: ["ignore", "pipe", "inherit"] });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      process.stdout.write(chunk);
    });
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve(output) : reject(new Error(`${command} ${args.join(" ")} exited with ${code}`))));
  });
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

function prepareFloorBench(): void {
  if (!existsSync(floorSource)) throw new Error(`floor-bench not found at ${floorSource}`);
  mkdirSync(floorCopy, { recursive: true });
  cpSync(floorSource, floorCopy, { recursive: true, filter: (source) => !/node_modules|results/.test(path.relative(floorSource, source)) });
  // The floor's dependencies (socket.io 4.8, socket.io-client 4.8, pg 8) are this project's too.
  rmSync(path.join(floorCopy, "node_modules"), { recursive: true, force: true });
  symlinkSync(path.join(root, "node_modules"), path.join(floorCopy, "node_modules"), "dir");
}

/** One floor-bench run at N watchers; its figures come from the results file it writes. */
async function floorAt(watchers: number): Promise<Floor> {
  if (!(await portIsFree(FLOOR_PORT))) throw new Error(`floor-bench needs port ${FLOOR_PORT}, which is in use (another floor-bench run?)`);
  const idle = await idleShare();
  log(`N=${watchers}: machine ${idle.toFixed(0)}% idle over 2 s; running the floor`);
  const resultsDir = path.join(floorCopy, "results");
  const before = new Set(existsSync(resultsDir) ? readdirSync(resultsDir) : []);
  await run("node", ["run.mjs"], {
    cwd: floorCopy,
    env: { NS: String(watchers), VARIANTS: "db", PACINGS: "isolated", REPS: "1", COMMIT_ROUNDS: "0", TICKS: String(TICKS), TAG: "preflight" },
  });
  const file = readdirSync(resultsDir).find((name) => !before.has(name));
  if (!file) throw new Error("floor-bench wrote no results file");
  const result = JSON.parse(readFileSync(path.join(resultsDir, file), "utf8")) as {
    runs: { connectS: number; phases: { pacing: string; lat: { p50: number; p95: number; p99: number }; lost: number }[] }[];
  };
  const phase = result.runs[0]!.phases.find((candidate) => candidate.pacing === "isolated")!;
  const round = (value: number) => Number(value.toFixed(2));
  return { idle_before_pct: Math.round(idle), p50_ms: round(phase.lat.p50), p95_ms: round(phase.lat.p95), p99_ms: round(phase.lat.p99), lost: phase.lost, join_s: round(result.runs[0]!.connectS) };
}

/** Our runs at N watchers (every tick-over × workers), each on a fresh app; figures from its last line. */
async function oursAt(watchers: number): Promise<Ours[]> {
  const output = await run(
    "node_modules/.bin/tsx",
    ["scripts/bench-public-client.ts", "--watchers", String(watchers), "--workers", WORKERS, "--tick-over", TICK_OVER, "--ticks", String(TICKS), ...passThrough],
    { cwd: root },
  );
  return (JSON.parse(output.trim().split("\n").at(-1)!) as { runs: Ours[] }).runs;
}

const fixed = (value: number, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : "-");

async function main() {
  await ensureProductionBuild(root, log);
  prepareFloorBench();
  const rows: { watchers: number; floor: Floor; ours: Ours[] }[] = [];
  for (const watchers of WATCHERS) {
    const floor = await floorAt(watchers);
    const ours = await oursAt(watchers);
    rows.push({ watchers, floor, ours });
  }

  console.log(`\nPreflight (public surface) against the floor, back to back: tick → LAST watcher, ${TICKS} isolated ticks, K=4, ms; idle = machine idle share over 2 s before the row`);
  console.log(
    "| N | tick over | workers | idle before floor / ours | floor p50 | floor p99 | ours p50 | ours p99 | p50 × floor | p99 × floor | ours answer p50 | join s floor / ours | join × floor | lost floor / ours | reordered ours | errors |",
  );
  console.log("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
  const figures = rows.flatMap(({ watchers, floor, ours }) =>
    ours.map((run) => ({
      watchers,
      tick_over: run.http_auth ? `${run.tick_over} (${run.http_auth})` : run.tick_over,
      workers: run.workers,
      idle_before_floor_pct: floor.idle_before_pct,
      idle_before_ours_pct: run.idle_before_pct,
      floor_p50_ms: floor.p50_ms,
      floor_p99_ms: floor.p99_ms,
      ours_p50_ms: run.p50_ms,
      ours_p99_ms: run.p99_ms,
      p50_ratio: Number((run.p50_ms / floor.p50_ms).toFixed(2)),
      p99_ratio: Number((run.p99_ms / floor.p99_ms).toFixed(2)),
      ours_answer_p50_ms: run.ack_p50_ms,
      floor_join_s: Number(floor.join_s.toFixed(2)),
      ours_join_s: run.join_s,
      join_ratio: Number((run.join_s / floor.join_s).toFixed(2)),
      floor_lost: floor.lost,
      ours_lost: run.lost,
      ours_reordered: run.reordered,
      ours_errors: run.errors,
    })),
  );
  for (const row of figures) {
    console.log(
      `| ${row.watchers} | ${row.tick_over} | ${row.workers} | ${row.idle_before_floor_pct}% / ${row.idle_before_ours_pct}% | ${fixed(row.floor_p50_ms)} | ${fixed(row.floor_p99_ms)} | ${fixed(row.ours_p50_ms)} | ${fixed(row.ours_p99_ms)} | ${fixed(row.p50_ratio, 2)} | ${fixed(row.p99_ratio, 2)} | ${fixed(row.ours_answer_p50_ms)} | ${fixed(row.floor_join_s, 2)} / ${fixed(row.ours_join_s, 2)} | ${fixed(row.join_ratio, 2)} | ${row.floor_lost} / ${row.ours_lost} | ${row.ours_reordered} | ${row.ours_errors} |`,
    );
  }
  console.log(JSON.stringify({ ticks: TICKS, cores: os.availableParallelism(), rows: figures, floor: rows.map(({ watchers, floor }) => ({ watchers, ...floor })) }));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
