import { redirect } from "next/navigation";
import { auth } from "@/lib/auth/auth";
import { findSessionUser, sessionVersionOfToken, type CurrentUser } from "@/lib/users/find-active-user";

/**
 * The signed-in, active user behind this request, or null. A session whose version is no
 * longer the account's (password reset, deactivation, "sign out everywhere") counts as signed out.
 */
export async function currentUser(): Promise<CurrentUser | null> {
  const session = await auth();
  return session?.user?.id ? findSessionUser(session.user.id, sessionVersionOfToken(session.user)) : null;
}

/** The signed-in user of a page; sends everyone else to the sign-in page. */
export async function requireUser(): Promise<CurrentUser> {
  const user = await currentUser();
  if (!user) redirect("/sign-in");
  return user;
}
