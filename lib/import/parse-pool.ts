import path from "node:path";
import { MessageChannel } from "node:worker_threads";
import { Piscina } from "piscina";
import { settings } from "@/lib/env";
import { ImportError, TOO_SLOW_MESSAGE } from "@/lib/import/import-error";
import type { ReadUpload, ReadUploadOutcome } from "@/lib/import/read-upload";
import type { ParseTask } from "@/lib/import/parse-worker";

/**
 * Imports are parsed in worker threads, never on the event loop that serves every live plan:
 * whatever a document costs to read, ticks and broadcasts go on. Each parse has a hard time
 * limit (IMPORT_PARSE_TIMEOUT_MS); past it the worker is terminated (Piscina replaces it) and
 * the upload is refused with ImportError "too_slow", a 422 for the person who sent it.
 *
 * The worker is the TypeScript file itself, found from the working directory (the app, the
 * CLI and the tests all run from the repository root; a path relative to this module would
 * point into Next's bundle instead) and loaded through tsx, as everything else here is.
 */
export const PARSE_WORKER_FILE = path.join(process.cwd(), "lib", "import", "parse-worker.ts");

let pool: Piscina<ParseTask, ReadUploadOutcome> | undefined;

function parsePool(): Piscina<ParseTask, ReadUploadOutcome> {
  pool ??= new Piscina<ParseTask, ReadUploadOutcome>({
    filename: PARSE_WORKER_FILE,
    execArgv: ["--import", "tsx"],
    // Imports are occasional: one worker stays ready once the first import came, two at most.
    minThreads: 1,
    maxThreads: 2,
    idleTimeout: 60_000,
    // One parse per worker at a time, so a slow one only ever holds its own worker.
    concurrentTasksPerWorker: 1,
  });
  return pool;
}

/** The parse of an upload, read in a worker thread within the time limit. */
export async function readUploadOffThread(input: string | Uint8Array, options: { timeoutMs?: number } = {}): Promise<ReadUpload> {
  const timeoutMs = options.timeoutMs ?? settings().IMPORT_PARSE_TIMEOUT_MS;
  const controller = new AbortController();
  const { port1: started, port2: startedInWorker } = new MessageChannel();
  let timer: NodeJS.Timeout | undefined;
  started.once("message", () => {
    timer = setTimeout(() => controller.abort(), timeoutMs);
  });
  try {
    const outcome = await parsePool().run({ input, started: startedInWorker }, { transferList: [startedInWorker], signal: controller.signal });
    if (!outcome.ok) throw new ImportError(outcome.code, outcome.message);
    return outcome.upload;
  } catch (error) {
    if (controller.signal.aborted) throw new ImportError("too_slow", TOO_SLOW_MESSAGE);
    throw error;
  } finally {
    clearTimeout(timer);
    started.close();
  }
}

/** Stops the workers (tests, the CLI and shutdown); the next import starts a new pool. */
export async function closeParsePool(): Promise<void> {
  const closing = pool;
  pool = undefined;
  await closing?.destroy();
}
