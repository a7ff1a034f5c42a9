import { db } from "@/lib/db";
import { verifyPassword } from "@/lib/users/passwords";
import type { SignInInput } from "@/lib/validations/auth";

export interface AuthenticatedUser {
  id: string;
  email: string;
  name: string;
  role: "ADMIN" | "MEMBER";
}

/** The user these credentials belong to, or null. Deactivated accounts and service accounts cannot sign in. */
export async function verifyCredentials({ email, password }: Pick<SignInInput, "email" | "password">): Promise<AuthenticatedUser | null> {
  const user = await db().user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, role: true, active: true, serviceAccount: true, passwordHash: true },
  });
  const matches = await verifyPassword(password, user?.passwordHash);
  // A service account never signs in (lib/users/service-accounts.ts), whatever its password.
  if (!user || !matches || !user.active || user.serviceAccount) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}
