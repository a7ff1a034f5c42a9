import { describe, expect, it } from "vitest";
import type { HealthReport } from "@/lib/health/check-health";
import { bearerTokenMatches, healthBody, healthStatusCode } from "@/lib/health/health-access";

const TOKEN = "health-token-0123456789";
const ok: HealthReport = { status: "ok", version: "0.1.0", uptimeSeconds: 12, database: { status: "ok", latencyMs: 1.2, appliedMigrations: 6 } };
const down: HealthReport = { status: "error", version: "0.1.0", uptimeSeconds: 12, database: { status: "error", error: "The database did not answer." } };

describe("health access", () => {
  it("accepts only the configured bearer token", () => {
    expect(bearerTokenMatches(`Bearer ${TOKEN}`, TOKEN)).toBe(true);
    expect(bearerTokenMatches(`bearer ${TOKEN}`, TOKEN)).toBe(true);
    for (const header of [null, "", TOKEN, `Basic ${TOKEN}`, `Bearer ${TOKEN}x`, `Bearer ${TOKEN.slice(0, -1)}`, "Bearer ", `Bearer ${TOKEN} extra`]) {
      expect(bearerTokenMatches(header, TOKEN), String(header)).toBe(false);
    }
    // No token configured: no header opens the details.
    expect(bearerTokenMatches("Bearer anything", undefined)).toBe(false);
  });

  it("shows anonymous callers the status alone, and keeps 503 for a database that does not answer", () => {
    expect(healthBody(ok, false)).toEqual({ status: "ok" });
    expect(healthBody(down, false)).toEqual({ status: "error" });
    expect(healthBody(ok, true)).toEqual(ok);
    expect([healthStatusCode(ok), healthStatusCode(down)]).toEqual([200, 503]);
  });
});
