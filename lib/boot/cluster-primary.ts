import cluster, { type Worker } from "node:cluster";
import type { Shutdown } from "@/lib/boot/shutdown";
import { keepWorkerRateLimits } from "@/lib/limits/memory-rate-limiter";

/**
 * The primary of a cluster of app workers (WEB_CONCURRENCY > 1, see server.ts): it has already
 * picked the database, applied the migrations and loaded demo data, once; here it starts the
 * workers, restarts one that dies, and on shutdown stops them before the database goes.
 *
 * Connections are spread by Node's cluster module (round-robin in the primary, which passes
 * each new connection to a worker without reading it). Everything that must hold across
 * workers already holds across app instances: broadcasts, presence, evictions and share-link
 * revocations travel over the cluster adapter (lib/realtime/cluster-adapter.ts), and
 * socket.io's polling requests reach the worker that owns their session
 * (lib/realtime/worker-sessions.ts).
 */

/** A message a worker sends when it serves requests. */
export const WORKER_READY = "preflight:worker-ready";
/** How long after a crash a worker is started again, so a worker that cannot start does not spin. */
const RESTART_DELAY_MS = 1_000;
/** How long a worker may take to stop before it is killed. */
const STOP_TIMEOUT_MS = 20_000;

export async function runWorkers(options: {
  count: number;
  env: Record<string, string>;
  log: (line: string) => void;
  shutdown: Shutdown;
  /** Cleans up after a worker that has ended, however it ended. */
  afterExit?: (workerId: number) => void;
}): Promise<void> {
  const { count, env, log, shutdown, afterExit } = options;
  let stopping = false;
  const start = () => cluster.fork(env);
  const readyWorkers = new Set<number>();
  let allStarted = false;
  let failStart: (error: Error) => void = () => {};
  // Rate limits are counted here for all workers, so they hold whichever worker a request reaches.
  keepWorkerRateLimits();

  cluster.on("exit", (worker: Worker, code: number | null, signal: string | null) => {
    afterExit?.(worker.id);
    if (stopping || shutdown.started) return;
    // At start-up, one that never served failed to start (a port in use, a bad setting): another would too.
    if (!allStarted && !readyWorkers.has(worker.id)) return failStart(new Error(`app worker ${worker.id} ended while starting (${signal ?? `exit code ${code}`}); see its message above`));
    log(`worker ${worker.id} (pid ${worker.process.pid}) ended (${signal ?? `exit code ${code}`}); starting another`);
    setTimeout(() => {
      if (!stopping && !shutdown.started) start();
    }, RESTART_DELAY_MS);
  });

  shutdown.add("http", "app workers", async () => {
    stopping = true;
    const running = Object.values(cluster.workers ?? {}).filter((worker): worker is Worker => worker !== undefined && !worker.isDead());
    await Promise.all(
      running.map(
        (worker) =>
          new Promise<void>((resolve) => {
            const timer = setTimeout(() => worker.process.kill("SIGKILL"), STOP_TIMEOUT_MS);
            worker.once("exit", () => {
              clearTimeout(timer);
              resolve();
            });
            // Each worker runs its own ordered shutdown (server.ts); on Ctrl-C it has the signal already.
            worker.process.kill("SIGTERM");
          }),
      ),
    );
  });

  const ready = new Promise<void>((resolve, reject) => {
    failStart = reject;
    cluster.on("message", (worker: Worker, message: unknown) => {
      if ((message as { type?: string } | null)?.type !== WORKER_READY) return;
      readyWorkers.add(worker.id);
      if (readyWorkers.size === count) resolve();
    });
  });
  for (let index = 0; index < count; index++) start();
  try {
    await ready;
    allStarted = true;
  } catch (error) {
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill("SIGTERM");
    throw error;
  }
}

/** Tells the primary that this worker serves requests (nothing when not a cluster worker). */
export function reportWorkerReady(): void {
  if (cluster.isWorker) process.send?.({ type: WORKER_READY });
}
