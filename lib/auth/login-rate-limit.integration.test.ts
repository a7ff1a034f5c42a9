import { beforeEach, describe, expect, it } from "vitest";
import { ACCOUNT_MAX_DELAY_SECONDS, accountDelaySeconds, beginLoginAttempt, loginSucceeded } from "@/lib/auth/login-rate-limit";
import { settings } from "@/lib/env";
import { resetDatabase } from "@/lib/testing/reset-database";

beforeEach(resetDatabase);

const max = () => settings().LOGIN_MAX_ATTEMPTS;

describe("login rate limit", () => {
  it("grows the per-account delay from 1 s, doubling, up to the cap", () => {
    expect([1, 2, 3].map((attempt) => accountDelaySeconds(attempt, 3))).toEqual([0, 0, 0]);
    expect([4, 5, 6, 7, 8].map((attempt) => accountDelaySeconds(attempt, 3))).toEqual([1, 2, 4, 8, 16]);
    expect(accountDelaySeconds(1_000, 3)).toBe(ACCOUNT_MAX_DELAY_SECONDS);
  });

  it("refuses an account and address after LOGIN_MAX_ATTEMPTS attempts, counted before any password check", async () => {
    for (let attempt = 1; attempt <= max(); attempt += 1) expect(await beginLoginAttempt("a@example.com", "10.0.0.1")).toEqual({ allowed: true });
    const refused = await beginLoginAttempt("a@example.com", "10.0.0.1");
    expect(refused).toMatchObject({ allowed: false, reason: "address" });
    expect((refused as { retryAfterSeconds: number }).retryAfterSeconds).toBeGreaterThan(settings().LOGIN_WINDOW_SECONDS - 60);

    // Another account from the same address is not affected.
    expect(await beginLoginAttempt("b@example.com", "10.0.0.1")).toEqual({ allowed: true });
  });

  it("slows one account across addresses once it had as many attempts as one address may make; a success resets it", async () => {
    for (let attempt = 1; attempt <= max(); attempt += 1) expect(await beginLoginAttempt("owner@example.com", `10.0.1.${attempt}`)).toEqual({ allowed: true });
    // The first delayed attempt finds the gate open and shuts it for 1 s behind itself.
    expect(await beginLoginAttempt("owner@example.com", "10.0.2.1")).toEqual({ allowed: true });
    // Sent at once so that all of them fall inside that second, even on a busy machine.
    const waiting = await Promise.all(Array.from({ length: max() }, () => beginLoginAttempt("owner@example.com", "10.0.2.2")));
    expect(waiting).toEqual(Array(max()).fill({ allowed: false, reason: "account", retryAfterSeconds: 1 }));
    // Those refused attempts were given back: 10.0.2.2 still has its whole budget (checked below, after the reset).

    await loginSucceeded("owner@example.com", "10.0.1.1");
    for (let attempt = 1; attempt <= max(); attempt += 1) expect(await beginLoginAttempt("owner@example.com", "10.0.2.2")).toEqual({ allowed: true });
  });

  it("lets at most one attempt of a parallel burst from many addresses through once the account is delayed", async () => {
    for (let attempt = 1; attempt <= max(); attempt += 1) await beginLoginAttempt("c@example.com", `10.0.3.${attempt}`);
    const verdicts = await Promise.all(Array.from({ length: 20 }, (_, index) => beginLoginAttempt("c@example.com", `10.0.4.${index}`)));
    expect(verdicts.filter((verdict) => verdict.allowed)).toHaveLength(1);
  });

  it("lets exactly LOGIN_MAX_ATTEMPTS of a parallel burst from one address through", async () => {
    const verdicts = await Promise.all(Array.from({ length: max() + 10 }, () => beginLoginAttempt("d@example.com", "10.0.5.1")));
    expect(verdicts.filter((verdict) => verdict.allowed)).toHaveLength(max());
    expect(verdicts.filter((verdict) => !verdict.allowed && verdict.reason === "address")).toHaveLength(10);
  });
});
