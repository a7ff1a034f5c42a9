import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { parsePlanMarkdown } from "@/lib/import/parse-plan-markdown";
import { createPlanFromDocument } from "@/lib/plans/create-plan";
import { startAppProcess, type AppProcess } from "@/lib/testing/app-process";
import { integrationDatabase } from "@/lib/testing/integration-env";
import { sessionCookie } from "@/lib/testing/live-harness";
import { resetDatabase } from "@/lib/testing/reset-database";
import { issueApiToken } from "@/lib/tokens/create-api-token";

/**
 * API tokens against the real server: made with a session, used with `Authorization: Bearer`,
 * narrowed by scope and plans, refused at once when revoked, expired or when the owner is
 * deactivated, and never accepted by pages or by the routes that manage tokens.
 */

const MARKDOWN = `# Token plan\n\n## Steps\n- [ ] First step\n- [ ] Second step\n`;

type Person = { id: string; name: string };
let app: AppProcess;
let lead: Person;
let viewer: Person;
let planId: string;
let otherPlanId: string;
let itemIds: string[];

beforeAll(async () => {
  app = await startAppProcess(integrationDatabase().url);
}, 90_000);

afterAll(async () => {
  await app?.stop();
});

beforeEach(async () => {
  await resetDatabase();
  [lead, viewer] = await Promise.all(
    ["Lee Lead", "Vic Viewer"].map((name, index) => db().user.create({ data: { name, email: `user${index}@example.com`, passwordHash: "not-used" }, select: { id: true, name: true } })),
  ) as [Person, Person];
  planId = (await createPlanFromDocument({ document: parsePlanMarkdown(MARKDOWN).document, createdById: lead.id })).id;
  otherPlanId = (await createPlanFromDocument({ document: parsePlanMarkdown(MARKDOWN).document, createdById: lead.id })).id;
  await db().planMember.create({ data: { planId, userId: viewer.id, role: "VIEWER" } });
  itemIds = (await db().planItem.findMany({ where: { planId }, orderBy: { position: "asc" }, select: { id: true } })).map((item) => item.id);
});

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const tick = (itemId: string) => JSON.stringify({ type: "item.status", itemId, status: "DONE", expectedVersion: 0 });

async function withSession(who: Person, path: string, init: RequestInit = {}): Promise<Response> {
  return fetch(`${app.url}${path}`, { ...init, headers: { "content-type": "application/json", origin: app.url, cookie: await sessionCookie(who.id, who.name), ...init.headers } });
}

function withToken(token: string, path: string, init: RequestInit = {}): Promise<Response> {
  return fetch(`${app.url}${path}`, { redirect: "manual", ...init, headers: { "content-type": "application/json", ...bearer(token), ...init.headers } });
}

const lastSeq = async (id = planId) => (await db().plan.findUniqueOrThrow({ where: { id } })).lastSeq;

describe("making tokens", () => {
  it("POST /api/tokens with a session answers the token once; lists never show it", async () => {
    const created = await withSession(lead, "/api/tokens", { method: "POST", body: JSON.stringify({ name: "CI", scope: "write", expiresInDays: 30 }) });
    expect(created.status).toBe(201);
    const { id, token } = (await created.json()) as { id: string; token: string };
    expect(token).toMatch(/^pfl_[A-Za-z0-9_-]{43}$/);
    const stored = await db().apiToken.findUniqueOrThrow({ where: { id } });
    expect(stored.tokenHash).not.toContain(token);
    expect(stored.expiresAt.getTime() - Date.now()).toBeGreaterThan(29 * 24 * 3600_000);

    const listed = await withSession(lead, "/api/tokens");
    const body = await listed.text();
    expect(listed.status).toBe(200);
    expect(body).toContain('"name":"CI"');
    expect(body).not.toContain(token);
  });

  it("refuses an expiry over a year and a plan the owner cannot see", async () => {
    const tooLong = await withSession(viewer, "/api/tokens", { method: "POST", body: JSON.stringify({ name: "CI", scope: "read", expiresInDays: 400 }) });
    expect(tooLong.status).toBe(400);
    expect(((await tooLong.json()) as { error: { code: string; message: string } }).error.message).toMatch(/at most 365 days/);
    const foreignPlan = await withSession(viewer, "/api/tokens", { method: "POST", body: JSON.stringify({ name: "CI", scope: "read", expiresInDays: 5, planIds: [otherPlanId] }) });
    expect(foreignPlan.status).toBe(404);
    expect(await db().apiToken.count()).toBe(0);
  });

  it("a token cannot make, list or revoke tokens; a person without a session gets 401", async () => {
    const { id, token } = await issueApiToken(lead.id, { scope: "write" });
    expect((await withToken(token, "/api/tokens", { method: "POST", body: JSON.stringify({ name: "x", scope: "write", expiresInDays: 1 }) })).status).toBe(403);
    expect((await withToken(token, "/api/tokens")).status).toBe(403);
    expect((await withToken(token, `/api/tokens/${id}`, { method: "DELETE" })).status).toBe(403);
    expect((await fetch(`${app.url}/api/tokens`)).status).toBe(401);
  });
});

