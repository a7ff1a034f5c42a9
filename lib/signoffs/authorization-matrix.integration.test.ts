import { io as connect, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { parsePlanMarkdown } from "@/lib/import/parse-plan-markdown";
import { applyPlanChange } from "@/lib/plan-state/apply-plan-change";
import { createPlanFromDocument } from "@/lib/plans/create-plan";
import { startAppProcess, type AppProcess } from "@/lib/testing/app-process";
import { integrationDatabase } from "@/lib/testing/integration-env";
import { sessionCookie } from "@/lib/testing/live-harness";
import { resetDatabase } from "@/lib/testing/reset-database";
import { SIGNOFF_PLAN_MARKDOWN } from "@/lib/testing/signoff-test-plan";
import { preparePartFixture, type PartFixture } from "@/lib/document-parts/part-test-fixture";
import { issueApiToken } from "@/lib/tokens/create-api-token";

/**
 * Every state-changing action, for every kind of caller, over HTTP and over the socket, against
 * the real server (route handlers, socket handlers, sessions). A cell is either allowed (the
 * change is recorded as exactly one new event) or refused with the expected status, and then
 * nothing at all changed.
 */
const PRINCIPALS = ["lead", "executor", "approver", "viewer", "non-member", "anonymous", "share-link visitor"] as const;
type Principal = (typeof PRINCIPALS)[number];
const MEMBER_ROLES = { lead: "LEAD", executor: "EXECUTOR", approver: "APPROVER", viewer: "VIEWER" } as const;

interface Fixture {
  planId: string;
  userIds: Record<"lead" | "executor" | "approver" | "viewer" | "non-member", string>;
  itemIds: string[];
  sectionIdByTitle: Record<string, string>;
  goGateId: string;
  preGateId: string;
  shareLinkId: string;
  shareToken: string;
}

// Edits of the document's parts name the part by the hash the editor loaded; each cell's prepare makes them.
let parts: PartFixture;
const prepareParts = async (f: Fixture) => void (parts = await preparePartFixture(f.planId, actor(f, "lead"), f.preGateId));

const ACTIONS: Record<string, { allowed: Principal[]; prepare?: (fixture: Fixture) => Promise<void>; change: (fixture: Fixture) => unknown }> = {
  tick: { allowed: ["lead", "executor"], change: (f) => ({ type: "item.status", itemId: f.itemIds[0], status: "DONE", expectedVersion: 0 }) },
  comment: { allowed: ["lead", "executor", "approver"], change: (f) => ({ type: "item.comment", itemId: f.itemIds[0], body: "Looks good" }) },
  "edit plan": { allowed: ["lead"], change: () => ({ type: "plan.edit", title: "Renamed plan" }) },
  start: {
    allowed: ["lead"],
    // Start needs the Go/No-Go gate to say GO and the pre-deployment sign-off; the approver (holding every title) gives both first.
    prepare: async (f) => {
      const approver = actor(f, "approver");
      await applyPlanChange(approver, f.planId, { type: "gate.decide", gateId: f.goGateId, decision: "GO", rationale: "Ready" });
      for (const title of ["QA Lead", "Tech Lead"]) await applyPlanChange(approver, f.planId, { type: "gate.sign", gateId: f.preGateId, title, decision: "APPROVE" });
    },
    change: () => ({ type: "plan.lifecycle", action: "start" }),
  },
  complete: {
    allowed: ["lead"],
    prepare: async (f) => {
      await db().planItem.updateMany({ where: { planId: f.planId }, data: { status: "DONE" } });
      await db().plan.update({ where: { id: f.planId }, data: { status: "IN_PROGRESS", startedAt: new Date() } });
    },
    change: () => ({ type: "plan.lifecycle", action: "complete" }),
  },
  "trigger rollback": {
    allowed: ["lead"],
    prepare: async (f) => void (await db().plan.update({ where: { id: f.planId }, data: { status: "IN_PROGRESS", startedAt: new Date() } })),
    change: () => ({ type: "plan.lifecycle", action: "trigger-rollback", reason: "Error rate above 5%" }),
  },
  "sign the pre-deployment gate": { allowed: ["approver"], change: (f) => ({ type: "gate.sign", gateId: f.preGateId, title: "QA Lead", decision: "APPROVE" }) },
  "decide the Go/No-Go gate": { allowed: ["approver"], change: (f) => ({ type: "gate.decide", gateId: f.goGateId, decision: "GO", rationale: "All checks green" }) },
  "manage members": { allowed: ["lead"], change: () => ({ type: "member.set", email: "newcomer@example.com", role: "VIEWER", titles: [] }) },
  "revoke share link": { allowed: ["lead"], change: (f) => ({ type: "share.revoke", linkId: f.shareLinkId }) },
  "schedule the window": {
    allowed: ["lead"],
    change: () => ({ type: "plan.window", windowStart: "2026-12-05T22:00:00Z", timeZone: "Europe/Berlin", expectedDurationMinutes: 45, expectedDowntimeMinutes: 10 }),
  },
  "mark downtime started": {
    allowed: ["lead"],
    prepare: async (f) => void (await db().plan.update({ where: { id: f.planId }, data: { status: "IN_PROGRESS", startedAt: new Date() } })),
    change: () => ({ type: "downtime", action: "start" }),
  },
  "flag an item as the downtime start": { allowed: ["lead"], change: (f) => ({ type: "item.flag", itemId: f.itemIds[0], downtimeMarker: "START" }) },
  "tick a monitoring check": {
    allowed: ["lead", "executor"],
    prepare: async (f) => {
      await db().plan.update({ where: { id: f.planId }, data: { status: "COMPLETE", startedAt: new Date(), finishedAt: new Date() } });
      await db().monitoringCheck.create({ data: { id: "check-1", planId: f.planId, position: 0, label: "Error rates at T+1h", offsetMinutes: 60, dueAt: new Date() } });
    },
    change: () => ({ type: "check.status", checkId: "check-1", status: "DONE" }),
  },
  "plan a step (owners, dependencies, duration)": {
    allowed: ["lead"],
    change: (f) => ({ type: "item.plan", itemId: f.itemIds[1], expectedVersion: 0, owners: [{ userId: f.userIds.executor }, { title: "QA Lead" }], dependsOn: [{ itemId: f.itemIds[0] }], plannedMinutes: 15 }),
  },
  "set a step's HTTP check": {
    allowed: ["lead"],
    change: (f) => ({ type: "item.check", itemId: f.itemIds[1], expectedVersion: 0, check: { method: "GET", url: "https://status.example.com/health", expectedStatus: 200 } }),
  },
  "tick Done over an open predecessor, with a reason": {
    allowed: ["lead"],
    prepare: async (f) => void (await db().planItemDependency.create({ data: { planId: f.planId, itemId: f.itemIds[1]!, dependsOnItemId: f.itemIds[0]!, position: 0 } })),
    change: (f) => ({ type: "item.status", itemId: f.itemIds[1], status: "DONE", expectedVersion: 0, override: { reason: "Ran it by hand" } }),
  },
  // The plan's structure (lib/plan-editing): the lead's alone.
  "structure: add a section": { allowed: ["lead"], change: () => ({ type: "section.add", title: "Extra checks" }) },
  "structure: rename a section": { allowed: ["lead"], change: (f) => ({ type: "section.edit", sectionId: f.sectionIdByTitle["Deployment"], expectedVersion: 0, title: "Rollout" }) },
  "structure: move a section": { allowed: ["lead"], change: (f) => ({ type: "section.move", sectionId: f.sectionIdByTitle["Deployment"], expectedVersion: 0, afterSectionId: null }) },
  "structure: remove a section": { allowed: ["lead"], change: (f) => ({ type: "section.remove", sectionId: f.sectionIdByTitle["Deployment"], expectedVersion: 0 }) },
  "structure: add a step": { allowed: ["lead"], change: (f) => ({ type: "item.add", sectionId: f.sectionIdByTitle["Deployment"], text: "Warm caches" }) },
  "structure: edit a step": { allowed: ["lead"], change: (f) => ({ type: "item.edit", itemId: f.itemIds[1], expectedVersion: 0, text: "All tests passing" }) },
  "structure: move a step": { allowed: ["lead"], change: (f) => ({ type: "item.move", itemId: f.itemIds[0], expectedVersion: 0, sectionId: f.sectionIdByTitle["Deployment"] }) },
  "structure: remove a step": { allowed: ["lead"], change: (f) => ({ type: "item.remove", itemId: f.itemIds[2], expectedVersion: 0 }) },
  "structure: undo an edit": {
    allowed: ["lead"],
    // Each principal tries to undo their own last edit; only the lead made one, and only the lead may.
    prepare: async (f) => void (await applyPlanChange(actor(f, "lead"), f.planId, { type: "section.add", title: "Extra checks" })),
    change: () => ({ type: "plan.undo" }),
  },
  "document: edit a gate": { allowed: ["lead"], prepare: prepareParts, change: (f) => ({ type: "gate.edit", gateId: f.preGateId, expectedHash: parts.gateHash, roles: [{ title: "QA Lead", quorum: 2 }] }) },
  "document: add a rollback trigger": { allowed: ["lead"], change: () => ({ type: "trigger.add", text: "Latency p95 above 800 ms" }) },
  "document: reword a rollback trigger": { allowed: ["lead"], prepare: prepareParts, change: () => ({ type: "trigger.edit", index: 0, expectedText: "Error rate above 2%", text: "Error rate above 1%" }) },
  "document: remove a rollback trigger": { allowed: ["lead"], prepare: prepareParts, change: () => ({ type: "trigger.remove", index: 0, expectedText: "Error rate above 2%" }) },
  "document: edit a table": {
    allowed: ["lead"],
    prepare: prepareParts,
    change: () => ({ type: "table.edit", tableId: parts.tableId, expectedHash: parts.tableHash, header: ["Role", "Name", "Phone"], rows: [["On-call", "Kim", "+1 555 0199"]] }),
  },
  "document: add a message": { allowed: ["lead"], change: () => ({ type: "comms.add", name: "All clear", body: "Done." }) },
  "document: edit a message": { allowed: ["lead"], prepare: prepareParts, change: () => ({ type: "comms.edit", templateId: parts.messageId, expectedHash: parts.messageHash, body: "We start in five minutes." }) },
  "document: remove a message": { allowed: ["lead"], prepare: prepareParts, change: () => ({ type: "comms.remove", templateId: parts.messageId, expectedHash: parts.messageHash }) },
  "document: add a table": { allowed: ["lead"], change: () => ({ type: "table.add", kind: "risks" }) },
  "document: remove a table": { allowed: ["lead"], prepare: prepareParts, change: () => ({ type: "table.remove", tableId: parts.tableId, expectedHash: parts.tableHash }) },
  "document: add a gate": { allowed: ["lead"], change: () => ({ type: "gate.add", kind: "sign-off", title: "Release approval", roles: [{ title: "QA Lead", quorum: 1 }] }) },
  "document: remove a gate": { allowed: ["lead"], prepare: prepareParts, change: (f) => ({ type: "gate.remove", gateId: f.preGateId, expectedHash: parts.gateHash }) },
  "post a status update": { allowed: ["lead"], change: () => ({ type: "status-update.post", text: "Halfway there, no errors." }) },
};

const actor = (fixture: Fixture, who: keyof Fixture["userIds"]) => ({ id: fixture.userIds[who], name: who, isAdmin: false });

let app: AppProcess;
beforeAll(async () => {
  app = await startAppProcess(integrationDatabase().url);
}, 90_000);
afterAll(async () => {
  await app?.stop();
});

async function freshFixture(): Promise<Fixture> {
  await resetDatabase();
  const names = ["lead", "executor", "approver", "viewer", "non-member"] as const;
  const users = await Promise.all(names.map((name) => db().user.create({ data: { name, email: `${name}@example.com`, passwordHash: "not-used" }, select: { id: true } })));
  await db().user.create({ data: { name: "Newcomer", email: "newcomer@example.com", passwordHash: "not-used" } });
  const userIds = Object.fromEntries(names.map((name, index) => [name, users[index]!.id])) as Fixture["userIds"];
  const planId = (await createPlanFromDocument({ document: parsePlanMarkdown(SIGNOFF_PLAN_MARKDOWN).document, createdById: userIds.lead })).id;
  // Everyone holds every title, so that the role alone decides each cell.
  const titles = ["QA Lead", "Tech Lead", "CTO"];
  await db().planMember.update({ where: { planId_userId: { planId, userId: userIds.lead } }, data: { titles } });
  await db().planMember.createMany({
    data: (["executor", "approver", "viewer"] as const).map((who) => ({ planId, userId: userIds[who], role: MEMBER_ROLES[who], titles })),
  });
  const itemIds = (await db().planItem.findMany({ where: { planId }, orderBy: { position: "asc" }, select: { id: true } })).map((item) => item.id);
  const sectionIdByTitle = Object.fromEntries((await db().planSection.findMany({ where: { planId }, select: { id: true, title: true } })).map((section) => [section.title, section.id]));
  const gates = await db().gate.findMany({ where: { planId }, select: { id: true, kind: true } });
  const share = await applyPlanChange({ id: userIds.lead, name: "lead", isAdmin: false }, planId, { type: "share.create" });
  const shareLinkId = (share.message.event as { linkId: string }).linkId;
  return {
    planId,
    userIds,
    itemIds,
    sectionIdByTitle,
    goGateId: gates.find((gate) => gate.kind === "GO_NO_GO")!.id,
    preGateId: gates.find((gate) => gate.kind === "PRE_DEPLOYMENT")!.id,
    shareLinkId,
    shareToken: share.shareToken!,
  };
}

/** Everything a change could touch, to prove a refused call wrote nothing. */
async function fingerprint(planId: string): Promise<string> {
  const [plan, items, members, signatures, links, comments, events, downtime, checks, owners, dependencies] = await Promise.all([
    db().plan.findUniqueOrThrow({
      where: { id: planId },
      select: {
        title: true,
        status: true,
        lastSeq: true,
        allowSelfApproval: true,
        hideCommandsInShare: true,
        startedAt: true,
        finishedAt: true,
        windowStart: true,
        windowTimeZone: true,
        expectedDurationMinutes: true,
        expectedDowntimeMinutes: true,
        document: true,
      },
    }),
    db().planItem.findMany({ where: { planId }, orderBy: { position: "asc" }, select: { status: true, version: true, statusNote: true, downtimeMarker: true, plannedDurationMinutes: true } }),
    db().planMember.findMany({ where: { planId }, orderBy: { userId: "asc" }, select: { userId: true, role: true, titles: true } }),
    db().gateSignature.count({ where: { planId } }),
    db().shareLink.findMany({ where: { planId }, select: { id: true, revokedAt: true } }),
    db().planComment.count({ where: { planId } }),
    db().planEvent.count({ where: { planId } }),
    db().downtimePeriod.count({ where: { planId } }),
    db().monitoringCheck.findMany({ where: { planId }, select: { status: true, doneAt: true } }),
    db().planItemOwner.findMany({ where: { planId }, orderBy: [{ itemId: "asc" }, { position: "asc" }], select: { itemId: true, userId: true, title: true } }),
    db().planItemDependency.findMany({ where: { planId }, orderBy: [{ itemId: "asc" }, { position: "asc" }], select: { itemId: true, dependsOnItemId: true, dependsOnSectionId: true } }),
  ]);
  return JSON.stringify({ plan, items, members, signatures, links, comments, events, downtime, checks, owners, dependencies });
}

async function cookieOf(fixture: Fixture, who: Principal): Promise<string | undefined> {
  if (who === "anonymous" || who === "share-link visitor") return undefined;
  return sessionCookie(fixture.userIds[who], who);
}

/** The change over HTTP, as a script or CI job would send it. Share visitors have no session, only their link. */
async function overHttp(fixture: Fixture, who: Principal, change: unknown): Promise<number> {
  const cookie = await cookieOf(fixture, who);
  const query = who === "share-link visitor" ? `?share=${fixture.shareToken}` : "";
  const response = await fetch(`${app.url}/api/plans/${fixture.planId}/changes${query}`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      origin: app.url,
      ...(cookie ? { cookie } : {}),
      ...(who === "share-link visitor" ? { authorization: `Bearer ${fixture.shareToken}` } : {}),
    },
    body: JSON.stringify(change),
  });
  return response.status;
}

