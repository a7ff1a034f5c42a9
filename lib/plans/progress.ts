/**
 * Progress of a plan or section: required items are what "complete" depends on, optional ones
 * are counted apart. An item is settled when it is done, skipped or not applicable; a failed
 * item is not settled until someone resolves it.
 */
export type ItemStatusName = "PENDING" | "DONE" | "SKIPPED" | "FAILED" | "NOT_APPLICABLE";

export interface ProgressItem {
  status: ItemStatusName;
  required: boolean;
}

export interface Progress {
  required: { settled: number; total: number };
  optional: { settled: number; total: number };
  failed: number;
  /** Whole percent of required items settled; 100 when there are none. */
  percent: number;
}

const SETTLED: ReadonlySet<ItemStatusName> = new Set(["DONE", "SKIPPED", "NOT_APPLICABLE"]);

export function isSettled(status: ItemStatusName): boolean {
  return SETTLED.has(status);
}

export function progressOf(items: readonly ProgressItem[]): Progress {
  const progress: Progress = { required: { settled: 0, total: 0 }, optional: { settled: 0, total: 0 }, failed: 0, percent: 100 };
  for (const item of items) {
    const bucket = item.required ? progress.required : progress.optional;
    bucket.total += 1;
    if (isSettled(item.status)) bucket.settled += 1;
    if (item.status === "FAILED") progress.failed += 1;
  }
  if (progress.required.total) progress.percent = Math.floor((progress.required.settled / progress.required.total) * 100);
  return progress;
}
