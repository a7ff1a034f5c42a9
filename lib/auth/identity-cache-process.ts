import { databaseUrl } from "@/lib/env";
import { applyIdentityNotice, createIdentityCache, type IdentityCache } from "@/lib/auth/identity-cache";
import { subscribeToNotifications } from "@/lib/db/notification-listener";

/**
 * The process's identity cache (lib/auth/identity-cache.ts): who a session or an API token is,
 * for a few seconds at most, so that requests and socket handshakes skip the database read.
 *
 * Changes take effect at once on every process:
 * - Triggers on "User" and "ApiToken" (migration 20261209100000_identity_change_notify) send a
 *   NOTIFY on IDENTITY_CHANNEL in the very transaction that changes a session version, an
 *   account's active flag, role, name, email or title, or a token; PostgreSQL delivers it at
 *   commit to every process, each of which forgets what it held.
 * - The process that made the change also forgets at once, without waiting for its own NOTIFY
 *   (lib/users/end-sessions.ts, lib/tokens/manage-tokens.ts call forgetIdentity…).
 * - While the LISTEN connection is down, a NOTIFY could be missed, so the cache is off: every
 *   lookup reads the database, as before there was a cache. It comes back on (empty) once the
 *   connection listens again.
 *
 * On globalThis, because the custom server (through tsx) and Next's bundles each load their own
 * copy of lib/, and a forget in one must reach the entries of the other.
 */

export const IDENTITY_CHANNEL = "preflight_identity";
const TTL_MS = 5_000;
const MAX_ENTRIES = 10_000;

export function identityCache(): IdentityCache {
  const global = globalThis as unknown as { preflightIdentityCache?: { cache: IdentityCache; databaseUrl: string } };
  const url = databaseUrl();
  if (global.preflightIdentityCache?.databaseUrl !== url) {
    const cache = createIdentityCache({ ttlMs: TTL_MS, maxEntries: MAX_ENTRIES });
    global.preflightIdentityCache = { cache, databaseUrl: url };
    subscribeToNotifications(url, IDENTITY_CHANNEL, {
      onNotify: (payload) => applyIdentityNotice(cache, payload),
      onListening: () => cache.setEnabled(true),
      onLost: () => cache.setEnabled(false),
    });
  }
  return global.preflightIdentityCache.cache;
}

/** After a change to the account committed here: this process forgets it now, the others on its NOTIFY. */
export function forgetIdentityOfUser(userId: string): void {
  identityCache().forgetUser(userId);
}

export function forgetIdentityOfToken(tokenId: string): void {
  identityCache().forgetToken(tokenId);
}
