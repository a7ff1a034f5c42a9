import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { createUser } from "@/lib/users/create-user";
import type { AuthenticatedUser } from "@/lib/users/verify-credentials";
import { emailSchema } from "@/lib/validations/auth";

/** The ID-token / userinfo claims single sign-on uses. */
export interface OidcClaims {
  email?: unknown;
  email_verified?: unknown;
  name?: unknown;
  preferred_username?: unknown;
}

const selectAccount = { id: true, email: true, name: true, role: true, active: true } as const;

function displayNameOf(claims: OidcClaims, email: string): string {
  for (const candidate of [claims.name, claims.preferred_username]) {
    if (typeof candidate === "string" && candidate.trim()) return candidate.trim().slice(0, 120);
  }
  return email.split("@")[0]!;
}

/**
 * The account an OpenID Connect sign-in belongs to, matched by email and created when there is
 * none (the first account of an empty instance becomes its admin, as with `createUser`). Null,
 * meaning "refuse", for a deactivated account or a provider that gives no verified email.
 * Accounts created here get an unguessable password; an admin can set a real one.
 */
export async function userForOidcSignIn(claims: OidcClaims): Promise<AuthenticatedUser | null> {
  const parsed = emailSchema.safeParse(claims.email);
  if (!parsed.success || claims.email_verified === false) {
    logger.warn("single sign-on refused: the provider gave no verified email address");
    return null;
  }
  const email = parsed.data;
  let account = await db().user.findUnique({ where: { email }, select: selectAccount });
  if (!account) {
    try {
      const created = await createUser({ name: displayNameOf(claims, email), email, password: randomBytes(32).toString("base64url") });
      account = { ...created, active: true };
    } catch (error) {
      // Two first sign-ins of the same person at once: the other one created the account.
      if (!(error instanceof AppError && error.code === "conflict")) throw error;
      account = await db().user.findUnique({ where: { email }, select: selectAccount });
    }
  }
  if (!account?.active) {
    logger.info(`single sign-on refused: the account ${email} is deactivated`);
    return null;
  }
  return { id: account.id, email: account.email, name: account.name, role: account.role };
}

/** The active account with this email, for issuing the session after a single sign-on. */
export async function findActiveUserByEmail(email: string | null | undefined): Promise<AuthenticatedUser | null> {
  const parsed = emailSchema.safeParse(email);
  if (!parsed.success) return null;
  return db().user.findFirst({ where: { email: parsed.data, active: true }, select: { id: true, email: true, name: true, role: true } });
}
