import { request as httpRequest } from "node:http";
import pg from "pg";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { IDENTITY_CHANNEL } from "@/lib/auth/identity-cache-process";
import { db } from "@/lib/db";
import { LISTENER_APPLICATION_NAME } from "@/lib/db/notification-listener";
import { parsePlanMarkdown } from "@/lib/import/parse-plan-markdown";
import { createPlanFromDocument } from "@/lib/plans/create-plan";
import { startAppProcess, type AppProcess } from "@/lib/testing/app-process";
import { integrationDatabase } from "@/lib/testing/integration-env";
import { sessionCookie } from "@/lib/testing/live-harness";
import { resetDatabase } from "@/lib/testing/reset-database";
import { issueApiToken } from "@/lib/tokens/create-api-token";
import { signOutEverywhere } from "@/lib/users/end-sessions";

/**
 * The changes API as the custom server answers it before Next (lib/http/fast-changes-route.ts),
 * against two real app processes on one database: every answer the route gives (status, body,
 * headers), and the identity cache forgetting an ended session or a revoked token on the other
 * process as soon as the change's NOTIFY is delivered.
 */

const RATE_LIMIT = 5;
const MARKDOWN = `# Fast plan\n\n## Steps\n- [ ] First step\n- [ ] Second step\n- [ ] Third step\n`;

type Person = { id: string; name: string };
let appA: AppProcess;
let appB: AppProcess;
let lead: Person;
let viewer: Person;
let planId: string;
let itemIds: string[];
let listener: pg.Client;
const notices: string[] = [];

beforeAll(async () => {
  const env = { CHANGE_RATE_LIMIT: String(RATE_LIMIT), CHANGE_RATE_WINDOW_SECONDS: "60" };
  [appA, appB] = await Promise.all([startAppProcess(integrationDatabase().url, { env }), startAppProcess(integrationDatabase().url, { env })]);
  // The test hears the identity NOTIFYs too, to know when one has been delivered.
  listener = new pg.Client({ connectionString: integrationDatabase().url });
  await listener.connect();
  listener.on("notification", (message) => notices.push(message.payload ?? ""));
  await listener.query(`LISTEN ${IDENTITY_CHANNEL}`);
}, 120_000);

afterAll(async () => {
  await listener?.end();
  await Promise.all([appA?.stop(), appB?.stop()]);
});

beforeEach(async () => {
  await resetDatabase();
  [lead, viewer] = (await Promise.all(
    ["Lee Lead", "Vic Viewer"].map((name, index) => db().user.create({ data: { name, email: `user${index}@example.com`, passwordHash: "not-used" }, select: { id: true, name: true } })),
  )) as [Person, Person];
  planId = (await createPlanFromDocument({ document: parsePlanMarkdown(MARKDOWN).document, createdById: lead.id })).id;
  await db().planMember.create({ data: { planId, userId: viewer.id, role: "VIEWER" } });
  itemIds = (await db().planItem.findMany({ where: { planId }, orderBy: { position: "asc" }, select: { id: true } })).map((item) => item.id);
  notices.length = 0;
});

const tick = (itemId: string, expectedVersion = 0) => JSON.stringify({ type: "item.status", itemId, status: "DONE", expectedVersion });
const changes = (app: AppProcess, id = planId) => `${app.url}/api/plans/${id}/changes`;

async function post(app: AppProcess, body: string, headers: Record<string, string>, id = planId): Promise<Response> {
  return fetch(changes(app, id), { method: "POST", headers: { "content-type": "application/json", ...headers }, body });
}

const asPerson = async (app: AppProcess, who: Person) => ({ origin: app.url, cookie: await sessionCookie(who.id, who.name) });

async function errorOf(response: Response): Promise<{ code: string; message: string }> {
  return ((await response.json()) as { error: { code: string; message: string } }).error;
}

/** Resolves once this process has heard `payload` on the identity channel (B hears it at the same commit). */
async function delivered(payload: string): Promise<void> {
  while (!notices.includes(payload)) await new Promise((resolve) => setTimeout(resolve, 5));
}

