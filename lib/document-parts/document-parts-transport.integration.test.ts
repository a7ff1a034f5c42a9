import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { parsePlanMarkdown } from "@/lib/import/parse-plan-markdown";
import { exportPlanMarkdown } from "@/lib/import/export-plan-markdown";
import { partHash } from "@/lib/document-parts/part-hash";
import { gateSnapshot } from "@/lib/document-parts/write-document-part";
import { applyPlanChange } from "@/lib/plan-state/apply-plan-change";
import type { PlanEventMessage } from "@/lib/plan-state/events";
import { planDocumentSchema, type PlanDocument } from "@/lib/plan-document/schema";
import { createPlanFromDocument } from "@/lib/plans/create-plan";
import { startAppProcess, UNLIMITED_CHANGES, type AppProcess } from "@/lib/testing/app-process";
import { integrationDatabase } from "@/lib/testing/integration-env";
import { connectClient, sessionCookie, waitFor, type LiveClient } from "@/lib/testing/live-harness";
import { resetDatabase } from "@/lib/testing/reset-database";

/**
 * Every change type of the document's other parts (gates, rollback triggers, tables,
 * messages) through the real server, over HTTP and over the socket: each is recorded once and
 * reaches a watcher live; refusals come back with their status and message, a concurrent
 * edit with the part's fresh state. Rights by role are in the authorization matrix.
 */
const PLAN = `# Parts test plan

## Timeline
| Time | Activity | Duration |
| --- | --- | --- |
| T-0 | Deploy | 20 min |

## Deploy
- [ ] Roll out

## Rollback
Roll back if any of these happens:
- Error rate above 2%

## Contacts
| Role | Name | Phone |
| --- | --- | --- |
| On-call | Sam | +1 555 0100 |

## Communication
\`\`\`text
Subject: Rollout starting

We start now.
\`\`\`

## Sign-Off
### Pre-Deployment Sign-Off
- [ ] QA Lead: ____ Date: ____
`;

type Person = { id: string; name: string };
let app: AppProcess;
let lead: Person;
let approver: Person;
let planId: string;
const clients: LiveClient[] = [];

beforeAll(async () => {
  app = await startAppProcess(integrationDatabase().url, { env: UNLIMITED_CHANGES });
}, 120_000);

afterAll(async () => {
  clients.splice(0).forEach((client) => client.close());
  await app?.stop();
});

beforeEach(async () => {
  clients.splice(0).forEach((client) => client.close());
  await resetDatabase();
  [lead, approver] = await Promise.all([
    db().user.create({ data: { name: "Lee Lead", email: "lead@example.com", passwordHash: "not-used" }, select: { id: true, name: true } }),
    db().user.create({ data: { name: "Ann Approver", email: "ann@example.com", passwordHash: "not-used" }, select: { id: true, name: true } }),
  ]);
  planId = (await createPlanFromDocument({ document: parsePlanMarkdown(PLAN).document, createdById: lead.id })).id;
  await db().planMember.create({ data: { planId, userId: approver.id, role: "APPROVER", titles: ["QA Lead", "SRE"] } });
});

interface Answer {
  status: number;
  event?: PlanEventMessage;
  error?: { message: string } & Record<string, unknown>;
}

async function overHttp(change: unknown): Promise<Answer> {
  const response = await fetch(`${app.url}/api/plans/${planId}/changes`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: app.url, cookie: await sessionCookie(lead.id, lead.name) },
    body: JSON.stringify(change),
  });
  const body = (await response.json()) as { event?: PlanEventMessage; error?: Answer["error"] };
  return { status: response.status, ...body };
}

async function overSocket(change: unknown): Promise<Answer> {
  const client = await connectClient(app.url, lead);
  clients.push(client);
  const answer = await client.change(planId, change);
  return answer.ok ? { status: 201, event: answer.message } : { status: answer.status, error: answer.error as Answer["error"] };
}

async function storedDocument(): Promise<PlanDocument> {
  return planDocumentSchema.parse((await db().plan.findUniqueOrThrow({ where: { id: planId }, select: { document: true } })).document);
}

async function gate() {
  return db().gate.findFirstOrThrow({ where: { planId }, select: { id: true, title: true, decisionMakerRole: true, roles: { orderBy: { position: "asc" }, select: { title: true, quorum: true } } } });
}
const gateHash = async () => partHash(gateSnapshot(await gate()));
const tableOf = async (kind: string) => (await storedDocument()).tables.find((table) => table.kind === kind)!;
const template = async () => (await storedDocument()).commsTemplates[0]!;

