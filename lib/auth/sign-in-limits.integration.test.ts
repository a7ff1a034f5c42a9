import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { loginLimitKeys } from "@/lib/auth/login-rate-limit";
import { startAppProcess, type AppProcess } from "@/lib/testing/app-process";
import { integrationDatabase } from "@/lib/testing/integration-env";
import { resetDatabase } from "@/lib/testing/reset-database";
import { createUser } from "@/lib/users/create-user";

/**
 * Sign-in limits against the real server (server.ts computes the client address, Auth.js's
 * credentials callback counts the attempt): what an attacker who writes X-Forwarded-For gets.
 */
const OWNER = { name: "Owner", email: "owner@example.com", password: "the-right-password" };

/** One credentials sign-in through Auth.js's HTTP endpoints, as a script would do it: the `code` it answers with. */
async function signInCode(app: AppProcess, password: string, headers: Record<string, string> = {}): Promise<string> {
  const csrf = await fetch(`${app.url}/api/auth/csrf`, { headers });
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookie = csrf.headers.getSetCookie().map((line) => line.split(";")[0]).join("; ");
  const response = await fetch(`${app.url}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { ...headers, cookie, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email: OWNER.email, password, csrfToken, callbackUrl: "/plans" }),
  });
  const location = new URL(response.headers.get("location") ?? "", app.url);
  if (location.pathname === "/plans") return "signed-in";
  expect(location.pathname).toBe("/sign-in");
  return location.searchParams.get("code") ?? `no code (${location.search})`;
}

const countOf = (codes: string[], code: string) => codes.filter((candidate) => candidate === code).length;

beforeEach(async () => {
  await resetDatabase();
  await createUser(OWNER);
});

describe("sign-in limits with no trusted proxy (the default)", () => {
  let app: AppProcess;
  beforeAll(async () => {
    app = await startAppProcess(integrationDatabase().url, { env: { TRUSTED_PROXIES: "", LOGIN_MAX_ATTEMPTS: "10" } });
  }, 90_000);
  afterAll(async () => app?.stop());

  it("refuses twelve failed sign-ins with rotating X-Forwarded-For (and a forged address header) after the tenth", async () => {
    const codes: string[] = [];
    for (let attempt = 1; attempt <= 12; attempt += 1) {
      const forged = `203.0.113.${attempt}`;
      codes.push(await signInCode(app, "wrong-password", { "x-forwarded-for": forged, "x-real-ip": forged, "x-preflight-client-address": forged }));
    }
    console.log(`rotating X-Forwarded-For, no trusted proxy: ${codes.join(", ")}`);
    expect(codes).toEqual([...Array(10).fill("credentials"), "rate_limited", "rate_limited"]);
    // Even the right password is refused now: the limit is checked before the password.
    expect(await signInCode(app, OWNER.password, { "x-forwarded-for": "203.0.113.99" })).toBe("rate_limited");
    // All of it was counted against the TCP peer.
    const rows = await db().$queryRaw<{ key: string; points: number }[]>`SELECT key, points FROM rate_limits WHERE key LIKE 'login:%'`;
    expect(rows).toEqual([{ key: `login:${loginLimitKeys(OWNER.email, "127.0.0.1").accountAndAddress}`, points: expect.any(Number) }]);
  });

  it("refuses a parallel burst beyond the limit", async () => {
    const codes = await Promise.all(Array.from({ length: 16 }, () => signInCode(app, "wrong-password")));
    console.log(`parallel burst of 16: ${countOf(codes, "credentials")} checked, ${countOf(codes, "rate_limited")} refused`);
    expect(countOf(codes, "credentials")).toBe(10);
    expect(countOf(codes, "rate_limited")).toBe(6);
  });
});

describe("sign-in limits behind a trusted proxy (TRUSTED_PROXIES=loopback)", () => {
  let app: AppProcess;
  beforeAll(async () => {
    app = await startAppProcess(integrationDatabase().url, { env: { TRUSTED_PROXIES: "loopback", LOGIN_MAX_ATTEMPTS: "3" } });
  }, 90_000);
  afterAll(async () => app?.stop());

  it("keys on the forwarded client: each gets its own budget, and the per-account delay still applies", async () => {
    const first = { "x-forwarded-for": "203.0.113.1" };
    const firstCodes = [];
    for (let attempt = 1; attempt <= 4; attempt += 1) firstCodes.push(await signInCode(app, "wrong-password", first));
    expect(firstCodes).toEqual(["credentials", "credentials", "credentials", "rate_limited"]);

    // Another forwarded client has a budget of its own: its password is checked. (Its attempt is the
    // account's fourth, so it also passes the per-account gate and shuts it behind itself.)
    expect(await signInCode(app, "wrong-password", { "x-forwarded-for": "203.0.113.2" })).toBe("credentials");

    // Many more forwarded clients at once: the account's growing delay lets at most one of them through.
    const burst = await Promise.all(Array.from({ length: 6 }, (_, index) => signInCode(app, "wrong-password", { "x-forwarded-for": `198.51.100.${index + 1}` })));
    console.log(`trusted proxy, burst of 6 new forwarded clients after 4 failures: ${countOf(burst, "credentials")} checked, ${countOf(burst, "rate_limited")} refused`);
    expect(countOf(burst, "credentials")).toBeLessThanOrEqual(1);
    expect(countOf(burst, "rate_limited")).toBeGreaterThanOrEqual(5);

    // The limiter saw the forwarded addresses, not the proxy's.
    const keys = (await db().$queryRaw<{ key: string }[]>`SELECT key FROM rate_limits WHERE key LIKE 'login:%'`).map((row) => row.key);
    expect(keys).toEqual(expect.arrayContaining(["203.0.113.1", "203.0.113.2"].map((address) => `login:${loginLimitKeys(OWNER.email, address).accountAndAddress}`)));
    expect(keys).not.toContain(`login:${loginLimitKeys(OWNER.email, "127.0.0.1").accountAndAddress}`);

    // The owner, once the delay has passed, signs in; that clears the account's failures.
    let outcome = "rate_limited";
    for (let tries = 0; outcome === "rate_limited" && tries < 90; tries += 1) {
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      outcome = await signInCode(app, OWNER.password, { "x-forwarded-for": "192.0.2.10" });
    }
    expect(outcome).toBe("signed-in");
    expect(await signInCode(app, "wrong-password", { "x-forwarded-for": "192.0.2.11" })).toBe("credentials");
  }, 180_000);
});
