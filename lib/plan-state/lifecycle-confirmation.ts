import type { LifecycleAction } from "@/lib/plan-state/change-schema";
import { isSettled, type ItemStatusName } from "@/lib/plans/progress";
import { formatDuration, formatInZone } from "@/lib/time/format-time";

/**
 * What the lead is asked before an action that cannot be taken back, in words that name
 * what follows: steps left as they are, monitoring checks scheduled, a start before the
 * window. Pure, so the wording is unit-tested and the dialog only shows it.
 */
export interface ConfirmationInput {
  action: LifecycleAction;
  items: readonly { status: ItemStatusName; required: boolean; isRollback: boolean }[];
  /** Checks the plan's monitoring schedule would create when it finishes. */
  monitoringChecks: number;
  /** Checks that the rollback holds, which a finished rollback schedules (0 when the plan's setting is off). */
  rollbackChecks: number;
  /** Checks exist already (a plan finishes once; a rollback after Complete keeps them). */
  checksScheduled: boolean;
  windowStart: number | null;
  timeZone: string;
  now: number;
}

export interface Confirmation {
  title: string;
  lines: string[];
  confirmLabel: string;
  /** The action also needs a reason, asked for in the same dialog. */
  needsReason: boolean;
}

const steps = (count: number, kind = "step") => `${count} ${kind}${count === 1 ? "" : "s"}`;
const stillPending = (count: number, kind?: string) => `${steps(count, kind)} still pending will stay pending.`;

function checksLine(input: ConfirmationInput): string {
  if (input.checksScheduled) return "The monitoring checks already scheduled stay as they are.";
  if (!input.monitoringChecks) return "No monitoring checks will be scheduled.";
  return `${steps(input.monitoringChecks, "monitoring check")} will be scheduled, counted from now.`;
}

/** A finished rollback skips the release's pending checks and schedules only checks that the rollback holds. */
function rollbackChecksLine(input: ConfirmationInput): string {
  const skipped = input.checksScheduled ? "The release's pending monitoring checks will be skipped. " : "";
  if (!input.rollbackChecks) return `${skipped}No monitoring checks will be scheduled.`;
  return `${skipped}${steps(input.rollbackChecks, "check")} that the rollback holds will be scheduled, counted from now.`;
}

export function lifecycleConfirmation(input: ConfirmationInput): Confirmation | null {
  const open = (rollback: boolean) => input.items.filter((item) => item.isRollback === rollback && !isSettled(item.status)).length;
  switch (input.action) {
    case "start": {
      if (input.windowStart === null || input.now >= input.windowStart) return null;
      const opens = `${formatInZone(new Date(input.windowStart), input.timeZone, { withZone: false })} ${input.timeZone}`;
      return {
        title: "Start before the window?",
        lines: [`The window opens in ${formatDuration((input.windowStart - input.now) / 1000)} (${opens}). Start now?`, "The plan's times will count from now."],
        confirmLabel: "Start now",
        needsReason: false,
      };
    }
    case "complete": {
      // With required steps open the server refuses and lists them; asking first would only delay that.
      if (input.items.some((item) => item.required && !item.isRollback && !isSettled(item.status))) return null;
      const pending = open(false);
      return {
        title: "Complete the plan?",
        lines: [pending ? stillPending(pending) : "Every step is settled.", checksLine(input), "After that the steps can no longer change."],
        confirmLabel: "Complete the plan",
        needsReason: false,
      };
    }
    case "finish-rollback": {
      const pending = open(true);
      return {
        title: "Finish the rollback?",
        lines: [pending ? stillPending(pending, "rollback step") : "Every rollback step is settled.", "The plan ends as Rolled back; its steps can no longer change.", rollbackChecksLine(input)],
        confirmLabel: "Finish rollback",
        needsReason: false,
      };
    }
    case "abort": {
      const pending = open(false);
      return {
        title: "Abort the plan?",
        lines: [
          pending ? `${steps(pending)} not done will stay as they are.` : "Every step is settled.",
          "The plan ends as Aborted; its steps can no longer change. No monitoring checks will be scheduled.",
        ],
        confirmLabel: "Abort the plan",
        needsReason: true,
      };
    }
    default:
      return null;
  }
}
