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

export interface ProgressSection {
  isRollback: boolean;
  items: readonly { id: string; text: string; required: boolean }[];
}

/** Plan statuses in which the rollback procedure is (or was) being run. */
const ROLLBACK_STATUSES: ReadonlySet<string> = new Set(["ROLLING_BACK", "ROLLED_BACK"]);

export interface RunProgress {
  /** The deployment itself: every section except the rollback procedure. */
  deployment: Progress;
  /** The rollback procedure's own progress while it runs or after it ran; null otherwise. */
  rollback: Progress | null;
  /** Failed items, named, in plan order; rollback steps only when the rollback is in play. */
  failedItems: { id: string; text: string }[];
}

/**
 * Progress as people read it: the rollback procedure is there for when things go wrong, so
 * a clean run that never needed it is complete at 100%. Once the plan rolls back, the
 * procedure gets its own progress beside the deployment's.
 */
export function runProgressOf(sections: readonly ProgressSection[], statusOf: (itemId: string) => ItemStatusName, planStatus: string): RunProgress {
  const rollbackInPlay = ROLLBACK_STATUSES.has(planStatus);
  const itemsOf = (rollback: boolean) => sections.filter((section) => section.isRollback === rollback).flatMap((section) => section.items);
  const counted = (items: readonly { id: string; required: boolean }[]) => progressOf(items.map((item) => ({ required: item.required, status: statusOf(item.id) })));
  const inPlay = rollbackInPlay ? [...itemsOf(false), ...itemsOf(true)] : itemsOf(false);
  return {
    deployment: counted(itemsOf(false)),
    rollback: rollbackInPlay ? counted(itemsOf(true)) : null,
    failedItems: inPlay.filter((item) => statusOf(item.id) === "FAILED").map((item) => ({ id: item.id, text: item.text })),
  };
}
