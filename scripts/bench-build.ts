/**
 * The benchmarks run the production build (`npm start` serves `.next`), so they make sure there is
 * a current one first instead of failing with Next's "Could not find a production build".
 *
 * Staleness rule: the build is current when `.next/BUILD_ID` exists and is newer than every file
 * that goes into the build: app/, components/, lib/ and public/ (tests excluded: they are not
 * built), plus the files that configure it (next.config.*, package-lock.json, tsconfig.json,
 * prisma/schema.prisma). It compares modification times only, so it costs one
 * `stat` per source file (a few milliseconds), and it errs on the safe side: touching a file
 * rebuilds. server.ts is not part of it: `node --import tsx server.ts` runs it from source.
 */
import { spawn } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const BUILT_DIRECTORIES = ["app", "components", "lib", "public"];
// package.json alone is left out: its scripts do not change the build, and its dependencies do so through the lock file.
const BUILT_FILES = ["next.config.js", "next.config.mjs", "next.config.ts", "package-lock.json", "tsconfig.json", "prisma/schema.prisma"];
const NOT_BUILT = /(\.test\.tsx?|\.integration\.test\.tsx?|\.d\.ts)$/;

/** The newest modification time (ms) among the files that go into the build, and which file it is. */
export function newestSource(root: string): { file: string; mtimeMs: number } {
  let newest = { file: "", mtimeMs: 0 };
  const consider = (file: string) => {
    const { mtimeMs } = statSync(file);
    if (mtimeMs > newest.mtimeMs) newest = { file: path.relative(root, file), mtimeMs };
  };
  for (const file of BUILT_FILES) if (existsSync(path.join(root, file))) consider(path.join(root, file));
  for (const directory of BUILT_DIRECTORIES) {
    const base = path.join(root, directory);
    if (!existsSync(base)) continue;
    for (const entry of readdirSync(base, { recursive: true, withFileTypes: true })) {
      // lib/generated is written by `prisma generate` (postinstall), which does not change the app.
      if (!entry.isFile() || NOT_BUILT.test(entry.name)) continue;
      const file = path.join(entry.parentPath, entry.name);
      if (!file.includes(`${path.sep}generated${path.sep}`)) consider(file);
    }
  }
  return newest;
}

/** Why the build must be made again, or null when it is current. */
export function staleBuildReason(root: string): string | null {
  const buildId = path.join(root, ".next", "BUILD_ID");
  if (!existsSync(buildId)) return "there is no production build (.next/BUILD_ID is missing)";
  const builtAt = statSync(buildId).mtimeMs;
  const newest = newestSource(root);
  return newest.mtimeMs > builtAt ? `${newest.file} changed after the last build` : null;
}

/** Runs `npm run build` when the build is missing or stale; resolves once there is a current one. */
export async function ensureProductionBuild(root: string, log: (line: string) => void): Promise<void> {
  const reason = staleBuildReason(root);
  if (!reason) return;
  log(`${reason}: running npm run build (once; later runs reuse it)`);
  const started = Date.now();
  await new Promise<void>((resolve, reject) => {
    const child = spawn("npm", ["run", "build"], { cwd: root, stdio: ["ignore", "inherit", "inherit"], env: { ...process.env, NODE_ENV: "production" } });
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`npm run build exited with ${code}`))));
  });
  log(`built in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}
