import { db } from "@/lib/db";

export interface CurrentUser {
  id: string;
  email: string;
  name: string;
  role: "ADMIN" | "MEMBER";
  title: string | null;
}

/**
 * The account behind a session, if it still exists and is active. Sessions are JWTs, so this
 * lookup is what makes deactivating an account take effect at once rather than at expiry.
 */
export function findActiveUser(id: string): Promise<CurrentUser | null> {
  return db().user.findFirst({
    where: { id, active: true },
    select: { id: true, email: true, name: true, role: true, title: true },
  });
}
