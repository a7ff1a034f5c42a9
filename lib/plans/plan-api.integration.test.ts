import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { parsePlanMarkdown } from "@/lib/import/parse-plan-markdown";
import { applyPlanChange } from "@/lib/plan-state/apply-plan-change";
import { createPlanFromDocument } from "@/lib/plans/create-plan";
import { saveTemplate } from "@/lib/plans/save-template";
import { startAppProcess, type AppProcess } from "@/lib/testing/app-process";
import { integrationDatabase } from "@/lib/testing/integration-env";
import { resetDatabase } from "@/lib/testing/reset-database";
import { issueApiToken } from "@/lib/tokens/create-api-token";

/** The plan API as a pipeline uses it, with a token: lists by page, one plan, new plans, events by page. */

const MARKDOWN = `# API plan\n\n## Steps\n${Array.from({ length: 5 }, (_, index) => `- [ ] Step ${index + 1}`).join("\n")}\n`;

let app: AppProcess;
let leadId: string;
let token: string;

beforeAll(async () => {
  app = await startAppProcess(integrationDatabase().url);
}, 90_000);
afterAll(async () => {
  await app?.stop();
});
beforeEach(async () => {
  await resetDatabase();
  leadId = (await db().user.create({ data: { name: "Lee Lead", email: "lead@example.com", passwordHash: "not-used" } })).id;
  token = (await issueApiToken(leadId, { scope: "write" })).token;
});

const call = (path: string, init: RequestInit = {}, secret = token) =>
  fetch(`${app.url}${path}`, { ...init, headers: { "content-type": "application/json", authorization: `Bearer ${secret}`, ...init.headers } });

async function plansOf(count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let index = 0; index < count; index++) ids.push((await createPlanFromDocument({ document: parsePlanMarkdown(MARKDOWN).document, createdById: leadId })).id);
  return ids;
}

describe("the plan API with a token", () => {
  it("lists plans page by page, newest first, and never repeats one", async () => {
    const created = await plansOf(5);
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const response = await call(`/api/plans?limit=2${cursor ? `&cursor=${cursor}` : ""}`);
      expect(response.status).toBe(200);
      const page = (await response.json()) as { items: { id: string }[]; nextCursor: string | null };
      seen.push(...page.items.map((plan) => plan.id));
      cursor = page.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual([...created].reverse());
    expect((await call("/api/plans?limit=1000")).status).toBe(400);
  });

  it("gets one plan with the caller's role; another's plan is a 404", async () => {
    const [planId] = await plansOf(1);
    const response = await call(`/api/plans/${planId}`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ plan: { id: planId, title: "API plan", status: "DRAFT", role: "LEAD", lastSeq: 0 } });
    const stranger = await db().user.create({ data: { name: "Sam Stranger", email: "sam@example.com", passwordHash: "not-used" } });
    expect((await call(`/api/plans/${planId}`, {}, (await issueApiToken(stranger.id, { scope: "read" })).token)).status).toBe(404);
  });

  it("creates a plan from Markdown and from a template with its fields; the caller leads it", async () => {
    const fromMarkdown = await call("/api/plans", { method: "POST", body: JSON.stringify({ from: "markdown", markdown: MARKDOWN }) });
    expect(fromMarkdown.status).toBe(201);
    const { plan } = (await fromMarkdown.json()) as { plan: { id: string; title: string } };
    expect(plan.title).toBe("API plan");
    expect(await db().planMember.findUniqueOrThrow({ where: { planId_userId: { planId: plan.id, userId: leadId } } })).toMatchObject({ role: "LEAD" });

    const template = await saveTemplate({ document: parsePlanMarkdown("# Release {{service}} {{version}}\n\n**Environment**: {{environment}}\n\n## Steps\n- [ ] Deploy {{version}}\n").document, name: "Release", createdById: leadId });
    const fromTemplate = await call("/api/plans", { method: "POST", body: JSON.stringify({ from: "template", templateId: template.id, feature: "checkout", version: "2.4.0", environment: "production" }) });
    expect(fromTemplate.status).toBe(201);
    const created = (await fromTemplate.json()) as { plan: { id: string; title: string } };
    expect(created.plan.title).toContain("2.4.0");

    const notAPlan = await call("/api/plans", { method: "POST", body: JSON.stringify({ from: "markdown", markdown: "just a sentence" }) });
    expect(notAPlan.status).toBe(422);
    const missing = await call("/api/plans", { method: "POST", body: JSON.stringify({ from: "template", templateId: template.id }) });
    expect(missing.status).toBe(400);
    expect(((await missing.json()) as { error: { issues: { path: string }[] } }).error.issues.map((issue) => issue.path)).toContain("feature");
  });

  it("a read token or a token narrowed to plans cannot create plans", async () => {
    const body = JSON.stringify({ from: "markdown", markdown: MARKDOWN });
    expect((await call("/api/plans", { method: "POST", body }, (await issueApiToken(leadId, { scope: "read" })).token)).status).toBe(403);
    const [planId] = await plansOf(1);
    expect((await call("/api/plans", { method: "POST", body }, (await issueApiToken(leadId, { scope: "write", planIds: [planId!] })).token)).status).toBe(403);
  });

  it("a token narrowed to plans lists only those", async () => {
    const [first, second] = await plansOf(2);
    const narrowed = (await issueApiToken(leadId, { scope: "read", planIds: [first!] })).token;
    const page = (await (await call("/api/plans", {}, narrowed)).json()) as { items: { id: string }[] };
    expect(page.items.map((plan) => plan.id)).toEqual([first]);
    expect(second).toBeDefined();
  });

  it("pages through a plan's events by sequence number", async () => {
    const [planId] = await plansOf(1);
    const lead = { id: leadId, name: "Lee Lead", isAdmin: false };
    const items = await db().planItem.findMany({ where: { planId }, orderBy: { position: "asc" } });
    for (const item of items) await applyPlanChange(lead, planId!, { type: "item.comment", itemId: item.id, body: `On ${item.text}` });
    const first = (await (await call(`/api/plans/${planId}/events?limit=3`)).json()) as { items: { seq: number }[]; nextCursor: string | null };
    expect(first.items.map((event) => event.seq)).toEqual([1, 2, 3]);
    expect(first.nextCursor).toBe("3");
    const second = (await (await call(`/api/plans/${planId}/events?limit=3&cursor=${first.nextCursor}`)).json()) as { items: { seq: number }[]; nextCursor: string | null };
    expect(second.items.map((event) => event.seq)).toEqual([4, 5]);
    expect(second.nextCursor).toBeNull();
  });
});
