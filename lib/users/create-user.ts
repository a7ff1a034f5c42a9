import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { hashPassword } from "@/lib/users/passwords";
import type { NewAccountInput } from "@/lib/validations/auth";

// Serialises account creation so that exactly one "first user" becomes admin even when
// two people submit the setup form at the same moment.
const FIRST_USER_LOCK_KEY = 0x7072_6566; // "pref"

export const INSTANCE_ALREADY_SET_UP = "This instance already has an administrator. Sign in instead.";

export interface CreateUserOptions {
  /** The set-up page: create the account only if it is the instance's first (else a 409), never a second one. */
  onlyIfFirst?: boolean;
  /** A single sign-on account: the provider identity it is linked to, written in the same transaction. */
  externalIdentity?: { issuer: string; subject: string };
}

/**
 * Creates an account. The first account of an empty instance becomes its admin; later ones
 * get `role` (an administrator creating another administrator), else MEMBER. Whether it is the
 * first is decided under a transaction-scoped advisory lock, so concurrent creations on an empty
 * instance see each other.
 */
export async function createUser(input: NewAccountInput & { title?: string; role?: "ADMIN" | "MEMBER" }, options: CreateUserOptions = {}) {
  const passwordHash = await hashPassword(input.password);
  try {
    return await db().$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${FIRST_USER_LOCK_KEY})`;
      const isFirst = (await tx.user.count({ take: 1 })) === 0;
      if (options.onlyIfFirst && !isFirst) throw new AppError("conflict", INSTANCE_ALREADY_SET_UP);
      const user = await tx.user.create({
        data: { name: input.name, email: input.email, passwordHash, title: input.title, role: isFirst ? "ADMIN" : (input.role ?? "MEMBER") },
        select: { id: true, email: true, name: true, role: true },
      });
      if (options.externalIdentity) await tx.externalIdentity.create({ data: { ...options.externalIdentity, userId: user.id } });
      return user;
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError("conflict", "An account with this email address already exists.");
    }
    throw error;
  }
}

/** The set-up page's account: the instance's first, so its administrator; a 409 when someone was quicker. */
export function createFirstUser(input: NewAccountInput) {
  return createUser(input, { onlyIfFirst: true });
}

export async function hasAnyUser(): Promise<boolean> {
  return (await db().user.count({ take: 1 })) > 0;
}
