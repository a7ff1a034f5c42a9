import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { hashPassword } from "@/lib/users/passwords";
import type { NewAccountInput } from "@/lib/validations/auth";

// Serialises account creation so that exactly one "first user" becomes admin even when
// two people submit the setup form at the same moment.
const FIRST_USER_LOCK_KEY = 0x7072_6566; // "pref"

/**
 * Creates an account. The first account of an empty instance becomes its admin; later ones
 * get `role` (an administrator creating another administrator), else MEMBER.
 */
export async function createUser(input: NewAccountInput & { title?: string; role?: "ADMIN" | "MEMBER" }) {
  const passwordHash = await hashPassword(input.password);
  try {
    return await db().$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${FIRST_USER_LOCK_KEY})`;
      const isFirst = (await tx.user.count()) === 0;
      return tx.user.create({
        data: { name: input.name, email: input.email, passwordHash, title: input.title, role: isFirst ? "ADMIN" : (input.role ?? "MEMBER") },
        select: { id: true, email: true, name: true, role: true },
      });
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError("conflict", "An account with this email address already exists.");
    }
    throw error;
  }
}

export async function hasAnyUser(): Promise<boolean> {
  return (await db().user.count({ take: 1 })) > 0;
}
