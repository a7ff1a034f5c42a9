import { isSettled, type ItemStatusName } from "@/lib/plans/progress";
import type { PlanRoleName } from "@/lib/plan-state/permissions";
import type { GateBlocksName } from "@/lib/signoffs/gate-blocks";

/**
 * When a gate is satisfied and who may sign it. Pure: the one writer asks it before every
 * signature and before Start, and the pages ask it to colour the gates.
 */
export type GateKindName = "GO_NO_GO" | "PRE_DEPLOYMENT" | "POST_DEPLOYMENT" | "CUSTOM";
export type SignatureDecisionName = "APPROVE" | "REJECT" | "GO" | "NO_GO" | "DEFER";
export const GO_NO_GO_DECISIONS = ["GO", "NO_GO", "DEFER"] as const;

export interface GateConfig {
  id: string;
  kind: GateKindName;
  title: string;
  decisionMakerRole: string | null;
  /** The lifecycle action this gate holds back until it is satisfied. */
  blocks: GateBlocksName;
  requiredItemIds: string[];
  roles: { title: string; quorum: number }[];
}

/** A signature that has not been replaced by a newer one from the same person. */
export interface SignatureLiveState {
  id: string;
  gateId: string;
  /** The sign-off title; null for a Go/No-Go decision. */
  title: string | null;
  userId: string;
  userName: string;
  decision: SignatureDecisionName;
  comment: string | null;
  at: string;
  stale: boolean;
  staleReason: string | null;
}

export type RoleState = "signed" | "pending" | "rejected" | "stale";

export interface GateRoleStatus {
  title: string;
  quorum: number;
  state: RoleState;
  approvals: SignatureLiveState[];
  rejections: SignatureLiveState[];
  stale: SignatureLiveState[];
}

export interface GateStatus {
  gateId: string;
  state: "satisfied" | "pending" | "rejected";
  roles: GateRoleStatus[];
  /** The Go/No-Go decision in force (fresh or stale), or null. */
  decision: SignatureLiveState | null;
  /** Required items that are not settled yet. */
  openRequiredItemIds: string[];
}

export function gateStatus(gate: GateConfig, signatures: readonly SignatureLiveState[], itemStatus: (itemId: string) => ItemStatusName | undefined): GateStatus {
  const own = signatures.filter((signature) => signature.gateId === gate.id);
  const roles = gate.roles.map((role): GateRoleStatus => {
    const forTitle = own.filter((signature) => signature.title === role.title);
    const fresh = forTitle.filter((signature) => !signature.stale);
    const approvals = fresh.filter((signature) => signature.decision === "APPROVE");
    const rejections = fresh.filter((signature) => signature.decision === "REJECT");
    const stale = forTitle.filter((signature) => signature.stale);
    const state: RoleState = rejections.length ? "rejected" : approvals.length >= role.quorum ? "signed" : stale.length ? "stale" : "pending";
    return { title: role.title, quorum: role.quorum, state, approvals, rejections, stale };
  });
  const decision = gate.kind === "GO_NO_GO" ? (own.filter((signature) => signature.title === null).sort((a, b) => b.at.localeCompare(a.at))[0] ?? null) : null;
  const openRequiredItemIds = gate.requiredItemIds.filter((itemId) => {
    const status = itemStatus(itemId);
    return !status || !isSettled(status);
  });

  const decisionFresh = decision && !decision.stale;
  const rejected = roles.some((role) => role.state === "rejected") || (decisionFresh && decision.decision === "NO_GO");
  const decided = gate.kind !== "GO_NO_GO" || (decisionFresh && decision.decision === "GO");
  const satisfied = !rejected && decided && roles.every((role) => role.state === "signed") && openRequiredItemIds.length === 0;
  return { gateId: gate.id, state: rejected ? "rejected" : satisfied ? "satisfied" : "pending", roles, decision, openRequiredItemIds };
}

export interface Signer {
  role: PlanRoleName | null;
  titles: readonly string[];
}

export type SignRequest = { kind: "sign"; title: string; decision: "APPROVE" | "REJECT" } | { kind: "decide"; decision: (typeof GO_NO_GO_DECISIONS)[number] };

export type SignCheck = { ok: true } | { ok: false; code: "forbidden" | "unprocessable" | "conflict"; message: string };

/**
 * Whether this member may give this signature. Only holders of a title sign for it; the
 * plan's lead may not approve (or say GO on) their own plan unless the plan allows it.
 */
export function checkSignature(gate: GateConfig, signer: Signer, request: SignRequest, options: { allowSelfApproval: boolean; openRequiredItemIds: readonly string[] }): SignCheck {
  if (signer.role !== "LEAD" && signer.role !== "APPROVER") {
    return { ok: false, code: "forbidden", message: "Only approvers (and the plan's lead) can sign gates." };
  }
  const isLead = signer.role === "LEAD";
  const selfApproval = isLead && !options.allowSelfApproval;

  if (request.kind === "decide") {
    if (gate.kind !== "GO_NO_GO") return { ok: false, code: "unprocessable", message: `${gate.title} is not a Go/No-Go decision.` };
    const maker = gate.decisionMakerRole;
    if (maker ? !signer.titles.includes(maker) : !isLead) {
      return { ok: false, code: "forbidden", message: maker ? `Only the ${maker} can record this decision.` : "Only the plan's lead can record this decision." };
    }
    if (request.decision === "GO" && maker && selfApproval) {
      return { ok: false, code: "forbidden", message: "You lead this plan, so you cannot say GO on it yourself; the plan does not allow self-approval." };
    }
  } else {
    if (!gate.roles.some((role) => role.title === request.title)) {
      return { ok: false, code: "unprocessable", message: `${gate.title} does not need a ${request.title} sign-off.` };
    }
    if (!signer.titles.includes(request.title)) {
      return { ok: false, code: "forbidden", message: `Only a member holding the ${request.title} title can sign for it.` };
    }
    if (request.decision === "APPROVE" && selfApproval) {
      return { ok: false, code: "forbidden", message: "You lead this plan, so you cannot approve it yourself; the plan does not allow self-approval." };
    }
  }
  const approving = request.decision === "APPROVE" || request.decision === "GO";
  if (approving && options.openRequiredItemIds.length) {
    const count = options.openRequiredItemIds.length;
    return { ok: false, code: "conflict", message: `${count} item${count === 1 ? "" : "s"} this gate requires ${count === 1 ? "is" : "are"} not done yet.` };
  }
  return { ok: true };
}

/** The versions of the settled items: what a signature approves, and what makes it stale when it changes. */
export function coveredItemsAt(items: readonly { id: string; status: ItemStatusName; version: number }[]): Record<string, number> {
  return Object.fromEntries(items.filter((item) => isSettled(item.status)).map((item) => [item.id, item.version]));
}
