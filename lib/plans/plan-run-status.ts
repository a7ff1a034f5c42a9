import { AppError } from "@/lib/errors";
import { getPlanForUser } from "@/lib/plans/get-plan";
import type { PlanRunStatus } from "@/lib/plans/plan-run-status-shape";
import { isSettled } from "@/lib/plans/progress";
import { loadLiveState } from "@/lib/plan-state/read-plan-state";
import { gateStructureOf, liveGateStatuses } from "@/lib/signoffs/live-gates";

/**
 * Where a plan's run stands, for `GET /api/plans/:id/status` and the `preflight` CLI: its
 * status, its steps with their text, status and version (what a tick sends back), and each
 * gate's state with the decision in force, computed by the same rules as the plan's page.
 */
export async function loadPlanRunStatus(planId: string, user: { id: string; role: "ADMIN" | "MEMBER" }): Promise<PlanRunStatus> {
  const plan = await getPlanForUser(planId, user);
  const state = await loadLiveState(planId);
  if (!state) throw new AppError("not_found", "This plan does not exist, or you cannot see it.");
  const sectionTitle = new Map(plan.sections.map((section) => [section.id, section.title]));
  const rollbackSections = new Set(plan.sections.filter((section) => section.isRollback).map((section) => section.id));
  const items = plan.items.map((row) => {
    const live = state.items[row.id];
    const check = row.httpCheck as { method?: string; url?: string } | null;
    return {
      id: row.id,
      text: row.text,
      section: sectionTitle.get(row.sectionId) ?? "",
      status: live?.status ?? row.status,
      version: live?.version ?? row.version,
      required: row.required,
      rollback: rollbackSections.has(row.sectionId),
      check: check?.method && check.url ? { method: check.method, url: check.url } : null,
    };
  });
  const counted = items.filter((item) => item.required && !item.rollback);
  const gates = liveGateStatuses(plan.gates.map(gateStructureOf), state).map(({ gate, status }) => ({
    id: gate.id,
    title: gate.title,
    kind: gate.kind,
    state: status.state,
    decision: status.decision
      ? { decision: status.decision.decision as "GO" | "NO_GO" | "DEFER", by: status.decision.userName, rationale: status.decision.comment, stale: status.decision.stale }
      : null,
    roles: status.roles.map((role) => ({ title: role.title, quorum: role.quorum, state: role.state })),
    rejections: status.roles.flatMap((role) => role.rejections.map((signature) => ({ title: role.title, by: signature.userName, reason: signature.comment }))),
  }));
  return {
    id: plan.id,
    title: state.settings.title,
    status: state.status,
    seq: state.seq,
    progress: { settled: counted.filter((item) => isSettled(item.status)).length, total: counted.length, failed: items.filter((item) => item.status === "FAILED").length },
    items: items.map(({ rollback: _rollback, ...item }) => item),
    gates,
  };
}
