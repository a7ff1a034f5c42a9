import { db } from "@/lib/db";
import { hashShareToken } from "@/lib/plan-state/write-share-link";

/** The plan a share token opens, or null when the token is unknown or its link was revoked. */
export async function findActiveShareLink(token: string): Promise<{ id: string; planId: string } | null> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  return db().shareLink.findFirst({ where: { tokenHash: hashShareToken(token), revokedAt: null }, select: { id: true, planId: true } });
}
