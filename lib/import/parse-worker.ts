/**
 * Worker-thread entry of the import pool (parse-pool.ts): reads one upload and answers with
 * the outcome. Before it starts, it tells the pool on `started`, so the time limit counts the
 * parse and not the wait for a free worker or this module's loading.
 */
import type { MessagePort } from "node:worker_threads";
import { readUploadOutcome, type ReadUploadOutcome } from "@/lib/import/read-upload";

export interface ParseTask {
  input: string | Uint8Array;
  started: MessagePort;
}

export default function parseUploadTask({ input, started }: ParseTask): ReadUploadOutcome {
  started.postMessage("started");
  started.close();
  return readUploadOutcome(input);
}
