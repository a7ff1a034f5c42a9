import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { parsePlanMarkdown } from "@/lib/import/parse-plan-markdown";
import { applyPlanChange } from "@/lib/plan-state/apply-plan-change";
import { createPlanFromDocument } from "@/lib/plans/create-plan";
import { resetDatabase } from "@/lib/testing/reset-database";
import { authenticateToken } from "@/lib/tokens/authenticate-token";
import { createApiToken } from "@/lib/tokens/create-api-token";
import { hashPassword } from "@/lib/users/passwords";
import { createServiceAccount, listServiceAccounts } from "@/lib/users/service-accounts";
import { verifyCredentials } from "@/lib/users/verify-credentials";

let adminId: string;
let memberId: string;

beforeEach(async () => {
  await resetDatabase();
  adminId = (await db().user.create({ data: { name: "Ada Admin", email: "admin@example.com", passwordHash: "not-used", role: "ADMIN" } })).id;
  memberId = (await db().user.create({ data: { name: "Max Member", email: "member@example.com", passwordHash: "not-used" } })).id;
});

describe("service accounts", () => {
  it("only an administrator creates one; it is listed with its tokens", async () => {
    await expect(createServiceAccount(memberId, { name: "CI" })).rejects.toMatchObject({ code: "forbidden" });
    const bot = await createServiceAccount(adminId, { name: "Deploy bot" });
    expect(bot.email).toMatch(/^deploy-bot-[0-9a-f]{8}@service-accounts\.preflight\.invalid$/);
    await createApiToken({ id: adminId, role: "ADMIN" }, { name: "GitHub Actions", scope: "write", expiresInDays: 30 }, bot.id);
    const [listed] = await listServiceAccounts(adminId);
    expect(listed).toMatchObject({ id: bot.id, name: "Deploy bot", tokens: [{ name: "GitHub Actions", scope: "write" }] });
    await expect(listServiceAccounts(memberId)).rejects.toMatchObject({ code: "forbidden" });
  });

  it("cannot sign in with a password, even one set on it", async () => {
    const bot = await createServiceAccount(adminId, { name: "CI" });
    await db().user.update({ where: { id: bot.id }, data: { passwordHash: await hashPassword("a-known-password") } });
    expect(await verifyCredentials({ email: bot.email, password: "a-known-password" })).toBeNull();
  });

  it("only an administrator makes its tokens, and a member cannot make tokens for another person", async () => {
    const bot = await createServiceAccount(adminId, { name: "CI" });
    await expect(createApiToken({ id: memberId, role: "MEMBER" }, { name: "x", scope: "write" }, bot.id)).rejects.toMatchObject({ code: "forbidden" });
    await expect(createApiToken({ id: adminId, role: "ADMIN" }, { name: "x", scope: "write" }, memberId)).rejects.toMatchObject({ code: "forbidden" });
    await expect(createApiToken({ id: adminId, role: "ADMIN" }, { name: "x", scope: "write", admin: true }, bot.id)).rejects.toMatchObject({ code: "forbidden" });
  });

  it("acts as a plan member through its token, and the event carries its name", async () => {
    const bot = await createServiceAccount(adminId, { name: "Deploy bot" });
    const planId = (await createPlanFromDocument({ document: parsePlanMarkdown("# Bot plan\n\n## Steps\n- [ ] Deploy\n").document, createdById: memberId })).id;
    await db().planMember.create({ data: { planId, userId: bot.id, role: "EXECUTOR" } });
    const { token } = await createApiToken({ id: adminId, role: "ADMIN" }, { name: "CI", scope: "write" }, bot.id);
    const { user } = await authenticateToken(token, "203.0.113.9");
    const item = await db().planItem.findFirstOrThrow({ where: { planId } });
    const { message } = await applyPlanChange({ id: user.id, name: user.name, isAdmin: false }, planId, { type: "item.status", itemId: item.id, status: "DONE", expectedVersion: 0 });
    expect(message.actor).toMatchObject({ id: bot.id, name: "Deploy bot" });
  });
});

describe("an administrator's token", () => {
  it("acts as a member unless it was created with administration rights", async () => {
    const plain = await createApiToken({ id: adminId, role: "ADMIN" }, { name: "plain", scope: "write" });
    expect((await authenticateToken(plain.token, "127.0.0.1")).user.role).toBe("MEMBER");
    const withAdmin = await createApiToken({ id: adminId, role: "ADMIN" }, { name: "admin", scope: "write", admin: true });
    expect((await authenticateToken(withAdmin.token, "127.0.0.1")).user.role).toBe("ADMIN");
    await expect(createApiToken({ id: memberId, role: "MEMBER" }, { name: "admin", scope: "write", admin: true })).rejects.toMatchObject({ code: "forbidden" });
  });
});
