import type { LifecycleAction } from "@/lib/plan-state/change-schema";
import { isSettled, type ItemStatusName } from "@/lib/plans/progress";

/**
 * Plan status transitions: draft → scheduled → in progress → complete, partial or aborted;
 * in progress → rolling back → rolled back. Pure, so every rule is unit-tested.
 */
export type PlanStatusName = "DRAFT" | "SCHEDULED" | "IN_PROGRESS" | "ROLLING_BACK" | "COMPLETE" | "PARTIAL" | "ROLLED_BACK" | "ABORTED";

export const FINISHED_STATUSES: ReadonlySet<PlanStatusName> = new Set(["COMPLETE", "PARTIAL", "ROLLED_BACK", "ABORTED"]);

const TRANSITIONS: Record<LifecycleAction, { from: PlanStatusName[]; to: PlanStatusName }> = {
  schedule: { from: ["DRAFT"], to: "SCHEDULED" },
  start: { from: ["DRAFT", "SCHEDULED"], to: "IN_PROGRESS" },
  complete: { from: ["IN_PROGRESS"], to: "COMPLETE" },
  "finish-partial": { from: ["IN_PROGRESS"], to: "PARTIAL" },
  abort: { from: ["DRAFT", "SCHEDULED", "IN_PROGRESS"], to: "ABORTED" },
  "trigger-rollback": { from: ["IN_PROGRESS", "COMPLETE", "PARTIAL"], to: "ROLLING_BACK" },
  "finish-rollback": { from: ["ROLLING_BACK"], to: "ROLLED_BACK" },
};

export interface LifecycleItem {
  id: string;
  text: string;
  required: boolean;
  status: ItemStatusName;
  isRollback: boolean;
}

export type TransitionResult =
  | { ok: true; to: PlanStatusName }
  | { ok: false; reason: "not-allowed"; message: string }
  | { ok: false; reason: "items-open"; message: string; openItems: { id: string; text: string }[] };

const LABEL: Record<PlanStatusName, string> = {
  DRAFT: "a draft",
  SCHEDULED: "scheduled",
  IN_PROGRESS: "in progress",
  ROLLING_BACK: "rolling back",
  COMPLETE: "complete",
  PARTIAL: "finished as partial",
  ROLLED_BACK: "rolled back",
  ABORTED: "aborted",
};

export function planTransition(from: PlanStatusName, action: LifecycleAction, items: readonly LifecycleItem[]): TransitionResult {
  const rule = TRANSITIONS[action];
  if (!rule.from.includes(from)) {
    return { ok: false, reason: "not-allowed", message: `This plan is ${LABEL[from]}; it cannot ${action.replace("-", " ")} now.` };
  }
  if (action === "complete") {
    // The rollback procedure is only run when rolling back; it never holds up completion.
    const openItems = items.filter((item) => item.required && !item.isRollback && !isSettled(item.status));
    if (openItems.length) {
      return {
        ok: false,
        reason: "items-open",
        message: `${openItems.length} required item${openItems.length === 1 ? " is" : "s are"} not done yet.`,
        openItems: openItems.map(({ id, text }) => ({ id, text })),
      };
    }
  }
  return { ok: true, to: rule.to };
}

/** Items can change while a plan is being prepared or run, not after it finished. */
export function itemsMayChange(status: PlanStatusName): boolean {
  return !FINISHED_STATUSES.has(status);
}

/** Every status a plan in `from` can still reach through any sequence of lifecycle actions (not `from` itself unless a loop leads back). */
export function reachableStatuses(from: PlanStatusName): Set<PlanStatusName> {
  const reached = new Set<PlanStatusName>();
  const queue: PlanStatusName[] = [from];
  while (queue.length) {
    const status = queue.shift()!;
    for (const rule of Object.values(TRANSITIONS)) {
      if (rule.from.includes(status) && !reached.has(rule.to)) {
        reached.add(rule.to);
        queue.push(rule.to);
      }
    }
  }
  return reached;
}
