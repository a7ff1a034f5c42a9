import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { createUser } from "@/lib/users/create-user";
import type { AuthenticatedUser } from "@/lib/users/verify-credentials";
import { emailSchema } from "@/lib/validations/auth";

/** The ID-token claims single sign-on uses. */
export interface OidcClaims {
  iss?: unknown;
  sub?: unknown;
  email?: unknown;
  email_verified?: unknown;
  name?: unknown;
  preferred_username?: unknown;
}

/** Why a single sign-on was refused; the sign-in page explains each. */
export type OidcRefusal = "unverified-email" | "email-taken" | "deactivated" | "no-subject";

export type OidcSignInResult = { ok: true; user: AuthenticatedUser; created: boolean } | { ok: false; refusal: OidcRefusal };

export interface ExternalIdentityKey {
  issuer: string;
  subject: string;
}

const selectAccount = { id: true, email: true, name: true, role: true, active: true } as const;
const MAX_IDENTIFIER_LENGTH = 500;

function displayNameOf(claims: OidcClaims, email: string): string {
  for (const candidate of [claims.name, claims.preferred_username]) {
    if (typeof candidate === "string" && candidate.trim()) return candidate.trim().slice(0, 120);
  }
  return email.split("@")[0]!;
}

/** The (issuer, subject) of an ID token; the configured issuer stands in if the claims lack `iss` (Auth.js has checked it). */
export function externalIdentityOf(claims: OidcClaims, configuredIssuer: string): ExternalIdentityKey | null {
  const issuer = typeof claims.iss === "string" && claims.iss ? claims.iss : configuredIssuer;
  const subject = claims.sub;
  if (typeof subject !== "string" || !subject || subject.length > MAX_IDENTIFIER_LENGTH || issuer.length > MAX_IDENTIFIER_LENGTH) return null;
  return { issuer, subject };
}

function refuse(refusal: OidcRefusal, detail: string): OidcSignInResult {
  logger.info(`single sign-on refused (${refusal}): ${detail}`);
  return { ok: false, refusal };
}

/**
 * The account an OpenID Connect sign-in belongs to.
 *
 * - The provider must say the email is verified: `email_verified` exactly `true` (a missing claim,
 *   or the string "false", is refused).
 * - An identity seen before (same issuer and subject) signs in to the account it is linked to.
 * - A new identity whose email belongs to no account creates one, linked to it (the first account
 *   of an empty instance becomes its admin, as with `createUser`), with an unguessable password.
 * - A new identity whose email already belongs to an account is refused: an email match alone never
 *   hands over an existing (password) account. An administrator links it (`allowIdentityLink`).
 */
export async function userForOidcSignIn(claims: OidcClaims, configuredIssuer: string): Promise<OidcSignInResult> {
  const identity = externalIdentityOf(claims, configuredIssuer);
  if (!identity) return refuse("no-subject", "the ID token has no usable subject");
  const parsed = emailSchema.safeParse(claims.email);
  if (!parsed.success || claims.email_verified !== true) {
    return refuse("unverified-email", `${identity.subject} at ${identity.issuer}: email_verified is ${JSON.stringify(claims.email_verified) ?? "missing"}`);
  }
  const email = parsed.data;

  const linked = await findLinkedAccount(identity);
  if (linked) return linked.active ? { ok: true, user: withoutActive(linked), created: false } : refuse("deactivated", linked.email);

  const existing = await db().user.findUnique({ where: { email }, select: { ...selectAccount, identityLinkAllowed: true } });
  if (existing) {
    if (!existing.identityLinkAllowed) return refuse("email-taken", `${email} already has an account without a link to ${identity.subject} at ${identity.issuer}`);
    if (!existing.active) return refuse("deactivated", email);
    // An administrator allowed this account to be linked once: its owner's next single sign-on links it.
    const claimed = await db().$transaction(async (tx) => {
      const allowance = await tx.user.updateMany({ where: { id: existing.id, identityLinkAllowed: true }, data: { identityLinkAllowed: false } });
      if (allowance.count === 0) return false;
      await tx.externalIdentity.create({ data: { ...identity, userId: existing.id } });
      return true;
    });
    if (!claimed) return refuse("email-taken", `${email}: the link allowance was used by a concurrent sign-in`);
    logger.info(`single sign-on: linked ${identity.subject} at ${identity.issuer} to ${email}, as an administrator allowed`);
    return { ok: true, user: withoutActive(existing), created: false };
  }

  try {
    const created = await createUser({ name: displayNameOf(claims, email), email, password: randomBytes(32).toString("base64url") }, { externalIdentity: identity });
    return { ok: true, user: created, created: true };
  } catch (error) {
    // Two first sign-ins of the same person at once: the other one created the account and its link.
    if (!(error instanceof AppError && error.code === "conflict")) throw error;
    const raced = await findLinkedAccount(identity);
    if (raced?.active) return { ok: true, user: withoutActive(raced), created: false };
    return refuse("email-taken", `${email} was created concurrently by another sign-in`);
  }
}

function withoutActive({ id, email, name, role }: AuthenticatedUser & { active: boolean }): AuthenticatedUser {
  return { id, email, name, role };
}

async function findLinkedAccount(identity: ExternalIdentityKey) {
  const link = await db().externalIdentity.findUnique({ where: { issuer_subject: identity }, select: { user: { select: selectAccount } } });
  return link?.user ?? null;
}

/** The active account linked to this single sign-on identity, for issuing the session after it. */
export async function findActiveUserByIdentity(identity: ExternalIdentityKey | null): Promise<AuthenticatedUser | null> {
  if (!identity) return null;
  const account = await findLinkedAccount(identity);
  return account?.active ? withoutActive(account) : null;
}

/**
 * An administrator allows an existing account to be linked to single sign-on: the next single
 * sign-on whose provider gives this account's email, verified, links its identity to the account
 * (once). Returns false when the account does not exist.
 */
export async function allowIdentityLink(userId: string, allowed = true): Promise<boolean> {
  const { count } = await db().user.updateMany({ where: { id: userId }, data: { identityLinkAllowed: allowed } });
  return count > 0;
}
