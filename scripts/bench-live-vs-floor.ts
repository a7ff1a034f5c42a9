/**
 * `npm run bench:live:floor`: Preflight's live path against this machine's physical floor,
 * back to back in one run, because the shared machine is too noisy to compare figures taken
 * at different times. A benchmark, not a test: it prints figures and asserts nothing.
 *
 * For each watcher count N it runs, one right after the other:
 *   1. ../shared/floor-bench (a bare HTTP handler that commits one INSERT and emits with
 *      socket.io; variant `db`, isolated ticks), copied to a temporary folder because shared/
 *      is read-only in CI;
 *   2. `npm run bench:live` with one app process, then with two (postgres adapter).
 * It then prints one table with the ratios the live-checklist issue sets as targets
 * (p50 and p99 within 1.15× of the floor, cross-process adding at most 10 ms at p99) and,
 * as its last line, one JSON object with every figure.
 *
 *   DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres npm run bench:live:floor -- --watchers 100,1000,5000
 *
 * Needs a local PostgreSQL on 127.0.0.1:5432 (floor-bench's default; PGHOST/PGPORT/PGUSER
 * override it) and a production build (`npm run build`). Flags: --watchers [100,1000,5000],
 * --ticks [200], any other flag is passed to bench:live.
 */
import { spawn } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const floorSource = path.resolve(root, "../shared/floor-bench");
const floorCopy = path.join(os.tmpdir(), "preflight-floor-bench");

const argv = process.argv.slice(2);
const take = (name: string, fallback: string): string => {
  const index = argv.indexOf(`--${name}`);
  if (index < 0) return fallback;
  const [, value] = argv.splice(index, 2);
  return value ?? fallback;
};
const WATCHERS = take("watchers", "100,1000,5000").split(",").map(Number);
const TICKS = Number(take("ticks", "200"));
const passThrough = argv;

interface Figures {
  p50_ms: number;
  p95_ms: number;
  p99_ms: number;
  lost: number;
  reordered?: number;
  ticks_per_s?: number;
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

async function prepareFloorBench(): Promise<void> {
  if (!existsSync(floorSource)) throw new Error(`floor-bench not found at ${floorSource}`);
  mkdirSync(floorCopy, { recursive: true });
  cpSync(floorSource, floorCopy, { recursive: true, filter: (source) => !/node_modules|results/.test(path.relative(floorSource, source)) });
  if (!existsSync(path.join(floorCopy, "node_modules"))) await run("npm", ["install", "--no-audit", "--no-fund"], { cwd: floorCopy });
}

/** One floor-bench run at N watchers; its figures come from the results file it writes. */
async function floorAt(watchers: number): Promise<Figures> {
  const resultsDir = path.join(floorCopy, "results");
  const before = new Set(existsSync(resultsDir) ? readdirSync(resultsDir) : []);
  await run("node", ["run.mjs"], {
    cwd: floorCopy,
    env: { NS: String(watchers), VARIANTS: "db", PACINGS: "isolated", REPS: "1", COMMIT_ROUNDS: "0", TICKS: String(TICKS), TAG: "preflight" },
  });
  const file = readdirSync(resultsDir).find((name) => !before.has(name));
  if (!file) throw new Error("floor-bench wrote no results file");
  const result = JSON.parse(readFileSync(path.join(resultsDir, file), "utf8")) as {
    runs: { phases: { pacing: string; lat: { p50: number; p95: number; p99: number }; lost: number }[] }[];
  };
  const phase = result.runs[0]!.phases.find((candidate) => candidate.pacing === "isolated")!;
  return { p50_ms: phase.lat.p50, p95_ms: phase.lat.p95, p99_ms: phase.lat.p99, lost: phase.lost };
}

/** One bench:live run; its figures are the JSON object on its last line. */
async function preflightAt(watchers: number, processes: number): Promise<Figures> {
  const output = await run("node_modules/.bin/tsx", ["scripts/bench-live.ts", "--watchers", String(watchers), "--processes", String(processes), "--ticks", String(TICKS), ...passThrough], { cwd: root });
  const last = output.trim().split("\n").at(-1)!;
  return JSON.parse(last) as Figures;
}

const fixed = (value: number, digits = 1) => value.toFixed(digits);

async function main() {
  await prepareFloorBench();
  const rows: { watchers: number; floor: Figures; single: Figures; double: Figures }[] = [];
  for (const watchers of WATCHERS) {
    const floor = await floorAt(watchers);
    const single = await preflightAt(watchers, 1);
    const double = await preflightAt(watchers, 2);
    rows.push({ watchers, floor, single, double });
  }

  console.log("\nPreflight against the floor, back to back (tick → last watcher, isolated ticks, ms)");
  console.log("| N | floor p50 | floor p99 | Preflight p50 | Preflight p99 | p50 × floor | p99 × floor | 2 processes p99 | cross-process Δp99 | lost | reordered | ticks/s (50 plans) |");
  console.log("|---|---|---|---|---|---|---|---|---|---|---|---|");
  for (const { watchers, floor, single, double } of rows) {
    console.log(
      `| ${watchers} | ${fixed(floor.p50_ms)} | ${fixed(floor.p99_ms)} | ${fixed(single.p50_ms)} | ${fixed(single.p99_ms)} | ${fixed(single.p50_ms / floor.p50_ms, 2)} | ${fixed(single.p99_ms / floor.p99_ms, 2)} | ${fixed(double.p99_ms)} | ${fixed(double.p99_ms - single.p99_ms)} | ${single.lost + double.lost} | ${(single.reordered ?? 0) + (double.reordered ?? 0)} | ${fixed(single.ticks_per_s ?? 0)} |`,
    );
  }
  console.log(JSON.stringify({ ticks: TICKS, rows }));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
