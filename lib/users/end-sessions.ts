import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { disconnectUserEverywhere } from "@/lib/realtime/broadcast";
import { forgetIdentityOfUser } from "@/lib/auth/identity-cache-process";

/**
 * Ending a person's sessions. Sessions are JWTs that cannot be recalled, so each carries the
 * account's session version (lib/auth/config.ts) and every request and socket handshake compares
 * it with the current one (findSessionUser). Bumping the version ends all of them at once, on
 * every app process; the open live connections are closed as well, since a socket checked its
 * session only when it connected.
 */

/** The account's current session version, stamped into a new session's token at sign-in. */
export async function sessionVersionOf(userId: string): Promise<number> {
  const user = await db().user.findUnique({ where: { id: userId }, select: { sessionVersion: true } });
  return user?.sessionVersion ?? 0;
}

/** The write that ends every session of the user; part of a larger change (password reset, deactivation). */
export const ENDS_SESSIONS = { sessionVersion: { increment: 1 } } as const;

/**
 * Closes the user's open live connections on every app process. Call it after the transaction
 * that bumped the version has committed, so a reconnect cannot slip in with the old version.
 * This process also forgets the account's cached sessions now; the others do on the NOTIFY the
 * bump itself sent (lib/auth/identity-cache-process.ts).
 */
export function closeLiveConnections(userId: string): void {
  forgetIdentityOfUser(userId);
  disconnectUserEverywhere(userId);
}

/** "Sign out everywhere": every session of the user ends, this one included. */
export async function signOutEverywhere(userId: string): Promise<void> {
  const { count } = await db().user.updateMany({ where: { id: userId }, data: ENDS_SESSIONS });
  if (count === 0) throw new AppError("not_found", "That user no longer exists.");
  closeLiveConnections(userId);
}
