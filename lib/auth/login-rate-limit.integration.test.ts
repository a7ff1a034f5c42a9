import { beforeEach, describe, expect, it } from "vitest";
import { clearFailedLogins, recordFailedLogin, secondsUntilLoginAllowed } from "@/lib/auth/login-rate-limit";
import { settings } from "@/lib/env";
import { resetDatabase } from "@/lib/testing/reset-database";

beforeEach(resetDatabase);

describe("login rate limit", () => {
  it("blocks an account and address after the allowed failures, until cleared", async () => {
    const max = settings().LOGIN_MAX_ATTEMPTS;
    for (let attempt = 1; attempt < max; attempt += 1) await recordFailedLogin("a@example.com", "10.0.0.1");
    expect(await secondsUntilLoginAllowed("a@example.com", "10.0.0.1")).toBe(0);

    await recordFailedLogin("a@example.com", "10.0.0.1");
    const wait = await secondsUntilLoginAllowed("a@example.com", "10.0.0.1");
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(settings().LOGIN_WINDOW_SECONDS);

    // Another account, or the same account from another address, is not affected.
    expect(await secondsUntilLoginAllowed("b@example.com", "10.0.0.1")).toBe(0);
    expect(await secondsUntilLoginAllowed("a@example.com", "10.0.0.2")).toBe(0);

    await clearFailedLogins("a@example.com", "10.0.0.1");
    expect(await secondsUntilLoginAllowed("a@example.com", "10.0.0.1")).toBe(0);
  });
});
