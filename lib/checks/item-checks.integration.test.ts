import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { describeError } from "@/lib/describe-error";
import { parsePlanMarkdown } from "@/lib/import/parse-plan-markdown";
import { applyPlanChange } from "@/lib/plan-state/apply-plan-change";
import type { Actor } from "@/lib/plan-state/plan-access";
import { createPlanFromDocument } from "@/lib/plans/create-plan";
import { exportPlanAsMarkdown } from "@/lib/plans/export-plan";
import { parseAllowedHosts } from "@/lib/outbound/address-policy";
import { AUTOMATION_USER_ID } from "@/lib/checks/automation-actor";
import { runItemCheck } from "@/lib/checks/run-item-check";
import { resetDatabase } from "@/lib/testing/reset-database";
import { allowOutboundHostsInThisProcess } from "@/lib/testing/integration-env";

// Automatic checks use the instance's setting, as on a server: the test receiver is on loopback.
allowOutboundHostsInThisProcess("127.0.0.1");

// A real HTTP server on loopback stands in for the service a deployment step checks.
let server: Server;
let base: string;
const received: string[] = [];
const LOOPBACK = parseAllowedHosts("127.0.0.1");

beforeAll(async () => {
  server = createServer((request, response) => {
    received.push(`${request.method} ${request.url}`);
    if (request.url === "/health") response.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify({ status: "ok", p99: 212 }));
    else response.writeHead(503, { "Content-Type": "text/plain" }).end("upstream payments-db unreachable");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

let lead: Actor;
let viewer: Actor;
let planId: string;

async function step(text: string) {
  return db().planItem.findFirstOrThrow({
    where: { planId, text },
    select: { id: true, version: true, status: true, statusNote: true, statusById: true, httpCheck: true, httpCheckResult: true },
  });
}

async function refusal(run: () => Promise<unknown>) {
  try {
    await run();
    return null;
  } catch (error) {
    const { status, body } = describeError(error);
    return { status, message: body.error.message };
  }
}

beforeEach(async () => {
  await resetDatabase();
  received.length = 0;
  const [leadUser, viewerUser] = await Promise.all([
    db().user.create({ data: { name: "Lee Lead", email: "lead@example.com", passwordHash: "not-used" }, select: { id: true, name: true } }),
    db().user.create({ data: { name: "Vic Viewer", email: "viewer@example.com", passwordHash: "not-used" }, select: { id: true, name: true } }),
  ]);
  lead = { ...leadUser, isAdmin: false };
  viewer = { ...viewerUser, isAdmin: false };
  const markdown = `# Checkout v2

## Verify
- [ ] Health endpoint answers

  Check: GET ${base}/health expect 200 json /status == "ok"

- [ ] Payments answer

  Check: GET ${base}/payments expect 200 retries 1

- [ ] Announce the release
`;
  planId = (await createPlanFromDocument({ document: parsePlanMarkdown(markdown).document, createdById: lead.id })).id;
  await db().planMember.create({ data: { planId, userId: viewer.id, role: "VIEWER" } });
});

describe("steps that check themselves", () => {
  it("a passing check ticks the step Done as Automation, with the response as evidence", async () => {
    const { id } = await step("Health endpoint answers");
    const { result, applied } = await runItemCheck(planId, id, lead, { allowedHosts: LOOPBACK });
    expect(result).toMatchObject({ ok: true, status: 200, reason: null, attempts: 1, excerpt: '{"status":"ok","p99":212}' });
    expect(applied.message.actor).toEqual({ id: AUTOMATION_USER_ID, name: "Automation" });
    expect(applied.message.event).toMatchObject({ type: "item.changed", item: { status: "DONE", changedBy: "Automation" }, check: { ok: true, status: 200 } });
    const after = await step("Health endpoint answers");
    expect(after).toMatchObject({ status: "DONE", statusById: AUTOMATION_USER_ID, httpCheckResult: { ok: true, status: 200, excerpt: '{"status":"ok","p99":212}' } });
    expect(after.statusNote).toMatch(/^Check passed: 200 in \d+ ms\.$/);
    expect(received).toEqual(["GET /health"]);
    // The export says who settled it and how.
    const { markdown } = await exportPlanAsMarkdown(planId, { id: lead.id, role: "MEMBER" });
    expect(markdown).toContain("Automation");
    expect(markdown).toContain(`Check: GET ${base}/health expect 200 json /status == ok`);
  });

  it("a wrong status marks the step Failed, the response as the failure reason, after its retries", async () => {
    const { id } = await step("Payments answer");
    const { result } = await runItemCheck(planId, id, lead, { allowedHosts: LOOPBACK });
    expect(result).toMatchObject({ ok: false, status: 503, reason: "Expected status 200, got 503.", attempts: 2, excerpt: "upstream payments-db unreachable" });
    const after = await step("Payments answer");
    expect(after.status).toBe("FAILED");
    expect(after.statusNote).toMatch(/^Check failed: Expected status 200, got 503\. \(503 in \d+ ms, 2 tries\)\.\nResponse: upstream payments-db unreachable$/);
    expect(received).toEqual(["GET /payments", "GET /payments"]);
  });

  it("goes through the outbound guard: a loopback target is refused unless allow-listed, and nothing is ticked", async () => {
    const { id } = await step("Health endpoint answers");
    const refused = await refusal(() => runItemCheck(planId, id, lead, { allowedHosts: parseAllowedHosts("") }));
    expect(refused?.status).toBe(422);
    expect(refused?.message).toContain("WEBHOOK_ALLOWED_HOSTS");
    expect(received).toEqual([]);
    expect(await step("Health endpoint answers")).toMatchObject({ status: "PENDING", httpCheckResult: null });
  });

  it("is run by the lead or an executor only; a person cannot pass off a result as Automation's, and Automation settles only steps with a check", async () => {
    const health = await step("Health endpoint answers");
    expect(await refusal(() => runItemCheck(planId, health.id, viewer, { allowedHosts: LOOPBACK }))).toEqual({ status: 403, message: "You are watching this plan; only its participants can change it." });
    const forged = { ok: true, status: 200, ms: 1, excerpt: "", reason: null, attempts: 1, at: new Date().toISOString() };
    expect(await refusal(() => applyPlanChange(lead, planId, { type: "item.status", itemId: health.id, status: "DONE", expectedVersion: health.version, checkResult: forged }))).toEqual({
      status: 403,
      message: "Only Automation records a check's result; run the step's check instead.",
    });
    const plain = await step("Announce the release");
    expect(await refusal(() => runItemCheck(planId, plain.id, lead, { allowedHosts: LOOPBACK }))).toEqual({ status: 422, message: "This step has no HTTP check to run." });
  });

  it("the lead sets, changes and removes a step's check through the one writer, with the step's version", async () => {
    const plain = await step("Announce the release");
    const check = { method: "POST", url: `${base}/announce`, expectedStatus: 204 };
    const applied = await applyPlanChange(lead, planId, { type: "item.check", itemId: plain.id, expectedVersion: plain.version, check });
    expect(applied.message.event).toMatchObject({ type: "item.checkSet", item: { id: plain.id, version: plain.version + 1 }, check: { ...check, timeoutMs: 5000, retries: 0, auto: false } });
    expect((await step("Announce the release")).httpCheck).toEqual({ ...check, timeoutMs: 5000, retries: 0, auto: false });
    expect(await refusal(() => applyPlanChange(lead, planId, { type: "item.check", itemId: plain.id, expectedVersion: plain.version, check: null }))).toMatchObject({ status: 409 });
    expect(await refusal(() => applyPlanChange(viewer, planId, { type: "item.check", itemId: plain.id, expectedVersion: plain.version + 1, check: null }))).toMatchObject({ status: 403 });
    await applyPlanChange(lead, planId, { type: "item.check", itemId: plain.id, expectedVersion: plain.version + 1, check: null });
    expect((await step("Announce the release")).httpCheck).toBeNull();
    const { markdown } = await exportPlanAsMarkdown(planId, { id: lead.id, role: "MEMBER" });
    expect(markdown).not.toContain("/announce");
  });

  it("a removed step comes back by undo with the check it had, including one set after the import", async () => {
    const plain = await step("Announce the release");
    const check = { method: "POST" as const, url: `${base}/announce`, expectedStatus: 204 };
    await applyPlanChange(lead, planId, { type: "item.check", itemId: plain.id, expectedVersion: plain.version, check });
    await applyPlanChange(lead, planId, { type: "item.remove", itemId: plain.id, expectedVersion: plain.version + 1 });
    await applyPlanChange(lead, planId, { type: "plan.undo" });
    expect((await step("Announce the release")).httpCheck).toEqual({ ...check, timeoutMs: 5000, retries: 0, auto: false });

    const health = await step("Health endpoint answers");
    await applyPlanChange(lead, planId, { type: "item.remove", itemId: health.id, expectedVersion: health.version });
    await applyPlanChange(lead, planId, { type: "plan.undo" });
    expect((await step("Health endpoint answers")).httpCheck).toMatchObject({ method: "GET", url: `${base}/health`, expectedStatus: 200 });
  });

  it("a check marked auto runs by itself once the plan is running and the step it waits for is done", async () => {
    const plain = await step("Announce the release");
    const health = await step("Health endpoint answers");
    // "Health" waits for "Announce" and checks itself automatically.
    await applyPlanChange(lead, planId, { type: "item.plan", itemId: health.id, expectedVersion: health.version, dependsOn: [{ itemId: plain.id }] });
    const planned = await step("Health endpoint answers");
    await applyPlanChange(lead, planId, {
      type: "item.check",
      itemId: health.id,
      expectedVersion: planned.version,
      check: { method: "GET", url: `${base}/health`, expectedStatus: 200, auto: true },
    });
    await applyPlanChange(lead, planId, { type: "plan.lifecycle", action: "start" });
    await settled();
    expect(received).toEqual([]);
    await applyPlanChange(lead, planId, { type: "item.status", itemId: plain.id, status: "DONE", expectedVersion: plain.version });
    const after = await eventually(async () => {
      const current = await step("Health endpoint answers");
      return current.status === "PENDING" ? null : current;
    });
    expect(after).toMatchObject({ status: "DONE", statusById: AUTOMATION_USER_ID, httpCheckResult: { ok: true, status: 200 } });
    expect(received).toEqual(["GET /health"]);
  });
});

/** Lets the automatic checks the last change scheduled start (they begin on the next turn of the event loop). */
async function settled() {
  await new Promise((resolve) => setImmediate(resolve));
  await new Promise((resolve) => setTimeout(resolve, 200));
}

/** Polls until `read` answers something; the test's own time-out bounds it. */
async function eventually<T>(read: () => Promise<T | null>): Promise<T> {
  for (;;) {
    const value = await read();
    if (value !== null) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
