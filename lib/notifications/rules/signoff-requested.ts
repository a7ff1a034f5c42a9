import { needsYou } from "@/lib/needs-you/needs-you";
import type { NotificationToSend } from "@/lib/notifications/notify";
import type { NotificationRule } from "@/lib/notifications/rules/notification-rule";
import { gateHref, loadPlanAudience, planEventOf, quoted, type PlanAudience } from "@/lib/notifications/rules/plan-audience";
import { signoffLinkUrl } from "@/lib/notifications/signoff-link";
import type { PlanEventPayload } from "@/lib/plan-state/events";
import { FINISHED_STATUSES } from "@/lib/plan-state/lifecycle";
import { isSettled } from "@/lib/plans/progress";
import { gateStatus, type GateConfig, type GateStatus } from "@/lib/signoffs/gate-rules";
import { loadGateConfigs, loadSignaturesInForce } from "@/lib/signoffs/read-signoffs";

/**
 * Which gates an event may have made signable for someone, and for whom: every gate when the
 * plan is scheduled or started (a different set of gates counts from then on) or its
 * self-approval setting changes; the gates a now-settled item was the last requirement of; a gate
 * configured or added; the gates whose signatures just went stale; every gate for a member whose
 * role or titles were just set. Null: the event changes nothing about who is asked.
 */
export type SignoffScope =
  | { kind: "all-gates"; userId?: string }
  | { kind: "gates"; gateIds: string[] }
  | { kind: "gates-requiring"; itemId: string; staleSignatureIds: string[] }
  | { kind: "stale-signatures"; staleSignatureIds: string[] };

export function signoffScopeOf(payload: PlanEventPayload): SignoffScope | null {
  switch (payload.type) {
    case "plan.status":
      return payload.status === "SCHEDULED" || payload.status === "IN_PROGRESS" ? { kind: "all-gates" } : null;
    case "plan.edited":
      return { kind: "all-gates" };
    case "member.set":
      return { kind: "all-gates", userId: payload.member.userId };
    case "gate.configured":
    case "gate.added":
    case "gate.edited":
      return { kind: "gates", gateIds: [payload.gateId] };
    case "item.changed": {
      const settledNow = isSettled(payload.item.status) && !isSettled(payload.previousStatus);
      const staleSignatureIds = payload.staleSignatureIds ?? [];
      if (settledNow) return { kind: "gates-requiring", itemId: payload.item.id, staleSignatureIds };
      return staleSignatureIds.length ? { kind: "stale-signatures", staleSignatureIds } : null;
    }
    case "item.edited":
      return payload.staleSignatureIds?.length ? { kind: "stale-signatures", staleSignatureIds: payload.staleSignatureIds } : null;
    default:
      return null;
  }
}

export interface SignoffRequestInput {
  plan: PlanAudience;
  gates: readonly { gate: GateConfig; status: GateStatus }[];
  /** The gates to ask for (already narrowed by the event) and, when set, the one member to ask. */
  gateIds: ReadonlySet<string> | "all";
  userId?: string;
  /**
   * How many times signatures for this title (null: the Go/No-Go decision) of the gate went
   * stale: a new round asks again, the same round never twice.
   */
  round: (gateId: string, title: string | null) => number;
}

/**
 * Who is asked to sign what: each member holding a title a signable gate still needs, as the
 * "needs you" rules say (only approvers and the lead; the lead only when the plan allows
 * self-approval; gates that hold back Start before it, the others after it; not who already
 * signed). A gate is signable once its required items are settled (approving refuses before).
 * A draft plan asks nobody: asking starts when it is scheduled.
 */
export function signoffRequests(input: SignoffRequestInput): NotificationToSend[] {
  const { plan } = input;
  if (plan.status === "DRAFT" || FINISHED_STATUSES.has(plan.status)) return [];
  const signable = input.gates.filter(({ gate, status }) => (input.gateIds === "all" || input.gateIds.has(gate.id)) && status.openRequiredItemIds.length === 0);
  if (!signable.length) return [];
  const requests: NotificationToSend[] = [];
  for (const member of plan.members) {
    if (input.userId && member.userId !== input.userId) continue;
    const entries = needsYou({ userId: member.userId, role: member.role, titles: member.titles, allowSelfApproval: plan.allowSelfApproval, status: plan.status, gates: signable });
    for (const entry of entries) {
      const title = entry.kind === "signature" ? entry.title : null;
      requests.push({
        userId: member.userId,
        planId: plan.planId,
        kind: "SIGNOFF_REQUESTED",
        title: title ? `Sign-off needed: ${title} for ${quoted(plan.title)}` : `Go/No-Go decision needed for ${quoted(plan.title)}`,
        body: title ? `${quoted(entry.gateTitle)} waits for your signature as ${title}.` : `${quoted(entry.gateTitle)} waits for your Go/No-Go decision.`,
        href: gateHref(plan.planId, entry.gateId),
        dedupeKey: `signoff-requested:${entry.gateId}:${title ?? "go-no-go"}:${input.round(entry.gateId, title)}`,
        mailAction: { label: "Review and sign", url: signoffLinkUrl(plan.planId, entry.gateId, member.userId) },
      });
    }
  }
  return requests;
}

export const signoffRequestedRule: NotificationRule = async (event, tx) => {
  const payload = planEventOf(event);
  const scope = payload ? signoffScopeOf(payload) : null;
  if (!scope) return [];
  const plan = await loadPlanAudience(tx, event.planId);
  if (!plan || plan.status === "DRAFT" || FINISHED_STATUSES.has(plan.status)) return [];

  const [configs, signatures, items, staleCounts] = await Promise.all([
    loadGateConfigs(tx, event.planId),
    loadSignaturesInForce(tx, event.planId),
    tx.planItem.findMany({ where: { planId: event.planId }, select: { id: true, status: true } }),
    tx.gateSignature.groupBy({ by: ["gateId", "title"], where: { planId: event.planId, staleAt: { not: null } }, _count: { _all: true } }),
  ]);
  const statusOf = new Map(items.map((item) => [item.id, item.status]));
  const gates = configs.map((gate) => ({ gate, status: gateStatus(gate, signatures, (itemId) => statusOf.get(itemId)) }));
  const rounds = new Map(staleCounts.map((row) => [`${row.gateId}\n${row.title ?? ""}`, row._count._all]));

  let gateIds: ReadonlySet<string> | "all" = "all";
  if (scope.kind !== "all-gates") {
    const ids = new Set(scope.kind === "gates" ? scope.gateIds : []);
    if (scope.kind === "gates-requiring") for (const gate of configs) if (gate.requiredItemIds.includes(scope.itemId)) ids.add(gate.id);
    if ((scope.kind === "gates-requiring" || scope.kind === "stale-signatures") && scope.staleSignatureIds.length) {
      const stale = await tx.gateSignature.findMany({ where: { planId: event.planId, id: { in: scope.staleSignatureIds } }, select: { gateId: true } });
      for (const signature of stale) ids.add(signature.gateId);
    }
    gateIds = ids;
  }
  return signoffRequests({
    plan,
    gates,
    gateIds,
    userId: scope.kind === "all-gates" ? scope.userId : undefined,
    round: (gateId, title) => rounds.get(`${gateId}\n${title ?? ""}`) ?? 0,
  });
};