/** The change over the socket, as the plan page sends it; a refused handshake counts as 401. */
async function overSocket(fixture: Fixture, who: Principal, change: unknown): Promise<number> {
  const cookie = await cookieOf(fixture, who);
  const socket: Socket = connect(app.url, {
    path: "/socket.io",
    transports: ["websocket"],
    forceNew: true,
    reconnection: false,
    ...(cookie ? { extraHeaders: { cookie } } : {}),
    ...(who === "share-link visitor" ? { auth: { shareToken: fixture.shareToken } } : {}),
  });
  try {
    const connected = await new Promise<boolean>((resolve) => {
      socket.once("connect", () => resolve(true));
      socket.once("connect_error", () => resolve(false));
    });
    if (!connected) return 401;
    const answer = (await socket.timeout(10_000).emitWithAck("plan:change", { planId: fixture.planId, change })) as { ok: boolean; status?: number };
    return answer.ok ? 201 : answer.status!;
  } finally {
    socket.close();
  }
}

function expectedStatus(who: Principal, allowed: boolean, transport: "HTTP" | "socket"): number {
  if (allowed) return 201;
  if (who === "anonymous") return 401;
  if (who === "share-link visitor") return transport === "HTTP" ? 401 : 403;
  // A plan you are not a member of is not revealed: 404, as for one that does not exist.
  if (who === "non-member") return 404;
  return 403;
}

