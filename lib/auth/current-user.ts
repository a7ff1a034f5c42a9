import { redirect } from "next/navigation";
import { auth } from "@/lib/auth/auth";
import { findActiveUser, type CurrentUser } from "@/lib/users/find-active-user";

/** The signed-in, active user behind this request, or null. */
export async function currentUser(): Promise<CurrentUser | null> {
  const session = await auth();
  return session?.user?.id ? findActiveUser(session.user.id) : null;
}

/** The signed-in user of a page; sends everyone else to the sign-in page. */
export async function requireUser(): Promise<CurrentUser> {
  const user = await currentUser();
  if (!user) redirect("/sign-in");
  return user;
}