const CHANGES: { name: string; change: () => Promise<Record<string, unknown>>; event: string }[] = [
  {
    name: "gate.edit",
    change: async () => ({ type: "gate.edit", gateId: (await gate()).id, expectedHash: await gateHash(), title: "Readiness sign-off", roles: [{ title: "QA Lead", quorum: 1 }, { title: "SRE", quorum: 2 }] }),
    event: "gate.edited",
  },
  { name: "trigger.add", change: async () => ({ type: "trigger.add", text: "Checkout errors in the logs" }), event: "trigger.added" },
  { name: "trigger.edit", change: async () => ({ type: "trigger.edit", index: 0, expectedText: "Error rate above 2%", text: "Error rate above 1%" }), event: "trigger.edited" },
  { name: "trigger.remove", change: async () => ({ type: "trigger.remove", index: 1, expectedText: "Checkout errors in the logs" }), event: "trigger.removed" },
  {
    name: "table.edit",
    change: async () => {
      const table = await tableOf("contacts");
      return { type: "table.edit", tableId: table.id, expectedHash: partHash(table), header: ["Role", "Name", "Phone"], rows: [["On-call", "Kim", "+1 555 0199"]] };
    },
    event: "table.edited",
  },
  { name: "comms.add", change: async () => ({ type: "comms.add", name: "All clear", subject: "Done", body: "Finished at {{time}}." }), event: "comms.added" },
  {
    name: "comms.edit",
    change: async () => {
      const first = await template();
      return { type: "comms.edit", templateId: first.id, expectedHash: partHash(first), body: "We start the rollout now." };
    },
    event: "comms.edited",
  },
  {
    name: "comms.remove",
    change: async () => {
      const last = (await storedDocument()).commsTemplates[1]!;
      return { type: "comms.remove", templateId: last.id, expectedHash: partHash(last) };
    },
    event: "comms.removed",
  },
  { name: "table.add", change: async () => ({ type: "table.add", kind: "risks" }), event: "table.added" },
  {
    name: "table.remove",
    change: async () => {
      const risks = await tableOf("risks");
      return { type: "table.remove", tableId: risks.id, expectedHash: partHash(risks) };
    },
    event: "table.removed",
  },
];

