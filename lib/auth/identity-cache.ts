/**
 * A short-lived memory of "who is this session / API token", so that a request or a socket
 * handshake does not read the database each time (lib/auth/identity-cache-process.ts holds the
 * process's one instance and keeps it honest across processes). Pure: no database, no clock
 * of its own.
 *
 * Safe by construction:
 * - An entry lives `ttlMs` at most, and only while the cache is enabled, which its owner
 *   allows only while it hears every change (a LISTEN connection); disabling empties it.
 * - Every forget bumps a generation. A lookup that began before a forget does not store its
 *   answer, which may have been read before the change committed.
 * - Size is bounded: the oldest entry goes first.
 */

export interface TokenEntryIds {
  tokenId: string;
  userId: string;
}

interface Entry<Value> {
  value: Value;
  expiresAt: number;
  userId: string;
  tokenId?: string;
}

export interface IdentityCacheOptions {
  ttlMs: number;
  maxEntries: number;
  now?: () => number;
}

export interface IdentityCache {
  /** The session's user: remembered, or loaded (and remembered if nothing changed meanwhile). */
  sessionUser<User>(userId: string, sessionVersion: number, load: () => Promise<User | null>): Promise<User | null>;
  /** A token's row by the hash of its secret; unknown tokens (null) are not remembered. */
  token<Row>(tokenHash: string, load: (tokenHash: string) => Promise<Row | null>, idsOf: (row: Row) => TokenEntryIds): Promise<Row | null>;
  forgetUser(userId: string): void;
  forgetToken(tokenId: string): void;
  forgetAll(): void;
  /** Off: nothing is remembered (and everything is forgotten) until it is turned on again. */
  setEnabled(enabled: boolean): void;
  readonly enabled: boolean;
  readonly size: number;
}

export function createIdentityCache({ ttlMs, maxEntries, now = Date.now }: IdentityCacheOptions): IdentityCache {
  const entries = new Map<string, Entry<unknown>>();
  let generation = 0;
  let enabled = false;

  const forgetWhere = (matches: (entry: Entry<unknown>) => boolean) => {
    generation += 1;
    for (const [key, entry] of entries) if (matches(entry)) entries.delete(key);
  };

  function fresh(key: string): Entry<unknown> | undefined {
    const entry = entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt > now()) return entry;
    entries.delete(key);
    return undefined;
  }

  async function remembered<Value>(key: string, load: () => Promise<Value>, idsOf: (value: Value) => { userId: string; tokenId?: string } | null): Promise<Value> {
    if (enabled) {
      const entry = fresh(key);
      if (entry) return entry.value as Value;
    }
    const startedAt = generation;
    const value = await load();
    const ids = idsOf(value);
    if (enabled && ids && generation === startedAt) {
      entries.delete(key);
      entries.set(key, { value, expiresAt: now() + ttlMs, ...ids });
      if (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
    }
    return value;
  }

  return {
    sessionUser: (userId, sessionVersion, load) => remembered(`session:${userId}:${sessionVersion}`, load, () => ({ userId })),
    token: (tokenHash, load, idsOf) => remembered(`token:${tokenHash}`, () => load(tokenHash), (row) => (row === null ? null : idsOf(row))),
    forgetUser: (userId) => forgetWhere((entry) => entry.userId === userId),
    forgetToken: (tokenId) => forgetWhere((entry) => entry.tokenId === tokenId),
    forgetAll: () => forgetWhere(() => true),
    setEnabled(value) {
      // Either way, a lookup begun before this moment may hold an answer no notice covered.
      forgetWhere(() => true);
      enabled = value;
    },
    get enabled() {
      return enabled;
    },
    get size() {
      return entries.size;
    },
  };
}

/** What a change notification says to forget: `user:<id>`, `token:<id>`, or anything else (everything). */
export function applyIdentityNotice(cache: IdentityCache, payload: string): void {
  const separator = payload.indexOf(":");
  const kind = separator < 0 ? payload : payload.slice(0, separator);
  const id = separator < 0 ? "" : payload.slice(separator + 1);
  if (kind === "user" && id) cache.forgetUser(id);
  else if (kind === "token" && id) cache.forgetToken(id);
  else cache.forgetAll();
}