const CELLS = Object.entries(ACTIONS).flatMap(([action, spec]) => PRINCIPALS.map((who) => ({ action, who, allowed: spec.allowed.includes(who) })));

describe.each(["HTTP", "socket"] as const)("authorization over %s", (transport) => {
  it.each(CELLS)("$action by $who: allowed=$allowed", async ({ action, who, allowed }) => {
    const fixture = await freshFixture();
    const spec = ACTIONS[action]!;
    await spec.prepare?.(fixture);
    const before = await fingerprint(fixture.planId);
    const lastSeq = (await db().plan.findUniqueOrThrow({ where: { id: fixture.planId } })).lastSeq;

    const status = transport === "HTTP" ? await overHttp(fixture, who, spec.change(fixture)) : await overSocket(fixture, who, spec.change(fixture));

    expect(status).toBe(expectedStatus(who, allowed, transport));
    if (allowed) {
      expect((await db().plan.findUniqueOrThrow({ where: { id: fixture.planId } })).lastSeq).toBe(lastSeq + 1);
      expect(await fingerprint(fixture.planId)).not.toBe(before);
    } else {
      expect(await fingerprint(fixture.planId)).toBe(before);
    }
  });
});

/**
 * The token column: each account's write token, sent over HTTP as a pipeline would, gets exactly
 * the answer its owner gets (a viewer's token is refused a tick, a non-member's sees no plan).
 */
