import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { startAppProcess, type AppProcess } from "@/lib/testing/app-process";
import { integrationDatabase } from "@/lib/testing/integration-env";
import { sessionCookie } from "@/lib/testing/live-harness";
import { resetDatabase } from "@/lib/testing/reset-database";

const HEALTH_TOKEN = "monitor-token-0123456789abcdef";

let app: AppProcess;
let cookies: { admin: string; member: string };
beforeAll(async () => {
  await resetDatabase();
  const admin = await db().user.create({ data: { name: "Admin", email: "admin@example.com", passwordHash: "not-used", role: "ADMIN" } });
  const member = await db().user.create({ data: { name: "Member", email: "member@example.com", passwordHash: "not-used" } });
  cookies = { admin: await sessionCookie(admin.id, admin.name), member: await sessionCookie(member.id, member.name) };
  app = await startAppProcess(integrationDatabase().url, { env: { HEALTH_TOKEN } });
}, 90_000);
afterAll(async () => app?.stop());

async function health(headers: Record<string, string> = {}) {
  const response = await fetch(`${app.url}/api/health`, { headers });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe("GET /api/health", () => {
  it("tells anonymous callers, members and wrong tokens only whether it is up", async () => {
    for (const headers of <Record<string, string>[]>[{}, { cookie: cookies.member }, { authorization: "Bearer not-the-token-at-all" }, { authorization: HEALTH_TOKEN }]) {
      expect(await health(headers), JSON.stringify(headers)).toEqual({ status: 200, body: { status: "ok" } });
    }
  });

  it("shows the details to a monitor with HEALTH_TOKEN and to a signed-in administrator", async () => {
    for (const headers of <Record<string, string>[]>[{ authorization: `Bearer ${HEALTH_TOKEN}` }, { cookie: cookies.admin }]) {
      const { status, body } = await health(headers);
      expect(status).toBe(200);
      expect(body).toMatchObject({ status: "ok", version: expect.any(String), uptimeSeconds: expect.any(Number), database: { status: "ok" } });
      expect((body.database as { appliedMigrations: number }).appliedMigrations).toBeGreaterThan(0);
    }
  });
});
