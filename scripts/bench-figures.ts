/**
 * Clock and statistics shared by scripts/bench-live.ts and scripts/bench-public-client.ts, as
 * floor-bench's lib.mjs (/work/shared/floor-bench): process.hrtime (CLOCK_MONOTONIC, one clock for
 * every process) and nearest-rank percentiles; and the per-tick figures both take from what the
 * watcher processes (scripts/bench-live-watchers.ts) recorded.
 */
import type { WatcherResult } from "./bench-live-watchers";

export const now = () => Number(process.hrtime.bigint()) / 1e6;
export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Nearest-rank percentile, as floor-bench's lib.mjs. */
export function pct(values: number[], p: number): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}
export const summarize = (values: number[]) => ({ p50: pct(values, 50), p95: pct(values, 95), p99: pct(values, 99), max: pct(values, 100) });
export type Summary = ReturnType<typeof summarize>;

/** One measured tick as the driver saw it: its seq, t0 (just before sending) and when the answer came. */
export interface Send {
  seq: number;
  t0: number;
  tAck: number;
}

/**
 * For each measured tick: the time to the LAST and to the FIRST watcher that received it (receive
 * time − t0), and how many receipts of the measured seqs there were in all (for `lost`).
 */
export function tickLatencies(sends: Send[], results: WatcherResult[]): { last: number[]; first: number[]; receivedMeasured: number } {
  const bySeq = new Map<number, [number, number, number]>();
  for (const result of results) {
    for (const [seq, count, first, last] of result.ticks) {
      const entry = bySeq.get(seq);
      if (entry) {
        entry[0] += count;
        entry[1] = Math.min(entry[1], first);
        entry[2] = Math.max(entry[2], last);
      } else bySeq.set(seq, [count, first, last]);
    }
  }
  const last: number[] = [];
  const first: number[] = [];
  let receivedMeasured = 0;
  for (const send of sends) {
    const entry = bySeq.get(send.seq);
    if (!entry) continue;
    receivedMeasured += entry[0];
    last.push(entry[2] - send.t0);
    first.push(entry[1] - send.t0);
  }
  return { last, first, receivedMeasured };
}
