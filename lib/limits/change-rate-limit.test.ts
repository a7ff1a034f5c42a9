import { describe, expect, it } from "vitest";
import { parseSettings, settings } from "@/lib/env";
import { countChange, RateLimitedError } from "@/lib/limits/change-rate-limit";

describe("countChange", () => {
  it("lets a person send the configured number of changes per window, then refuses with when to retry", async () => {
    const { CHANGE_RATE_LIMIT: limit, CHANGE_RATE_WINDOW_SECONDS: window } = settings();
    for (let index = 0; index < limit; index++) await countChange("user-fast");
    const refusal = await countChange("user-fast").then(() => null, (error: unknown) => error);
    expect(refusal).toBeInstanceOf(RateLimitedError);
    const { retryAfterSeconds, status, message } = refusal as RateLimitedError;
    expect(status).toBe(429);
    expect(retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(retryAfterSeconds).toBeLessThanOrEqual(window);
    expect(message).toContain(`${retryAfterSeconds} s`);
    // Someone else is counted apart.
    await expect(countChange("user-calm")).resolves.toBeUndefined();
  });

  it("is generous enough for a lead ticking by hand: a sustained 20 a second by default", () => {
    const { CHANGE_RATE_LIMIT: limit, CHANGE_RATE_WINDOW_SECONDS: window } = parseSettings({});
    expect(limit / window).toBeGreaterThanOrEqual(20);
    expect(limit).toBeGreaterThanOrEqual(100);
  });
});
