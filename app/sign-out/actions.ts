"use server";

import { signOut } from "@/lib/auth/auth";
import { currentUser } from "@/lib/auth/current-user";
import { signOutEverywhere } from "@/lib/users/end-sessions";

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/sign-in" });
}

/**
 * Ends every session of the signed-in person, on every device (a lost laptop, a shared
 * computer), and closes their live connections; then signs this browser out too.
 */
export async function signOutEverywhereAction(): Promise<void> {
  const user = await currentUser();
  if (user) await signOutEverywhere(user.id);
  await signOut({ redirectTo: "/sign-in" });
}