describe.each(["HTTP", "socket"] as const)("document part changes over %s", (transport) => {
  const send = (change: unknown) => (transport === "HTTP" ? overHttp(change) : overSocket(change));

  it("records every change type once, sends it live to a watcher, and exports the result", async () => {
    const watcher = await connectClient(app.url, approver);
    clients.push(watcher);
    await watcher.join(planId);
    for (const { name, change, event } of CHANGES) {
      const before = (await db().plan.findUniqueOrThrow({ where: { id: planId } })).lastSeq;
      const answer = await send(await change());
      expect(answer.status, `${name}: ${answer.error?.message}`).toBe(201);
      expect(answer.event?.event.type).toBe(event);
      expect((await db().plan.findUniqueOrThrow({ where: { id: planId } })).lastSeq).toBe(before + 1);
      await waitFor(() => watcher.events.some((message) => message.seq === before + 1));
      expect(watcher.events.find((message) => message.seq === before + 1)?.event.type).toBe(event);
    }
    expect(await gate()).toMatchObject({ title: "Readiness sign-off", roles: [{ title: "QA Lead", quorum: 1 }, { title: "SRE", quorum: 2 }] });
    const document = await storedDocument();
    expect(document.rollback.triggers.map((trigger) => trigger.text)).toEqual(["Error rate above 1%"]);
    expect(document.tables.find((table) => table.kind === "contacts")).toMatchObject({ rows: [{ role: "On-call", name: "Kim", phone: "+1 555 0199" }] });
    expect(document.commsTemplates.map((entry) => entry.body)).toEqual(["We start the rollout now."]);

    const exported = await fetch(`${app.url}/api/plans/${planId}/export`, { headers: { cookie: await sessionCookie(lead.id, lead.name) } });
    expect(exported.status).toBe(200);
    const reimported = parsePlanMarkdown(await exported.text()).document;
    expect(reimported.tables).toEqual(document.tables);
    expect(reimported.rollback.triggers).toEqual(document.rollback.triggers);
    expect(reimported.gates[0]!.roles.map((role) => role.role)).toEqual(["QA Lead", "SRE"]);
    expect(exportPlanMarkdown(reimported)).toContain("We start the rollout now.");
  });

  it("refuses by the rules, with the fresh part on a concurrent edit", async () => {
    const contacts = await tableOf("contacts");
    const stale = partHash(contacts);
    expect(await send({ type: "table.edit", tableId: contacts.id, expectedHash: stale, header: ["Role", "Name", "Phone"], rows: [["On-call", "Kim", ""]] })).toMatchObject({ status: 201 });
    expect(await send({ type: "table.edit", tableId: contacts.id, expectedHash: stale, header: ["Role", "Name", "Phone"], rows: [["On-call", "Ada", ""]] })).toMatchObject({
      status: 409,
      error: { message: "Someone changed this table first. It now shows their update.", table: { rows: [["On-call", "Kim", ""]] } },
    });
    expect(await send({ type: "trigger.edit", index: 0, expectedText: "Something else", text: "New" })).toMatchObject({ status: 409, error: { triggers: [{ text: "Error rate above 2%" }] } });
    expect(await send({ type: "table.edit", tableId: "missing", expectedHash: "x", header: ["A"], rows: [] })).toMatchObject({ status: 404 });
    expect(await send({ type: "trigger.add", text: "" })).toMatchObject({ status: 400, error: { message: "Describe when to roll back." } });
    expect(await send({ type: "table.edit", tableId: contacts.id, expectedHash: "x", header: ["A"], rows: Array.from({ length: 201 }, () => ["x"]) })).toMatchObject({ status: 400 });

    // A gate signed keeps its wording; its quorum may still change.
    const signedGate = await gate();
    await applyPlanChange({ id: approver.id, name: approver.name, isAdmin: false }, planId, { type: "gate.sign", gateId: signedGate.id, title: "QA Lead", decision: "APPROVE" });
    expect(await send({ type: "gate.edit", gateId: signedGate.id, expectedHash: await gateHash(), title: "Renamed" })).toMatchObject({ status: 409, error: { message: expect.stringContaining("signed or decided") } });
    expect(await send({ type: "gate.edit", gateId: signedGate.id, expectedHash: await gateHash(), roles: [{ title: "QA Lead", quorum: 2 }] })).toMatchObject({ status: 201, event: { event: { config: { quorums: [{ title: "QA Lead", quorum: 2 }] } } } });

    expect(await send({ type: "table.add", kind: "generic" })).toMatchObject({ status: 400, error: { message: "Name the columns of the new table." } });
    expect(await send({ type: "table.add", kind: "pie chart" })).toMatchObject({ status: 400 });
    expect(await send({ type: "table.remove", tableId: contacts.id, expectedHash: stale })).toMatchObject({ status: 409, error: { table: { rows: [["On-call", "Kim", ""]] } } });

    await db().plan.update({ where: { id: planId }, data: { status: "IN_PROGRESS", startedAt: new Date() } });
    const timeline = await tableOf("timeline");
    expect(await send({ type: "table.add", kind: "monitoring" })).toMatchObject({ status: 409, error: { message: expect.stringContaining("While the plan runs") } });
    expect(await send({ type: "table.remove", tableId: timeline.id, expectedHash: partHash(timeline) })).toMatchObject({ status: 409, error: { message: expect.stringContaining("While the plan runs") } });
    expect(await send({ type: "table.add", kind: "risks" })).toMatchObject({ status: 201, event: { event: { type: "table.added", kind: "risks" } } });
    expect(await send({ type: "table.edit", tableId: timeline.id, expectedHash: partHash(timeline), header: ["Time", "Activity"], rows: [] })).toMatchObject({ status: 409, error: { message: expect.stringContaining("While the plan runs") } });
    expect(await send({ type: "trigger.add", text: "Queue depth above 10k" })).toMatchObject({ status: 201 });

    await db().plan.update({ where: { id: planId }, data: { status: "COMPLETE", finishedAt: new Date() } });
    expect(await send({ type: "trigger.add", text: "Too late" })).toMatchObject({ status: 409, error: { message: "This plan has finished; it is read-only now." } });
  });
});

