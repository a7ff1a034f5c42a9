import { PrismaPg } from "@prisma/adapter-pg";
import { describe, expect, it } from "vitest";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { checkHealth } from "@/lib/health/check-health";

describe("checkHealth", () => {
  it("reports ok with the applied migration count when the database answers", async () => {
    const report = await checkHealth();
    expect(report.status).toBe("ok");
    expect(report.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(report.database.status).toBe("ok");
    expect(report.database.appliedMigrations).toBeGreaterThan(0);
  });

  it("reports an error, without internals, when the database does not answer", async () => {
    // Port 9 (discard) on loopback: nothing listens there, so the connection is refused.
    const unreachable = new PrismaClient({ adapter: new PrismaPg({ connectionString: "postgresql://nobody@127.0.0.1:9/none", connectionTimeoutMillis: 1_000 }) });
    const report = await checkHealth(unreachable);
    expect(report.status).toBe("error");
    expect(report.database).toEqual({ status: "error", error: "The database did not answer." });
    await unreachable.$disconnect();
  });
});
