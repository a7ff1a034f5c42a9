import { isSettled, type ItemStatusName } from "@/lib/plans/progress";
import { describeBlockers, type Blocker } from "@/lib/planning/dependency-graph";

/** A step the ticked one waits for, as the tick path reads it under the plan lock. */
export interface Predecessor {
  itemId: string;
  text: string;
  status: ItemStatusName;
}

export type TickDecision =
  | { ok: true; override?: { reason: string; blockers: Blocker[] } }
  | { ok: false; code: "conflict" | "forbidden"; message: string; blockers: Blocker[] };

/**
 * Whether a step may take a new status while steps it waits for are open.
 *
 * Only Done is held back: it says the step was carried out, which the order forbids. Skipped
 * and N/A say it will not be carried out, which is no breach of the order, so whoever may tick
 * may record them. Failed is allowed too: it records what really happened (someone ran the
 * step and it went wrong); refusing it would lose that from the trail. Back to pending is
 * always allowed. A lead may tick Done over open predecessors with a reason, which the event
 * records with the blockers passed over.
 */
export function decideTickAgainstDependencies(input: {
  status: ItemStatusName;
  predecessors: readonly Predecessor[];
  override?: { reason: string };
  mayOverride: boolean;
}): TickDecision {
  if (input.status !== "DONE") return { ok: true };
  const blockers = input.predecessors.filter((predecessor) => !isSettled(predecessor.status)).map(({ itemId, text }) => ({ itemId, text }));
  if (!blockers.length) return { ok: true };
  if (!input.override) return { ok: false, code: "conflict", message: `${describeBlockers(blockers)}. Settle ${blockers.length === 1 ? "it" : "them"} first, or ask the lead to override.`, blockers };
  if (!input.mayOverride) return { ok: false, code: "forbidden", message: "Only the lead can tick a step done before the steps it waits for.", blockers };
  return { ok: true, override: { reason: input.override.reason, blockers } };
}
