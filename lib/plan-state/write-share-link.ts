import { createHash, randomBytes } from "node:crypto";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { PlanChange } from "@/lib/plan-state/change-schema";
import type { PlanEventPayload } from "@/lib/plan-state/events";
import type { Actor } from "@/lib/plan-state/plan-access";
import type { LockedPlan } from "@/lib/plan-state/lock-plan";

type Tx = Prisma.TransactionClient;

/** Share tokens are stored only as this hash, so a database dump gives no working links. */
export function hashShareToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** A new read-only link. The token goes back to its creator only; it is never in the event log. */
export async function createShareLink(tx: Tx, plan: LockedPlan, actor: Actor): Promise<{ event: PlanEventPayload; shareToken: string }> {
  const shareToken = randomBytes(32).toString("base64url");
  const link = await tx.shareLink.create({ data: { planId: plan.id, tokenHash: hashShareToken(shareToken), createdById: actor.id }, select: { id: true } });
  return { event: { type: "share.created", linkId: link.id }, shareToken };
}

export async function revokeShareLink(tx: Tx, plan: LockedPlan, change: Extract<PlanChange, { type: "share.revoke" }>): Promise<PlanEventPayload> {
  const link = await tx.shareLink.findFirst({ where: { id: change.linkId, planId: plan.id }, select: { id: true, revokedAt: true } });
  if (!link) throw new AppError("not_found", "This share link does not belong to the plan.");
  if (link.revokedAt) throw new AppError("conflict", "This share link was already revoked.");
  await tx.shareLink.update({ where: { id: link.id }, data: { revokedAt: new Date() } });
  return { type: "share.revoked", linkId: link.id };
}