describe("export of parts added over HTTP", () => {
  it("exports a table and a named message added in the app so that importing the export brings them back", async () => {
    const answer = await overHttp({ type: "table.add", kind: "risks" });
    expect(answer.status, answer.error?.message).toBe(201);
    expect((await overHttp({ type: "comms.add", name: "All clear", body: "Finished at {{time}}." })).status).toBe(201);
    const risks = await tableOf("risks");
    const filled = await overHttp({ type: "table.edit", tableId: risks.id, expectedHash: partHash(risks), header: ["Risk", "Impact", "Mitigation"], rows: [["Slow migration", "High", "Run it off-peak"]] });
    expect(filled.status, filled.error?.message).toBe(201);
    const exported = await fetch(`${app.url}/api/plans/${planId}/export`, { headers: { cookie: await sessionCookie(lead.id, lead.name) } });
    const reimported = parsePlanMarkdown(await exported.text()).document;
    const { id: _id, ...added } = await tableOf("risks");
    expect(reimported.tables.find((table) => table.kind === "risks")).toMatchObject(added);
    expect(reimported.commsTemplates.map((entry) => entry.name)).toEqual(["Communication", "All clear"]);
  });
});

describe("history over HTTP", () => {
  it("lists edits of the document's parts with before and after", async () => {
    await overHttp({ type: "trigger.edit", index: 0, expectedText: "Error rate above 2%", text: "Error rate above 1%" });
    const response = await fetch(`${app.url}/api/plans/${planId}/history`, { headers: { cookie: await sessionCookie(lead.id, lead.name) } });
    const history = (await response.json()) as { edits: { description: string; before: string | null; after: string | null }[] };
    expect(history.edits[0]).toEqual(expect.objectContaining({ description: "Lee Lead changed the rollback trigger “Error rate above 2%”", before: "Error rate above 2%", after: "Error rate above 1%" }));
  });
});

describe("undo over HTTP", () => {
  it("reverts the lead's own edits of parts and steps, newest first, each as a new change", async () => {
    const original = await storedDocument();
    const originalGate = await gate();
    const contacts = await tableOf("contacts");
    const first = await template();
    const rollOut = await db().planItem.findFirstOrThrow({ where: { planId, text: "Roll out" } });
    const edits = [
      { type: "gate.edit", gateId: originalGate.id, expectedHash: await gateHash(), roles: [{ title: "QA Lead", quorum: 3 }] },
      { type: "table.edit", tableId: contacts.id, expectedHash: partHash(contacts), header: ["Role", "Name"], rows: [["On-call", "Kim"]] },
      { type: "item.edit", itemId: rollOut.id, expectedVersion: 0, text: "Roll out v2" },
      { type: "trigger.remove", index: 0, expectedText: "Error rate above 2%" },
      { type: "comms.remove", templateId: first.id, expectedHash: partHash(first) },
    ];
    const seqs: number[] = [];
    for (const change of edits) {
      const answer = await overHttp(change);
      expect(answer.status, answer.error?.message).toBe(201);
      seqs.push(answer.event!.seq);
    }
    const undone: (number | undefined)[] = [];
    for (let step = 0; step < edits.length; step += 1) {
      const answer = await overHttp({ type: "plan.undo" });
      expect(answer.status, answer.error?.message).toBe(201);
      undone.push((answer.event!.event as { undoOf?: number }).undoOf);
    }
    expect(undone).toEqual([...seqs].reverse());
    const document = await storedDocument();
    expect(document.tables).toEqual(original.tables);
    expect(document.rollback).toEqual(original.rollback);
    expect(document.commsTemplates).toEqual(original.commsTemplates);
    expect(document.gates).toEqual(original.gates);
    expect(await gate()).toEqual(originalGate);
    expect((await db().planItem.findUniqueOrThrow({ where: { id: rollOut.id } })).text).toBe("Roll out");
    expect(await overHttp({ type: "plan.undo" })).toMatchObject({ status: 409, error: { message: "You have no edit of this plan left to undo." } });
  });
});

