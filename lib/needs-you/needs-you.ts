import { FINISHED_STATUSES, type PlanStatusName } from "@/lib/plan-state/lifecycle";
import type { PlanRoleName } from "@/lib/plan-state/permissions";
import type { GateConfig, GateStatus } from "@/lib/signoffs/gate-rules";

/**
 * What waits for one person on one plan: a signature on a gate they can sign (the gates that
 * hold back the next step: Start before it, Complete after it), or a Go/No-Go
 * decision they make. Pure: the plans list, the dashboard and the plan header (live, from the
 * page's state) all ask it. Steps have no owners yet, so a step never waits for someone here.
 */
export type NeedsYouEntry =
  | { kind: "signature"; gateId: string; gateTitle: string; title: string; message: string }
  | { kind: "decision"; gateId: string; gateTitle: string; message: string };

export interface NeedsYouInput {
  userId: string;
  role: PlanRoleName | null;
  titles: readonly string[];
  allowSelfApproval: boolean;
  status: PlanStatusName;
  gates: readonly { gate: GateConfig; status: GateStatus }[];
}

export function needsYou(input: NeedsYouInput): NeedsYouEntry[] {
  if (input.role !== "LEAD" && input.role !== "APPROVER") return [];
  if (FINISHED_STATUSES.has(input.status)) return [];
  // Separation of duties: the lead may not approve (nor say GO on) their own plan unless it allows it.
  const mayApprove = input.role === "APPROVER" || input.allowSelfApproval;
  // A Go/No-Go decision is asked for before the start; after it, it could only come late.
  const beforeStart = input.status === "DRAFT" || input.status === "SCHEDULED";
  const entries: NeedsYouEntry[] = [];
  for (const { gate, status } of input.gates) {
    if (status.state === "satisfied") continue;
    if (gate.kind === "GO_NO_GO" && beforeStart) {
      const maker = gate.decisionMakerRole;
      const isMaker = maker ? input.titles.includes(maker) && mayApprove : input.role === "LEAD";
      const decided = status.decision && !status.decision.stale && status.decision.decision === "GO";
      if (isMaker && !decided) {
        entries.push({ kind: "decision", gateId: gate.id, gateTitle: gate.title, message: `Waiting for your Go/No-Go decision on “${gate.title}”` });
      }
    }
    // Signatures are asked for when they count next: gates holding back Start before it, those holding back Complete after it.
    if (!mayApprove || (gate.blocks === "START") !== beforeStart) continue;
    for (const role of status.roles) {
      if (!input.titles.includes(role.title) || role.state === "signed") continue;
      const signedFresh = [...role.approvals, ...role.rejections].some((signature) => signature.userId === input.userId);
      if (signedFresh) continue;
      entries.push({ kind: "signature", gateId: gate.id, gateTitle: gate.title, title: role.title, message: `Waiting for your signature as ${role.title} on “${gate.title}”` });
    }
  }
  return entries;
}
