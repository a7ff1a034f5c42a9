import { reachableStatuses, type PlanStatusName } from "@/lib/plan-state/lifecycle";
import type { PlanRunStatus, RunStatusGate } from "@/lib/plans/plan-run-status-shape";

/**
 * What `preflight wait` decides from one look at the plan. Pure: the command only fetches
 * the summary again when the plan's events move on, and asks this.
 *
 * A gate holds when it is satisfied (every title signed, and for a Go/No-Go gate a fresh
 * GO); it is refused when a title rejected it or the decision is NO-GO. DEFER keeps waiting.
 * A status holds when the plan is in it, and is refused once the plan can no longer get there.
 */
export type WaitUntil = { gateId: string } | { status: PlanStatusName };

export type WaitVerdict = { outcome: "holds"; message: string } | { outcome: "refused"; message: string } | { outcome: "pending"; message: string };

export function judgeWait(summary: Pick<PlanRunStatus, "status" | "gates">, until: WaitUntil): WaitVerdict {
  if ("status" in until) {
    if (summary.status === until.status) return { outcome: "holds", message: `The plan is ${label(until.status)}.` };
    if (!reachableStatuses(summary.status).has(until.status)) {
      return { outcome: "refused", message: `The plan is ${label(summary.status)}; it can no longer become ${label(until.status)}.` };
    }
    return { outcome: "pending", message: `The plan is ${label(summary.status)}; waiting for ${label(until.status)}.` };
  }
  const gate = summary.gates.find((entry) => entry.id === until.gateId);
  if (!gate) return { outcome: "refused", message: "The gate is no longer part of the plan." };
  return judgeGate(gate);
}

function judgeGate(gate: RunStatusGate): WaitVerdict {
  const decision = gate.decision && !gate.decision.stale ? gate.decision : null;
  if (gate.state === "satisfied") {
    return { outcome: "holds", message: decision ? `${gate.title}: GO by ${decision.by}.` : `${gate.title} is signed off.` };
  }
  if (gate.state === "rejected") {
    if (decision?.decision === "NO_GO") return { outcome: "refused", message: `${gate.title}: NO-GO by ${decision.by}${decision.rationale ? ` — ${decision.rationale}` : ""}.` };
    const rejection = gate.rejections[0];
    return {
      outcome: "refused",
      message: rejection ? `${gate.title}: rejected by ${rejection.by} (${rejection.title})${rejection.reason ? ` — ${rejection.reason}` : ""}.` : `${gate.title} was rejected.`,
    };
  }
  const open = gate.roles.filter((role) => role.state !== "signed").map((role) => role.title);
  const waitingFor = [...(gate.kind === "GO_NO_GO" && decision?.decision !== "GO" ? [decision?.decision === "DEFER" ? "a decision (deferred)" : "the Go/No-Go decision"] : []), ...open];
  return { outcome: "pending", message: `${gate.title}: waiting for ${waitingFor.length ? waitingFor.join(", ") : "the steps it requires"}.` };
}

const label = (status: PlanStatusName) => status.toLowerCase().split("_").join(" ");
