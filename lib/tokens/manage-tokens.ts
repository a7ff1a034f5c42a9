import { db } from "@/lib/db";
import { forgetIdentityOfToken } from "@/lib/auth/identity-cache-process";
import { AppError } from "@/lib/errors";
import type { TokenSummary } from "@/lib/tokens/token.schemas";

const summarySelect = {
  id: true,
  name: true,
  scope: true,
  prefix: true,
  planIds: true,
  admin: true,
  expiresAt: true,
  createdAt: true,
  lastUsedAt: true,
  lastUsedAddress: true,
  revokedAt: true,
} as const;

interface SummaryRow {
  id: string;
  name: string;
  scope: "READ" | "WRITE";
  prefix: string;
  planIds: string[];
  admin: boolean;
  expiresAt: Date;
  createdAt: Date;
  lastUsedAt: Date | null;
  lastUsedAddress: string | null;
  revokedAt: Date | null;
}

function summaryOf(row: SummaryRow, now = new Date()): TokenSummary {
  return {
    id: row.id,
    name: row.name,
    scope: row.scope === "WRITE" ? "write" : "read",
    prefix: row.prefix,
    planIds: row.planIds,
    admin: row.admin,
    expiresAt: row.expiresAt.toISOString(),
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    lastUsedAddress: row.lastUsedAddress,
    revokedAt: row.revokedAt?.toISOString() ?? null,
    status: row.revokedAt ? "revoked" : row.expiresAt <= now ? "expired" : "active",
  };
}

/** The tokens of one account, newest first, revoked ones included (they show as revoked). */
export async function listTokensOf(userId: string): Promise<TokenSummary[]> {
  const rows = await db().apiToken.findMany({ where: { userId }, orderBy: { createdAt: "desc" }, select: summarySelect });
  return rows.map((row) => summaryOf(row));
}

/**
 * Revokes a token: its owner or an administrator may. Someone else's token is a 404, as for one
 * that does not exist. The next request with it answers 401, on every app process: this one
 * forgets the token now, the others on the NOTIFY the revoke sent (lib/auth/identity-cache-process.ts).
 */
export async function revokeToken(actor: { id: string; role: "ADMIN" | "MEMBER" }, tokenId: string): Promise<TokenSummary> {
  const token = await db().apiToken.findUnique({ where: { id: tokenId }, select: { userId: true, revokedAt: true } });
  if (!token || (token.userId !== actor.id && actor.role !== "ADMIN")) throw new AppError("not_found", "This token does not exist.");
  const row = await db().apiToken.update({ where: { id: tokenId }, data: { revokedAt: token.revokedAt ?? new Date() }, select: summarySelect });
  forgetIdentityOfToken(tokenId);
  return summaryOf(row);
}
