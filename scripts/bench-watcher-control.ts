/**
 * The parent side of scripts/bench-live-watchers.ts for scripts/bench-live.ts and
 * scripts/bench-public-client.ts: forks the K watcher processes, says when all of them have
 * joined, waits until every watcher has a given seq, and collects what they recorded.
 */
import { fork, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { now, sleep } from "./bench-figures";
import type { ChildMessage, ParentMessage, WatcherCounts, WatcherGroup, WatcherResult } from "./bench-live-watchers";

const WATCHER_SOURCE = path.join(path.dirname(fileURLToPath(import.meta.url)), "bench-live-watchers.ts");

/**
 * The watcher script as plain JavaScript, so that its processes start as floor-bench's do (plain
 * `node`, no tsx loader): the join time includes starting them, and under load tsx's start-up
 * alone took seconds. Written under node_modules/.cache, from where `socket.io-client` resolves.
 */
export function compiledWatcherScript(root: string): string {
  const target = path.join(root, "node_modules", ".cache", "preflight-bench", "bench-live-watchers.mjs");
  const { outputText } = ts.transpileModule(readFileSync(WATCHER_SOURCE, "utf8"), {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: false },
    fileName: WATCHER_SOURCE,
  });
  if (!existsSync(target) || readFileSync(target, "utf8") !== outputText) {
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, outputText);
  }
  return target;
}

export type WatcherReady = Extract<ChildMessage, { type: "ready" }>;

export interface WatcherSet {
  pids: number[];
  /** Resolves once every watcher of every process has joined. */
  ready: Promise<WatcherReady[]>;
  mark(): void;
  gotAll(seq: number, timeoutMs: number): Promise<boolean>;
  counts(): Promise<WatcherCounts[]>;
  collect(): Promise<WatcherResult[]>;
  stop(): Promise<void>;
}

/**
 * One child process per entry of `perProcess` running `options.script` (compiledWatcherScript's
 * file, run by plain `node`; or the .ts source with `execArgv: ["--import", "tsx"]`); `track` is
 * the plan whose events are timed (none: only counted).
 */
export function startWatcherSet(
  perProcess: WatcherGroup[][],
  track: string | undefined,
  options: { script: string; cwd: string; readyTimeoutMs: number; batch: number; execArgv?: string[]; onChild?: (child: ChildProcess) => void },
): WatcherSet {
  const kids = perProcess
    .filter((groups) => groups.some((group) => group.count > 0))
    .map((groups) => {
      const kid = fork(options.script, [], { cwd: options.cwd, execArgv: options.execArgv ?? [], stdio: ["ignore", "inherit", "inherit", "ipc"] });
      options.onChild?.(kid);
      kid.send({ type: "start", groups: groups.filter((group) => group.count > 0), trackPlanId: track, batch: options.batch } satisfies ParentMessage);
      return kid;
    });
  const ask = <T extends ChildMessage>(kid: ChildProcess, reply: T["type"], message?: ParentMessage, timeoutMs = 60_000) =>
    new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => done(new Error(`watcher process ${kid.pid}: no ${reply} in ${Math.round(timeoutMs / 1000)} s`)), timeoutMs);
      const onMessage = (answer: ChildMessage) => {
        if (answer.type === reply) done(undefined, answer as T);
        else if (answer.type === "error") done(new Error(`watcher process ${kid.pid}: ${answer.message}`));
      };
      const onExit = (code: number | null) => done(new Error(`watcher process ${kid.pid} exited (${code})`));
      function done(error?: Error, answer?: T) {
        clearTimeout(timer);
        kid.off("message", onMessage);
        kid.off("exit", onExit);
        if (error) reject(error);
        else resolve(answer!);
      }
      kid.on("message", onMessage);
      kid.once("exit", onExit);
      if (message) kid.send(message);
    });
  const got = new Map<number, number>();
  const waiters = new Map<number, () => void>();
  for (const kid of kids) {
    kid.on("message", (message: ChildMessage) => {
      if (message.type !== "got") return;
      const count = (got.get(message.seq) ?? 0) + 1;
      got.set(message.seq, count);
      if (count === kids.length) waiters.get(message.seq)?.();
    });
  }
  return {
    pids: kids.map((kid) => kid.pid!),
    ready: Promise.all(kids.map((kid) => ask<WatcherReady>(kid, "ready", undefined, options.readyTimeoutMs))),
    mark: () => {
      got.clear();
      for (const kid of kids) kid.send({ type: "mark" } satisfies ParentMessage);
    },
    gotAll: (seq, timeoutMs) =>
      new Promise<boolean>((resolve) => {
        if (got.get(seq) === kids.length) return resolve(true);
        const timer = setTimeout(() => {
          waiters.delete(seq);
          resolve(false);
        }, timeoutMs);
        waiters.set(seq, () => {
          clearTimeout(timer);
          waiters.delete(seq);
          resolve(true);
        });
      }),
    counts: () => Promise.all(kids.map((kid) => ask<WatcherCounts>(kid, "count", { type: "count" }))),
    collect: () => Promise.all(kids.map((kid) => ask<WatcherResult>(kid, "result", { type: "collect" }))),
    stop: () =>
      Promise.all(
        kids.map(
          (kid) =>
            new Promise<void>((resolve) => {
              if (kid.exitCode !== null || kid.signalCode !== null) return resolve();
              const timer = setTimeout(() => kid.kill("SIGKILL"), 5_000);
              kid.once("exit", () => {
                clearTimeout(timer);
                resolve();
              });
              kid.send({ type: "stop" } satisfies ParentMessage);
            }),
        ),
      ).then(() => {}),
  };
}

/** Waits until the watchers stop receiving anything (the presence broadcasts of the join storm have drained). */
export async function settle(watchers: WatcherSet, timeoutMs: number): Promise<{ presence: number; disconnects: number; settleMs: number }> {
  const started = now();
  let last = "";
  let stableSince = now();
  let counts: WatcherCounts[] = [];
  while (now() - started < timeoutMs) {
    counts = await watchers.counts();
    const key = counts.map((c) => `${c.presence}/${c.received}`).join(",");
    if (key !== last) {
      last = key;
      stableSince = now();
    } else if (now() - stableSince >= 1500) break;
    await sleep(250);
  }
  return {
    presence: counts.reduce((sum, c) => sum + c.presence, 0),
    disconnects: counts.reduce((sum, c) => sum + c.disconnects, 0),
    settleMs: Math.max(0, stableSince - started),
  };
}

/** Waits (up to 15 s, looking every `pollMs`) until the watchers have received `expected` events in all. */
export async function waitForReceived(watchers: WatcherSet, expected: number, pollMs: number): Promise<void> {
  for (const deadline = now() + 15_000; now() < deadline; await sleep(pollMs)) {
    if ((await watchers.counts()).reduce((sum, c) => sum + c.received, 0) >= expected) break;
  }
}