describe.each(["HTTP", "socket"] as const)("adding and removing whole gates over %s", (transport) => {
  const send = (change: unknown) => (transport === "HTTP" ? overHttp(change) : overSocket(change));
  const gateRows = () => db().gate.findMany({ where: { planId }, orderBy: { position: "asc" }, select: { id: true, title: true, kind: true, decisionMakerRole: true, roles: { orderBy: { position: "asc" }, select: { title: true, quorum: true } } } });
  const hashOf = (row: { title: string; decisionMakerRole: string | null; roles: { title: string; quorum: number }[] }) => partHash(gateSnapshot(row));

  it("adds a sign-off and a Go/No-Go gate and removes one, each once and live, with rows and document in step", async () => {
    const watcher = await connectClient(app.url, approver);
    clients.push(watcher);
    await watcher.join(planId);
    const added = await send({ type: "gate.add", kind: "sign-off", title: "Release approval", roles: [{ title: "QA Lead", quorum: 2 }, { title: "SRE", quorum: 1 }] });
    expect(added, added.error?.message).toMatchObject({ status: 201, event: { event: { type: "gate.added", gate: { title: "Release approval", roles: [{ title: "QA Lead", quorum: 2 }, { title: "SRE", quorum: 1 }] } } } });
    const decision = await send({ type: "gate.add", kind: "go-no-go", title: "Go decision", decisionMaker: "CAB chair" });
    expect(decision, decision.error?.message).toMatchObject({ status: 201, event: { event: { type: "gate.added", gate: { title: "Go decision", decisionMaker: "CAB chair", roles: [] } } } });
    await waitFor(() => watcher.events.some((message) => message.seq === decision.event!.seq));
    expect(watcher.events.filter((message) => message.event.type === "gate.added")).toHaveLength(2);

    const rows = await gateRows();
    expect(rows.map((row) => [row.title, row.kind, row.decisionMakerRole])).toEqual([
      ["Pre-deployment sign-off", "PRE_DEPLOYMENT", null],
      ["Release approval", "CUSTOM", null],
      ["Go decision", "GO_NO_GO", "CAB chair"],
    ]);
    const document = await storedDocument();
    expect(document.gates).toHaveLength(3);
    expect(new Set(document.gates.map((entry) => entry.sectionId)).size).toBe(3);

    const release = rows[1]!;
    const before = (await db().plan.findUniqueOrThrow({ where: { id: planId } })).lastSeq;
    const removed = await send({ type: "gate.remove", gateId: release.id, expectedHash: hashOf(release) });
    expect(removed, removed.error?.message).toMatchObject({ status: 201, event: { seq: before + 1, event: { type: "gate.removed", gateId: release.id, before: { title: "Release approval" } } } });
    await waitFor(() => watcher.events.some((message) => message.seq === before + 1));
    expect((await gateRows()).map((row) => row.title)).toEqual(["Pre-deployment sign-off", "Go decision"]);
    // The document lists gates in the order of their sections (as importing its export would): the decision went in the Contacts section, before the sign-off.
    expect((await storedDocument()).gates.map((entry) => entry.label ?? entry.kind)).toEqual(["Go decision", "pre-deployment"]);
  });

  it("refuses by the rules: a signed gate, a stale or unknown gate, bad input, someone without the right, a running or finished plan", async () => {
    const signed = (await gateRows())[0]!;
    const staleHash = hashOf(signed);
    await applyPlanChange({ id: approver.id, name: approver.name, isAdmin: false }, planId, { type: "gate.sign", gateId: signed.id, title: "QA Lead", decision: "APPROVE" });
    expect(await send({ type: "gate.remove", gateId: signed.id, expectedHash: staleHash })).toMatchObject({ status: 409, error: { message: expect.stringContaining("signature or decision in force, so it cannot be removed") } });
    expect(await db().gate.count({ where: { id: signed.id } })).toBe(1);
    expect(await send({ type: "gate.remove", gateId: signed.id, expectedHash: "stale" })).toMatchObject({ status: 409, error: { message: expect.stringContaining("Someone changed the gate"), gate: { title: "Pre-deployment sign-off" } } });
    expect(await send({ type: "gate.remove", gateId: "missing", expectedHash: "x" })).toMatchObject({ status: 404 });
    expect(await send({ type: "gate.add", kind: "sign-off", title: "No titles", roles: [] })).toMatchObject({ status: 400, error: { message: "Name at least one sign-off title." } });
    expect(await send({ type: "gate.add", kind: "go-no-go", title: "Nobody decides" })).toMatchObject({ status: 400, error: { message: "Name the title that decides Go or No-Go." } });
    expect(await send({ type: "gate.add", kind: "sign-off", title: "x".repeat(201), roles: [{ title: "QA Lead", quorum: 1 }] })).toMatchObject({ status: 400 });

    const asApprover = await connectClient(app.url, approver);
    clients.push(asApprover);
    const refused = await asApprover.change(planId, { type: "gate.add", kind: "sign-off", title: "Mine", roles: [{ title: "SRE", quorum: 1 }] });
    expect(refused.ok ? 201 : refused.status).toBe(403);

    await db().plan.update({ where: { id: planId }, data: { status: "IN_PROGRESS", startedAt: new Date() } });
    expect(await send({ type: "gate.add", kind: "go-no-go", title: "Late decision", decisionMaker: "CAB chair" })).toMatchObject({ status: 409, error: { message: expect.stringContaining("only while the plan is a draft or scheduled") } });
    await db().plan.update({ where: { id: planId }, data: { status: "COMPLETE", finishedAt: new Date() } });
    expect(await send({ type: "gate.add", kind: "go-no-go", title: "Too late", decisionMaker: "CAB chair" })).toMatchObject({ status: 409, error: { message: "This plan has finished; it is read-only now." } });
    expect(await db().gate.count({ where: { planId } })).toBe(1);
  });
});

