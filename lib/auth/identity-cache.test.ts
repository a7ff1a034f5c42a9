import { describe, expect, it } from "vitest";
import { applyIdentityNotice, createIdentityCache } from "@/lib/auth/identity-cache";

function setup() {
  let clock = 1_000;
  const cache = createIdentityCache({ ttlMs: 5_000, maxEntries: 3, now: () => clock });
  cache.setEnabled(true);
  let reads = 0;
  const load = (value: string | null) => async () => {
    reads++;
    return value;
  };
  return { cache, load, reads: () => reads, advance: (ms: number) => (clock += ms) };
}

type TokenRow = { id: string; userId: string };
const idsOf = (row: TokenRow) => ({ tokenId: row.id, userId: row.userId });
const tokenLoad = (row: TokenRow | null, count: () => void) => async () => {
  count();
  return row;
};

describe("createIdentityCache", () => {
  it("answers a session again from memory, per session version, until the entry is ttl old", async () => {
    const { cache, load, reads, advance } = setup();
    expect(await cache.sessionUser("u1", 0, load("Ada"))).toBe("Ada");
    expect(await cache.sessionUser("u1", 0, load("other"))).toBe("Ada");
    expect(reads()).toBe(1);
    expect(await cache.sessionUser("u1", 1, load(null))).toBeNull();
    expect(reads()).toBe(2);
    advance(5_000);
    expect(await cache.sessionUser("u1", 0, load("Ada again"))).toBe("Ada again");
    expect(reads()).toBe(3);
  });

  it("forgets a user's sessions and tokens, and only theirs", async () => {
    const { cache, load, reads } = setup();
    let tokenReads = 0;
    await cache.sessionUser("u1", 0, load("Ada"));
    await cache.sessionUser("u2", 0, load("Bob"));
    await cache.token("hash1", tokenLoad({ id: "t1", userId: "u1" }, () => tokenReads++), idsOf);
    applyIdentityNotice(cache, "user:u1");
    expect(await cache.sessionUser("u1", 0, load(null))).toBeNull();
    expect(await cache.sessionUser("u2", 0, load("changed"))).toBe("Bob");
    await cache.token("hash1", tokenLoad(null, () => tokenReads++), idsOf);
    expect(reads()).toBe(3);
    expect(tokenReads).toBe(2);
  });

  it("forgets a token by its id, and everything on any other notice", async () => {
    const { cache, load } = setup();
    let tokenReads = 0;
    await cache.token("hash1", tokenLoad({ id: "t1", userId: "u1" }, () => tokenReads++), idsOf);
    await cache.token("hash1", tokenLoad({ id: "t1", userId: "u1" }, () => tokenReads++), idsOf);
    expect(tokenReads).toBe(1);
    applyIdentityNotice(cache, "token:t1");
    await cache.token("hash1", tokenLoad({ id: "t1", userId: "u1" }, () => tokenReads++), idsOf);
    expect(tokenReads).toBe(2);
    await cache.sessionUser("u1", 0, load("Ada"));
    applyIdentityNotice(cache, "all");
    expect(cache.size).toBe(0);
  });

  it("does not remember unknown tokens", async () => {
    const { cache } = setup();
    let tokenReads = 0;
    await cache.token("nope", tokenLoad(null, () => tokenReads++), idsOf);
    await cache.token("nope", tokenLoad(null, () => tokenReads++), idsOf);
    expect(tokenReads).toBe(2);
  });

  it("does not store an answer read before a forget that came while it was read", async () => {
    const { cache, reads } = setup();
    let finish!: (value: string) => void;
    const pending = cache.sessionUser("u1", 0, () => new Promise<string>((resolve) => (finish = resolve)));
    cache.forgetUser("u1");
    finish("stale Ada");
    expect(await pending).toBe("stale Ada");
    expect(await cache.sessionUser("u1", 0, async () => "fresh Ada")).toBe("fresh Ada");
    expect(reads()).toBe(0);
  });

  it("remembers nothing while disabled, and starts empty when enabled again", async () => {
    const { cache, load, reads } = setup();
    await cache.sessionUser("u1", 0, load("Ada"));
    cache.setEnabled(false);
    expect(cache.size).toBe(0);
    await cache.sessionUser("u1", 0, load("Ada"));
    await cache.sessionUser("u1", 0, load("Ada"));
    expect(reads()).toBe(3);
    // A lookup that began while disabled does not store after the cache comes back.
    let finish!: (value: string) => void;
    const pending = cache.sessionUser("u1", 0, () => new Promise<string>((resolve) => (finish = resolve)));
    cache.setEnabled(true);
    finish("read while deaf");
    await pending;
    expect(cache.size).toBe(0);
  });

  it("keeps at most maxEntries, dropping the oldest", async () => {
    const { cache, load, reads } = setup();
    for (const id of ["a", "b", "c", "d"]) await cache.sessionUser(id, 0, load(id));
    expect(cache.size).toBe(3);
    await cache.sessionUser("a", 0, load("a"));
    expect(reads()).toBe(5);
  });
});
