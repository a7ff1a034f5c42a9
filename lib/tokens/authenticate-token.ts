import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { identityCache } from "@/lib/auth/identity-cache-process";
import type { HeaderReader } from "@/lib/http/header-reader";
import type { CurrentUser } from "@/lib/users/find-active-user";
import { hashTokenSecret, TOKEN_PREFIX } from "@/lib/tokens/token-secret";
import type { TokenScope } from "@/lib/tokens/token.schemas";

/** What a request authenticated by a token may reach, beyond what its owner may. */
export interface TokenRestrictions {
  id: string;
  scope: TokenScope;
  /** Empty: every plan the owner can see. */
  planIds: string[];
}

export interface TokenPrincipal {
  user: CurrentUser;
  token: TokenRestrictions;
}

const MAX_TOKEN_LENGTH = 200;
const LAST_USED_PRECISION_MS = 60_000;

/** The token of an `Authorization: Bearer …` header, or null when the request has no such header. */
export function bearerTokenOf(headers: HeaderReader): string | null {
  const header = headers.get("authorization");
  if (!header) return null;
  const trimmed = header.trim();
  const space = trimmed.indexOf(" ");
  const scheme = space < 0 ? trimmed : trimmed.slice(0, space);
  return scheme.toLowerCase() === "bearer" ? (space < 0 ? "" : trimmed.slice(space + 1).trim()) : null;
}

const refused = (message: string) => new AppError("unauthenticated", message);

const tokenSelect = {
  id: true,
  scope: true,
  planIds: true,
  admin: true,
  expiresAt: true,
  revokedAt: true,
  user: { select: { id: true, email: true, name: true, role: true, title: true, active: true } },
} as const;

/**
 * The owner behind a token. The row comes from the process's identity cache when a request
 * with the same token read it in the last few seconds; a revoke, a change of the token or a
 * deactivation of its owner makes every process forget it at once (lib/auth/identity-cache-process.ts),
 * and expiry is checked on every request. Records when and from where the token was last used.
 * The owner acts as themselves, except that administration needs a token created with it: any
 * other token of an administrator acts as a member.
 */
export async function authenticateToken(secret: string, clientAddress: string, now = new Date()): Promise<TokenPrincipal> {
  if (!secret.startsWith(TOKEN_PREFIX) || secret.length > MAX_TOKEN_LENGTH) throw refused("This is not a Preflight API token.");
  const row = await identityCache().token(
    hashTokenSecret(secret),
    (tokenHash) => db().apiToken.findUnique({ where: { tokenHash }, select: tokenSelect }),
    (found) => ({ tokenId: found.id, userId: found.user.id }),
  );
  if (!row) throw refused("This API token is not known.");
  if (row.revokedAt) throw refused("This API token was revoked.");
  if (row.expiresAt <= now) throw refused("This API token has expired; create a new one.");
  if (!row.user.active) throw refused("The account this API token belongs to is deactivated.");
  await recordUse(row.id, clientAddress, now);
  const { active: _active, ...user } = row.user;
  return {
    user: { ...user, role: row.admin && user.role === "ADMIN" ? "ADMIN" : "MEMBER" },
    token: { id: row.id, scope: row.scope === "WRITE" ? "write" : "read", planIds: row.planIds },
  };
}

/**
 * A pipeline polling every second would otherwise write a row per request: the time of last
 * use is kept to the minute, the address always. This process remembers what it last wrote
 * for each token, so that a request that would change nothing skips the write (and its round
 * trip); the database's own condition still decides.
 */
const lastRecorded = new Map<string, { at: number; address: string }>();
const MAX_RECORDED = 10_000;

async function recordUse(tokenId: string, clientAddress: string, now: Date): Promise<void> {
  const last = lastRecorded.get(tokenId);
  if (last && last.address === clientAddress && now.getTime() - last.at < LAST_USED_PRECISION_MS) return;
  await db().apiToken.updateMany({
    where: { id: tokenId, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: new Date(now.getTime() - LAST_USED_PRECISION_MS) } }, { lastUsedAddress: { not: clientAddress } }] },
    data: { lastUsedAt: now, lastUsedAddress: clientAddress },
  });
  lastRecorded.delete(tokenId);
  lastRecorded.set(tokenId, { at: now.getTime(), address: clientAddress });
  if (lastRecorded.size > MAX_RECORDED) lastRecorded.delete(lastRecorded.keys().next().value!);
}

/** Refuses what a token's own limits rule out: a change with a read-only token, a plan outside its list. */
export function assertTokenAllows(token: TokenRestrictions, request: { method: string; planId?: string }): void {
  if (!["GET", "HEAD"].includes(request.method) && token.scope !== "write") {
    throw new AppError("forbidden", "This API token is read-only; create a token with the write scope to make changes.");
  }
  if (request.planId !== undefined && token.planIds.length > 0 && !token.planIds.includes(request.planId)) {
    throw new AppError("not_found", "This plan does not exist, or you cannot see it.");
  }
}

/** A token narrowed to some plans cannot create others: only an unnarrowed token may. */
export function assertTokenMayCreatePlans(token: TokenRestrictions | null): void {
  if (token && token.planIds.length > 0) throw new AppError("forbidden", "This API token is limited to some plans and cannot create new ones.");
}