describe("gates added over HTTP, exported and undone", () => {
  it("exports added gates so that importing the export brings them back, each where it was", async () => {
    expect((await overHttp({ type: "gate.add", kind: "sign-off", title: "Release approval", roles: [{ title: "QA Lead", quorum: 1 }, { title: "Security", quorum: 1 }] })).status).toBe(201);
    expect((await overHttp({ type: "gate.add", kind: "go-no-go", title: "Go decision", decisionMaker: "CAB chair" })).status).toBe(201);
    const document = await storedDocument();
    const exported = await fetch(`${app.url}/api/plans/${planId}/export`, { headers: { cookie: await sessionCookie(lead.id, lead.name) } });
    const reimported = parsePlanMarkdown(await exported.text()).document;
    const asWritten = (of: PlanDocument) =>
      of.gates.map((entry) => ({ section: of.sections.flatMap((section) => [section, ...section.sections]).find((section) => section.id === entry.sectionId)?.title, kind: entry.kind, roles: entry.roles.map((role) => role.role), decisionMaker: entry.decisionMaker }));
    expect(asWritten(reimported)).toEqual(asWritten(document));
    expect(asWritten(reimported).map((entry) => entry.roles)).toContainEqual(["QA Lead", "Security"]);
  });

  it("undoes an addition by removing the gate, and a removal by putting it back whole", async () => {
    const original = await storedDocument();
    const added = await overHttp({ type: "gate.add", kind: "sign-off", title: "Release approval", roles: [{ title: "SRE", quorum: 2 }] });
    expect(added.status, added.error?.message).toBe(201);
    expect(await overHttp({ type: "plan.undo" })).toMatchObject({ status: 201, event: { event: { type: "gate.removed", undoOf: added.event!.seq } } });
    expect((await storedDocument()).gates).toEqual(original.gates);

    const originalGate = await gate();
    const removed = await overHttp({ type: "gate.remove", gateId: originalGate.id, expectedHash: await gateHash() });
    expect(removed.status, removed.error?.message).toBe(201);
    expect(await db().gate.count({ where: { planId } })).toBe(0);
    expect(await overHttp({ type: "plan.undo" })).toMatchObject({ status: 201, event: { event: { type: "gate.added", undoOf: removed.event!.seq } } });
    expect((await storedDocument()).gates).toEqual(original.gates);
    const { id: _newId, ...restored } = await gate();
    const { id: _oldId, ...kept } = originalGate;
    expect(restored).toEqual(kept);

    // A gate whose section went away after its removal is not put back nowhere.
    const again = await overHttp({ type: "gate.remove", gateId: (await gate()).id, expectedHash: await gateHash() });
    expect(again.status, again.error?.message).toBe(201);
    const signOff = await db().planSection.findFirstOrThrow({ where: { planId, title: "Pre-Deployment Sign-Off" }, select: { id: true, version: true } });
    // Another lead removes the section, so the first lead's last edit is still the gate's removal.
    const coLead = await db().user.create({ data: { name: "Cora Colead", email: "cora@example.com", passwordHash: "not-used" }, select: { id: true, name: true } });
    await db().planMember.create({ data: { planId, userId: coLead.id, role: "LEAD" } });
    await applyPlanChange({ id: coLead.id, name: coLead.name, isAdmin: false }, planId, { type: "section.remove", sectionId: signOff.id, expectedVersion: signOff.version });
    expect(await overHttp({ type: "plan.undo" })).toMatchObject({ status: 409, error: { message: expect.stringContaining("The section this gate was in has been removed since") } });
    expect(await db().gate.count({ where: { planId } })).toBe(0);
  });
});
