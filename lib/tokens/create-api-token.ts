import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { actorOf, assertMayRead } from "@/lib/plan-state/plan-access";
import { displayPrefixOf, generateTokenSecret, hashTokenSecret } from "@/lib/tokens/token-secret";
import { createTokenSchema, DEFAULT_TOKEN_DAYS, type CreateTokenInput, type TokenScope } from "@/lib/tokens/token.schemas";

const DAY_MS = 24 * 60 * 60 * 1000;

export interface CreatedToken {
  id: string;
  /** The secret, returned this once: only its hash is stored. */
  token: string;
  expiresAt: Date;
}

export interface TokenGrant {
  name?: string;
  scope: TokenScope;
  expiresInDays?: number;
  planIds?: string[];
  admin?: boolean;
}

/**
 * Writes a token for a user without any check of who asks: for `createApiToken` once it has
 * checked, and for tests and scripts that need a token for a user they set up themselves.
 */
export async function issueApiToken(userId: string, grant: TokenGrant): Promise<CreatedToken> {
  const token = generateTokenSecret();
  const expiresAt = new Date(Date.now() + (grant.expiresInDays ?? DEFAULT_TOKEN_DAYS) * DAY_MS);
  const row = await db().apiToken.create({
    data: {
      userId,
      name: grant.name ?? "API token",
      scope: grant.scope === "write" ? "WRITE" : "READ",
      planIds: grant.planIds ?? [],
      admin: grant.admin ?? false,
      tokenHash: hashTokenSecret(token),
      prefix: displayPrefixOf(token),
      expiresAt,
    },
    select: { id: true },
  });
  return { id: row.id, token, expiresAt };
}

/**
 * Creates a token for `ownerId` (the creator themselves by default). People create tokens for
 * themselves; an administrator also creates them for service accounts. Only an administrator's
 * own token can carry administration rights, and a token can name only plans its owner can see.
 */
export async function createApiToken(creator: { id: string; role: "ADMIN" | "MEMBER" }, input: CreateTokenInput, ownerId: string = creator.id): Promise<CreatedToken> {
  const grant = createTokenSchema.parse(input);
  const owner = await db().user.findFirst({ where: { id: ownerId, active: true }, select: { id: true, name: true, role: true, serviceAccount: true } });
  if (!owner) throw new AppError("not_found", "This account does not exist or is deactivated.");
  if (owner.id !== creator.id && !(creator.role === "ADMIN" && owner.serviceAccount)) {
    throw new AppError("forbidden", "You can create tokens for yourself; administrators also for service accounts.");
  }
  if (grant.admin && !(creator.role === "ADMIN" && owner.role === "ADMIN")) {
    throw new AppError("forbidden", "Only an administrator can create a token with administration rights, for their own account.");
  }
  const planIds = [...new Set(grant.planIds ?? [])];
  for (const planId of planIds) await assertMayRead(planId, actorOf(owner));
  return issueApiToken(owner.id, { ...grant, planIds });
}
