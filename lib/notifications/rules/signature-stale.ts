import type { NotificationToSend } from "@/lib/notifications/notify";
import type { NotificationRule } from "@/lib/notifications/rules/notification-rule";
import { gateHref, loadPlanAudience, planEventOf, quoted, type PlanAudience } from "@/lib/notifications/rules/plan-audience";
import type { PlanEventPayload } from "@/lib/plan-state/events";

export interface StaleSignature {
  id: string;
  gateId: string;
  gateTitle: string;
  /** The sign-off title; null for a Go/No-Go decision. */
  title: string | null;
  userId: string;
  staleReason: string | null;
}

/** The signatures an event made stale: a tick of an item they approved, or a rewording of it. */
export function staleSignatureIdsOf(payload: PlanEventPayload): string[] {
  if (payload.type === "item.changed" || payload.type === "item.edited") return payload.staleSignatureIds ?? [];
  return [];
}

/** Each signer still on the plan hears that their signature no longer counts, once per signature. */
export function staleSignatureNotices(plan: Pick<PlanAudience, "planId" | "title" | "members">, signatures: readonly StaleSignature[]): NotificationToSend[] {
  const members = new Set(plan.members.map((member) => member.userId));
  return signatures
    .filter((signature) => members.has(signature.userId))
    .map((signature) => ({
      userId: signature.userId,
      planId: plan.planId,
      kind: "SIGNATURE_STALE" as const,
      title: `Your ${signature.title ? `${signature.title} sign-off` : "Go/No-Go decision"} on ${quoted(signature.gateTitle)} is stale (${quoted(plan.title)})`,
      body: `${signature.staleReason ?? "What you signed has changed."} Check the change and sign again.`,
      href: gateHref(plan.planId, signature.gateId),
      dedupeKey: `signature-stale:${signature.id}`,
    }));
}

export const signatureStaleRule: NotificationRule = async (event, tx) => {
  const payload = planEventOf(event);
  const ids = payload ? staleSignatureIdsOf(payload) : [];
  if (!ids.length) return [];
  const [plan, rows] = await Promise.all([
    loadPlanAudience(tx, event.planId),
    tx.gateSignature.findMany({
      where: { planId: event.planId, id: { in: ids } },
      select: { id: true, gateId: true, title: true, userId: true, staleReason: true, gate: { select: { title: true } } },
    }),
  ]);
  if (!plan) return [];
  return staleSignatureNotices(
    plan,
    rows.map((row) => ({ id: row.id, gateId: row.gateId, gateTitle: row.gate.title, title: row.title, userId: row.userId, staleReason: row.staleReason })),
  );
};
