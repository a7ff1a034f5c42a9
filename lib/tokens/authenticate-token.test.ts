import { describe, expect, it } from "vitest";
import { assertTokenAllows, assertTokenMayCreatePlans, bearerTokenOf } from "@/lib/tokens/authenticate-token";
import { displayPrefixOf, generateTokenSecret, hashTokenSecret } from "@/lib/tokens/token-secret";

describe("bearerTokenOf", () => {
  it("reads the token of a Bearer header, in any case of the scheme", () => {
    expect(bearerTokenOf(new Headers({ authorization: "Bearer pfl_abc" }))).toBe("pfl_abc");
    expect(bearerTokenOf(new Headers({ authorization: "bearer   pfl_abc  " }))).toBe("pfl_abc");
    expect(bearerTokenOf(new Headers({ authorization: "Bearer" }))).toBe("");
  });

  it("is null without the header or with another scheme", () => {
    expect(bearerTokenOf(new Headers())).toBeNull();
    expect(bearerTokenOf(new Headers({ authorization: "Basic dXNlcjpwYXNz" }))).toBeNull();
  });

  it("reads a 100 KB header in one pass", () => {
    const header = `Bearer ${" ".repeat(50_000)}${"a".repeat(50_000)}`;
    expect(bearerTokenOf(new Headers({ authorization: header }))).toBe("a".repeat(50_000));
  });
});

describe("token secrets", () => {
  it("are prefixed, 256-bit, different every time, and stored only as their SHA-256", () => {
    const first = generateTokenSecret();
    expect(first).toMatch(/^pfl_[A-Za-z0-9_-]{43}$/);
    expect(generateTokenSecret()).not.toBe(first);
    expect(hashTokenSecret(first)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashTokenSecret(first)).toBe(hashTokenSecret(first));
    expect(displayPrefixOf(first)).toBe(first.slice(0, 10));
  });
});

describe("a token's own limits", () => {
  const read = { id: "t", scope: "read" as const, planIds: [] };
  const narrowed = { id: "t", scope: "write" as const, planIds: ["plan-a"] };

  it("a read token may only GET", () => {
    expect(() => assertTokenAllows(read, { method: "GET", planId: "plan-a" })).not.toThrow();
    expect(() => assertTokenAllows(read, { method: "POST", planId: "plan-a" })).toThrow(expect.objectContaining({ code: "forbidden" }));
    expect(() => assertTokenAllows(read, { method: "DELETE" })).toThrow(expect.objectContaining({ code: "forbidden" }));
  });

  it("a token narrowed to plans sees no other plan and creates none", () => {
    expect(() => assertTokenAllows(narrowed, { method: "POST", planId: "plan-a" })).not.toThrow();
    expect(() => assertTokenAllows(narrowed, { method: "GET", planId: "plan-b" })).toThrow(expect.objectContaining({ code: "not_found" }));
    expect(() => assertTokenMayCreatePlans(narrowed)).toThrow(expect.objectContaining({ code: "forbidden" }));
    expect(() => assertTokenMayCreatePlans(read)).not.toThrow();
    expect(() => assertTokenMayCreatePlans(null)).not.toThrow();
  });
});
