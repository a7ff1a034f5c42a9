import { db } from "@/lib/db";
import { identityCache } from "@/lib/auth/identity-cache-process";

export interface CurrentUser {
  id: string;
  email: string;
  name: string;
  role: "ADMIN" | "MEMBER";
  title: string | null;
}

const currentUserSelect = { id: true, email: true, name: true, role: true, title: true } as const;

/**
 * The account behind a session, if it still exists and is active. Sessions are JWTs, so this
 * lookup is what makes deactivating an account take effect at once rather than at expiry.
 */
export function findActiveUser(id: string): Promise<CurrentUser | null> {
  return db().user.findFirst({ where: { id, active: true }, select: currentUserSelect });
}

/**
 * The account behind a session token, checked on every request and socket handshake: it must
 * be active and the token must carry the account's current session version. A password reset,
 * a deactivation or "sign out everywhere" bumps the version, which ends every older session.
 *
 * Answered from the process's identity cache when a lookup of the same session did it in the
 * last few seconds; every process forgets at once when the account changes (lib/auth/identity-cache-process.ts).
 */
export function findSessionUser(id: string, sessionVersion: number): Promise<CurrentUser | null> {
  return identityCache().sessionUser(id, sessionVersion, () => loadSessionUser(id, sessionVersion));
}

/**
 * The same, always from the database: for a check that must see a change committed a moment
 * ago even on another process, before that process's NOTIFY can have arrived.
 */
export function loadSessionUser(id: string, sessionVersion: number): Promise<CurrentUser | null> {
  return db().user.findFirst({ where: { id, active: true, sessionVersion }, select: currentUserSelect });
}

/**
 * The session version a token carries. Tokens issued before versions existed carry none and
 * count as version 0, the version every account starts with, so they stay valid until the first bump.
 */
export function sessionVersionOfToken(token: object | null | undefined): number {
  const version = (token as { sessionVersion?: unknown } | null | undefined)?.sessionVersion;
  return typeof version === "number" && Number.isSafeInteger(version) && version >= 0 ? version : 0;
}