describe("the fast changes route answers as the Next route did", () => {
  it("201 with the event for a tick with a session, and with a token", async () => {
    const answer = await post(appB, tick(itemIds[0]!), await asPerson(appB, lead));
    expect(answer.status).toBe(201);
    expect(answer.headers.get("content-type")).toBe("application/json");
    const { event } = (await answer.json()) as { event: { seq: number; event: { type: string; item: { id: string; status: string } } } };
    expect(event.seq).toBe(1);
    expect(event.event).toMatchObject({ type: "item.changed", item: { id: itemIds[0], status: "DONE" } });
    const { token } = await issueApiToken(lead.id, { scope: "write" });
    expect((await post(appB, tick(itemIds[1]!), { authorization: `Bearer ${token}` })).status).toBe(201);
    expect((await db().planItem.findMany({ where: { planId, status: "DONE" } })).length).toBe(2);
  });

  it("a new share link's token is in the answer", async () => {
    const answer = await post(appB, JSON.stringify({ type: "share.create" }), await asPerson(appB, lead));
    expect(answer.status).toBe(201);
    const body = (await answer.json()) as { event: unknown; shareToken?: string };
    expect(typeof body.shareToken).toBe("string");
    expect(JSON.stringify(body.event)).not.toContain(body.shareToken);
  });

  it("400 for a body that is not JSON, and for a change the schema refuses", async () => {
    const badJson = await post(appB, "{not json", await asPerson(appB, lead));
    expect(badJson.status).toBe(400);
    expect(await errorOf(badJson)).toEqual({ code: "bad_request", message: "The body is not valid JSON; send the change as a JSON object." });
    const badChange = await post(appB, JSON.stringify({ type: "item.status", itemId: itemIds[0] }), await asPerson(appB, lead));
    expect(badChange.status).toBe(400);
    expect(((await badChange.json()) as { error: { issues: unknown[] } }).error.issues.length).toBeGreaterThan(0);
  });

  it("401 without a session, with a forged cookie, and with an ended session", async () => {
    const none = await post(appB, tick(itemIds[0]!), { origin: appB.url });
    expect(none.status).toBe(401);
    expect(await errorOf(none)).toEqual({ code: "unauthenticated", message: "Sign in to use this API." });
    expect((await post(appB, tick(itemIds[0]!), { origin: appB.url, cookie: "authjs.session-token=forged" })).status).toBe(401);
    await db().user.update({ where: { id: lead.id }, data: { sessionVersion: { increment: 1 } } });
    await delivered(`user:${lead.id}`);
    expect((await post(appB, tick(itemIds[0]!), await asPerson(appB, lead))).status).toBe(401);
    const token = await issueApiToken(lead.id, { scope: "write" });
    const unknown = await post(appB, tick(itemIds[0]!), { authorization: `Bearer ${token.token}x` });
    expect(await errorOf(unknown)).toEqual({ code: "unauthenticated", message: "This API token is not known." });
  });

  it("403 for a cross-site cookie POST, a read-only token and a viewer", async () => {
    const cookie = await sessionCookie(lead.id, lead.name);
    const crossSite = await post(appB, tick(itemIds[0]!), { origin: "https://evil.test", cookie });
    expect(crossSite.status).toBe(403);
    expect(await errorOf(crossSite)).toEqual({ code: "forbidden", message: "This request came from another site and was refused." });
    expect((await post(appB, tick(itemIds[0]!), { "sec-fetch-site": "cross-site", cookie })).status).toBe(403);
    const { token } = await issueApiToken(lead.id, { scope: "read" });
    const readOnly = await post(appB, tick(itemIds[0]!), { authorization: `Bearer ${token}` });
    expect(readOnly.status).toBe(403);
    expect((await errorOf(readOnly)).message).toMatch(/read-only/);
    const asViewer = await post(appB, tick(itemIds[0]!), await asPerson(appB, viewer));
    expect(asViewer.status).toBe(403);
    expect(await db().planItem.count({ where: { planId, status: "DONE" } })).toBe(0);
  });

  it("404 for a plan that does not exist, or outside a narrowed token", async () => {
    const missing = await post(appB, tick(itemIds[0]!), await asPerson(appB, lead), "no-such-plan");
    expect(missing.status).toBe(404);
    expect((await errorOf(missing)).code).toBe("not_found");
    const { token } = await issueApiToken(lead.id, { scope: "write", planIds: ["another-plan"] });
    expect((await post(appB, tick(itemIds[0]!), { authorization: `Bearer ${token}` })).status).toBe(404);
  });

  it("409 with the fresh state when someone changed the item first", async () => {
    const headers = await asPerson(appB, lead);
    expect((await post(appB, tick(itemIds[0]!), headers)).status).toBe(201);
    const conflict = await post(appB, tick(itemIds[0]!), headers);
    expect(conflict.status).toBe(409);
    expect((await errorOf(conflict)).code).toBe("conflict");
  });

  it("413 for a declared size over 64 KB, before the rate is counted, and for a streamed one", async () => {
    const headers = await asPerson(appB, lead);
    const large = JSON.stringify({ type: "item.comment", itemId: itemIds[0], body: "x".repeat(70 * 1024) });
    const declared = await post(appB, large, headers);
    expect(declared.status).toBe(413);
    expect((await errorOf(declared)).code).toBe("too_large");
    const streamed = await new Promise<number>((resolve, reject) => {
      const request = httpRequest(changes(appB), { method: "POST", headers: { ...headers, "content-type": "application/json", "transfer-encoding": "chunked" } });
      request.on("response", (response) => {
        resolve(response.statusCode ?? 0);
        request.destroy();
      });
      // The server may stop reading before this side stops writing.
      request.on("error", (error: NodeJS.ErrnoException) => (error.code === "EPIPE" || error.code === "ECONNRESET" ? undefined : reject(error)));
      const chunk = "x".repeat(8 * 1024);
      // One chunk per turn of the event loop, as a real client writes, so the answer is seen while sending.
      const write = () => {
        if (request.destroyed) return;
        if (request.write(chunk)) setImmediate(write);
        else request.once("drain", write);
      };
      write();
    });
    expect(streamed).toBe(413);
  });

  it("429 with Retry-After past the change rate", async () => {
    const headers = await asPerson(appB, lead);
    const answers: Response[] = [];
    for (let index = 0; index <= RATE_LIMIT; index++) answers.push(await post(appB, JSON.stringify({ type: "item.comment", itemId: itemIds[0], body: `note ${index}` }), headers));
    expect(answers.slice(0, RATE_LIMIT).map((answer) => answer.status)).toEqual(Array(RATE_LIMIT).fill(201));
    const refused = answers[RATE_LIMIT]!;
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await errorOf(refused)).code).toBe("rate_limited");
  });

  it("carries the security headers Next gives other API answers, and HSTS over HTTPS", async () => {
    const security = ["x-content-type-options", "referrer-policy", "x-frame-options", "permissions-policy", "cross-origin-opener-policy", "strict-transport-security", "content-type"];
    for (const proto of ["http", "https"]) {
      const headers = { origin: `${proto}://127.0.0.1:${new URL(appB.url).port}`, "x-forwarded-proto": proto };
      const fast = await post(appB, tick(itemIds[0]!), headers);
      // Another API route's 401, answered by Next through proxy.ts.
      const next = await fetch(`${appB.url}/api/plans/${planId}/webhooks`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: "{}" });
      expect([fast.status, next.status]).toEqual([401, 401]);
      const pick = (response: Response) => Object.fromEntries(security.map((name) => [name, response.headers.get(name)]));
      expect(pick(fast)).toEqual(pick(next));
      expect(fast.headers.get("strict-transport-security") !== null).toBe(proto === "https");
    }
  });
});