type TokenHolder = keyof Fixture["userIds"];
const TOKEN_HOLDERS: readonly Principal[] = ["lead", "executor", "approver", "viewer", "non-member"];

async function overHttpWithToken(fixture: Fixture, who: TokenHolder, change: unknown): Promise<number> {
  const { token } = await issueApiToken(fixture.userIds[who], { scope: "write" });
  const response = await fetch(`${app.url}/api/plans/${fixture.planId}/changes`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify(change),
  });
  return response.status;
}

describe("authorization over HTTP with a write API token", () => {
  it.each(CELLS.filter(({ who }) => TOKEN_HOLDERS.includes(who)))("$action by $who's token: allowed=$allowed", async ({ action, who, allowed }) => {
    const fixture = await freshFixture();
    const spec = ACTIONS[action]!;
    await spec.prepare?.(fixture);
    const before = await fingerprint(fixture.planId);
    const lastSeq = (await db().plan.findUniqueOrThrow({ where: { id: fixture.planId } })).lastSeq;

    const status = await overHttpWithToken(fixture, who as TokenHolder, spec.change(fixture));

    expect(status).toBe(expectedStatus(who, allowed, "HTTP"));
    if (allowed) {
      expect((await db().plan.findUniqueOrThrow({ where: { id: fixture.planId } })).lastSeq).toBe(lastSeq + 1);
    } else {
      expect(await fingerprint(fixture.planId)).toBe(before);
    }
  });
});