describe("using tokens", () => {
  it("a write token reads live state and the export and makes a change, recording when and from where", async () => {
    const { id, token } = await issueApiToken(lead.id, { scope: "write" });
    const live = await withToken(token, `/api/plans/${planId}/live`);
    expect(live.status).toBe(200);
    expect(((await live.json()) as { state: { planId: string; status: string } }).state).toMatchObject({ planId, status: "DRAFT" });
    const exported = await withToken(token, `/api/plans/${planId}/export`);
    expect(exported.status).toBe(200);
    expect(await exported.text()).toContain("# Token plan");
    // A foreign Origin does not matter to a bearer request: it carries no cookie to abuse.
    const change = await withToken(token, `/api/plans/${planId}/changes`, { method: "POST", headers: { origin: "https://elsewhere.example" }, body: tick(itemIds[0]!) });
    expect(change.status).toBe(201);
    const event = await db().planEvent.findFirstOrThrow({ where: { planId }, orderBy: { seq: "desc" } });
    expect(event.actorId).toBe(lead.id);
    const used = await db().apiToken.findUniqueOrThrow({ where: { id } });
    expect(used.lastUsedAt).not.toBeNull();
    expect(used.lastUsedAddress).toBe("127.0.0.1");
  });

  it("a read token reads but every change is refused with 403 and writes nothing", async () => {
    const { token } = await issueApiToken(lead.id, { scope: "read" });
    expect((await withToken(token, `/api/plans/${planId}/live`)).status).toBe(200);
    const before = await lastSeq();
    const refused = await withToken(token, `/api/plans/${planId}/changes`, { method: "POST", body: tick(itemIds[0]!) });
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toMatch(/read-only/);
    expect(await lastSeq()).toBe(before);
  });

  it("a token can do no more than its owner: a viewer's write token is refused a tick", async () => {
    const { token } = await issueApiToken(viewer.id, { scope: "write" });
    expect((await withToken(token, `/api/plans/${planId}/live`)).status).toBe(200);
    expect((await withToken(token, `/api/plans/${planId}/changes`, { method: "POST", body: tick(itemIds[0]!) })).status).toBe(403);
    expect((await withToken(token, `/api/plans/${otherPlanId}/live`)).status).toBe(404);
  });

  it("a token narrowed to plans answers 404 for the owner's other plans", async () => {
    const { token } = await issueApiToken(lead.id, { scope: "write", planIds: [planId] });
    expect((await withToken(token, `/api/plans/${planId}/live`)).status).toBe(200);
    expect((await withToken(token, `/api/plans/${otherPlanId}/live`)).status).toBe(404);
    expect((await withToken(token, `/api/plans/${otherPlanId}/changes`, { method: "POST", body: tick(itemIds[0]!) })).status).toBe(404);
  });

  it("a revoked token answers 401 on the very next request", async () => {
    const { id, token } = await issueApiToken(lead.id, { scope: "write" });
    expect((await withToken(token, `/api/plans/${planId}/live`)).status).toBe(200);
    const revoked = await withSession(lead, `/api/tokens/${id}`, { method: "DELETE" });
    expect(revoked.status).toBe(200);
    const refused = await withToken(token, `/api/plans/${planId}/live`);
    expect(refused.status).toBe(401);
    expect(await refused.json()).toEqual({ error: { code: "unauthenticated", message: "This API token was revoked." } });
  });

  it("someone else's token cannot be revoked (404); an administrator can", async () => {
    const { id } = await issueApiToken(lead.id, { scope: "write" });
    expect((await withSession(viewer, `/api/tokens/${id}`, { method: "DELETE" })).status).toBe(404);
    const admin = await db().user.create({ data: { name: "Ada Admin", email: "admin@example.com", passwordHash: "not-used", role: "ADMIN" }, select: { id: true, name: true } });
    expect((await withSession(admin, `/api/tokens/${id}`, { method: "DELETE" })).status).toBe(200);
    expect((await db().apiToken.findUniqueOrThrow({ where: { id } })).revokedAt).not.toBeNull();
  });

  it("an expired token answers 401", async () => {
    const { id, token } = await issueApiToken(lead.id, { scope: "write" });
    await db().apiToken.update({ where: { id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const refused = await withToken(token, `/api/plans/${planId}/live`);
    expect(refused.status).toBe(401);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toMatch(/expired/);
  });

  it("the token of a deactivated owner answers 401", async () => {
    const { token } = await issueApiToken(lead.id, { scope: "write" });
    await db().user.update({ where: { id: lead.id }, data: { active: false } });
    expect((await withToken(token, `/api/plans/${planId}/live`)).status).toBe(401);
  });

  it("an unknown or malformed token answers 401", async () => {
    expect((await withToken("pfl_not-a-real-token", `/api/plans/${planId}/live`)).status).toBe(401);
    expect((await withToken("", `/api/plans/${planId}/live`)).status).toBe(401);
  });

  it("pages ignore tokens: a bearer request for a plan page is sent to sign in", async () => {
    const { token } = await issueApiToken(lead.id, { scope: "write" });
    const page = await withToken(token, `/plans/${planId}`);
    expect(page.status).toBe(307);
    expect(page.headers.get("location")).toContain("/sign-in");
  });

  it("cookie requests from another site are still refused", async () => {
    const response = await withSession(lead, `/api/plans/${planId}/changes`, { method: "POST", headers: { origin: "https://elsewhere.example" }, body: tick(itemIds[0]!) });
    expect(response.status).toBe(403);
  });
});