describe("the identity cache across processes", () => {
  it("both processes listen for identity changes (so their caches are on)", async () => {
    const rows = await db().$queryRaw<{ count: bigint }[]>`SELECT count(*) FROM pg_stat_activity WHERE application_name = ${LISTENER_APPLICATION_NAME} AND datname = current_database()`;
    // A's and B's (this test process may have one of its own too).
    expect(Number(rows[0]!.count)).toBeGreaterThanOrEqual(2);
  });

  it("a session ended in another process is refused by B on the next request once the NOTIFY is delivered", async () => {
    const headers = await asPerson(appB, lead);
    // Known to B: answered (and remembered) before the change; a bad body spends no write.
    expect((await post(appB, "{}", headers)).status).toBe(400);
    expect((await post(appB, "{}", headers)).status).toBe(400);
    await signOutEverywhere(lead.id);
    await delivered(`user:${lead.id}`);
    expect((await post(appB, "{}", headers)).status).toBe(401);
  });

  it("a token revoked through A is refused by B on the next request", async () => {
    const { id, token } = await issueApiToken(lead.id, { scope: "write" });
    const bearer = { authorization: `Bearer ${token}` };
    expect((await post(appB, "{}", bearer)).status).toBe(400);
    expect((await post(appB, "{}", bearer)).status).toBe(400);
    const revoked = await fetch(`${appA.url}/api/tokens/${id}`, { method: "DELETE", headers: await asPerson(appA, lead) });
    expect(revoked.status).toBe(200);
    await delivered(`token:${id}`);
    const refused = await post(appB, "{}", bearer);
    expect(refused.status).toBe(401);
    expect(await errorOf(refused)).toEqual({ code: "unauthenticated", message: "This API token was revoked." });
  });

  it("a deactivated owner's token is refused by B on the next request", async () => {
    const { token } = await issueApiToken(lead.id, { scope: "write" });
    const bearer = { authorization: `Bearer ${token}` };
    expect((await post(appB, "{}", bearer)).status).toBe(400);
    await db().user.update({ where: { id: lead.id }, data: { active: false } });
    await delivered(`user:${lead.id}`);
    expect((await post(appB, "{}", bearer)).status).toBe(401);
  });

  it("a token's last use is still recorded, with its address", async () => {
    const { id, token } = await issueApiToken(lead.id, { scope: "write" });
    expect((await post(appB, tick(itemIds[0]!), { authorization: `Bearer ${token}` })).status).toBe(201);
    const row = await db().apiToken.findUniqueOrThrow({ where: { id } });
    expect(row.lastUsedAt).not.toBeNull();
    expect(row.lastUsedAddress).toBe("127.0.0.1");
  });
});
