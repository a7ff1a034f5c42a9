import type { z } from "zod";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import {
  adminCreateUserSchema,
  fieldErrorsOf,
  resetPasswordSchema,
  setIdentityLinkSchema,
  setUserActiveSchema,
  type AdminCreateUserInput,
  type SetIdentityLinkInput,
  type ResetPasswordInput,
  type SetUserActiveInput,
} from "@/lib/users/admin-users.schemas";
import { createUser } from "@/lib/users/create-user";
import { findActiveUser, type CurrentUser } from "@/lib/users/find-active-user";
import { hashPassword } from "@/lib/users/passwords";
import { closeLiveConnections, ENDS_SESSIONS } from "@/lib/users/end-sessions";
import { forgetIdentityOfUser } from "@/lib/auth/identity-cache-process";

/**
 * User management by an instance administrator. Every function takes the id of the person
 * acting and refuses (403) anyone who is not an active admin, so a caller cannot forget the
 * check. Sessions are JWTs, but every page, route and socket looks the account up again
 * (`findSessionUser`), so a password reset or a deactivation, which both bump the account's
 * session version, ends its sessions on the next request and its live connections at once.
 */

// Serialises deactivations so two admins deactivating each other at the same moment cannot
// leave the instance without an active administrator.
const ADMIN_CHANGE_LOCK_KEY = 0x7072_6561; // "prea"

export interface ManagedUser {
  id: string;
  name: string;
  email: string;
  role: "ADMIN" | "MEMBER";
  title: string | null;
  active: boolean;
  createdAt: Date;
  /** The next single sign-on with this account's verified email may link its identity (once). */
  identityLinkAllowed: boolean;
  /** How many single sign-on identities are linked to the account. */
  _count: { externalIdentities: number };
}

const managedUserSelect = {
  id: true,
  name: true,
  email: true,
  role: true,
  title: true,
  active: true,
  createdAt: true,
  identityLinkAllowed: true,
  _count: { select: { externalIdentities: true } },
} as const;

/** The acting user, if they are an active administrator; otherwise a 403. */
export async function requireAdmin(actorId: string | null | undefined): Promise<CurrentUser> {
  const actor = actorId ? await findActiveUser(actorId) : null;
  if (!actor || actor.role !== "ADMIN") throw new AppError("forbidden", "Only administrators can manage users.");
  return actor;
}

function validate<Schema extends z.ZodType>(schema: Schema, input: unknown): z.output<Schema> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const fieldErrors = fieldErrorsOf(parsed.error);
    throw new AppError("unprocessable", Object.values(fieldErrors)[0] ?? "The form was incomplete.", { fieldErrors });
  }
  return parsed.data;
}

/** Every account, oldest first. */
export async function listUsers(actorId: string): Promise<ManagedUser[]> {
  await requireAdmin(actorId);
  return db().user.findMany({ select: managedUserSelect, orderBy: [{ createdAt: "asc" }, { email: "asc" }] });
}

/** Creates an account with a password the admin hands over; `admin` makes it an administrator. */
export async function adminCreateUser(actorId: string, input: AdminCreateUserInput): Promise<ManagedUser> {
  await requireAdmin(actorId);
  const { name, email, password, admin } = validate(adminCreateUserSchema, input);
  const { id } = await createUser({ name, email, password, role: admin ? "ADMIN" : "MEMBER" });
  return db().user.findUniqueOrThrow({ where: { id }, select: managedUserSelect });
}

/**
 * Replaces a user's password; the old one stops working at once, and so does every session
 * signed in with it (whoever knew the old password may be holding one).
 */
export async function resetPassword(actorId: string, input: ResetPasswordInput): Promise<ManagedUser> {
  await requireAdmin(actorId);
  const { userId, password } = validate(resetPasswordSchema, input);
  const passwordHash = await hashPassword(password);
  const { count } = await db().user.updateMany({ where: { id: userId }, data: { passwordHash, ...ENDS_SESSIONS } });
  if (count === 0) throw new AppError("not_found", "That user no longer exists.");
  closeLiveConnections(userId);
  return db().user.findUniqueOrThrow({ where: { id: userId }, select: managedUserSelect });
}

/**
 * Deactivates (refused at sign-in, on every page and on the live socket) or reactivates a
 * user. Nobody can deactivate themselves, and the last active administrator stays.
 */
export async function setUserActive(actorId: string, input: SetUserActiveInput): Promise<ManagedUser> {
  const actor = await requireAdmin(actorId);
  const { userId, active } = validate(setUserActiveSchema, input);
  if (!active && userId === actor.id) {
    throw new AppError("conflict", "You cannot deactivate your own account. Ask another administrator to do it.");
  }
  const updated = await db().$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${ADMIN_CHANGE_LOCK_KEY})`;
    // Checked again under the lock: the actor may have been deactivated a moment ago.
    if ((await tx.user.count({ where: { id: actor.id, role: "ADMIN", active: true } })) === 0) {
      throw new AppError("forbidden", "Only administrators can manage users.");
    }
    const target = await tx.user.findUnique({ where: { id: userId }, select: managedUserSelect });
    if (!target) throw new AppError("not_found", "That user no longer exists.");
    if (target.active === active) return target;
    if (!active && target.role === "ADMIN") {
      const otherActiveAdmins = await tx.user.count({ where: { role: "ADMIN", active: true, id: { not: target.id } } });
      if (otherActiveAdmins === 0) {
        throw new AppError("conflict", `${target.name} is the last active administrator. Create another administrator first.`);
      }
    }
    return tx.user.update({ where: { id: userId }, data: { active, ...(active ? {} : ENDS_SESSIONS) }, select: managedUserSelect });
  });
  // After the commit: their open live connections end now, not at their next request.
  if (!active) closeLiveConnections(userId);
  // A reactivated account's cached "inactive" goes too (the other processes hear the NOTIFY).
  else forgetIdentityOfUser(userId);
  return updated;
}

/**
 * Allows (or withdraws) one single sign-on link for an existing account. Single sign-on never
 * takes over an account by its email alone (lib/users/oidc-user.ts); this is how its owner's
 * identity gets linked: their next sign-in with that verified email links it and uses this up.
 */
export async function setIdentityLinkAllowed(actorId: string, input: SetIdentityLinkInput): Promise<ManagedUser> {
  await requireAdmin(actorId);
  const { userId, allowed } = validate(setIdentityLinkSchema, input);
  const { count } = await db().user.updateMany({ where: { id: userId }, data: { identityLinkAllowed: allowed } });
  if (count === 0) throw new AppError("not_found", "That user no longer exists.");
  return db().user.findUniqueOrThrow({ where: { id: userId }, select: managedUserSelect });
}
