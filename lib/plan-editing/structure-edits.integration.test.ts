import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { describeError } from "@/lib/describe-error";
import { parsePlanMarkdown } from "@/lib/import/parse-plan-markdown";
import { planDocumentSchema } from "@/lib/plan-document/schema";
import { allItems, allSections } from "@/lib/plan-document/walk";
import { applyPlanChange } from "@/lib/plan-state/apply-plan-change";
import type { PlanEventPayload } from "@/lib/plan-state/events";
import type { Actor } from "@/lib/plan-state/plan-access";
import { createPlanFromDocument } from "@/lib/plans/create-plan";
import { exportPlanAsMarkdown } from "@/lib/plans/export-plan";
import { resetDatabase } from "@/lib/testing/reset-database";
import { SIGNOFF_PLAN_MARKDOWN } from "@/lib/testing/signoff-test-plan";

/**
 * Structural edits through the one writer against a real database: rows, document, events and
 * export stay in step; versions decide between two writers; the rules by status hold; a
 * signature goes stale when a step it covers is reworded; undo reverts the actor's own edit.
 */
const PLAN = `# Edit test plan

## Prepare
- [ ] Backup taken
  \`\`\`bash
  pg_dump prod > backup.sql
  \`\`\`
- [ ] Tests passing

## Deploy
- [ ] Roll out
  - [ ] Node 1
  - [ ] Node 2

## Verify
- [ ] Smoke tests pass
`;

let lead: Actor;
let other: Actor;
let planId: string;

async function attempt(actor: Actor, input: Record<string, unknown>): Promise<{ status: number; message: string; details: Record<string, unknown> } | null> {
  try {
    await applyPlanChange(actor, planId, input);
    return null;
  } catch (error) {
    const { status, body } = describeError(error);
    return { status, message: body.error.message, details: body.error };
  }
}

async function change(input: Record<string, unknown>, actor: Actor = lead): Promise<PlanEventPayload> {
  return (await applyPlanChange(actor, planId, input)).message.event;
}

const sections = () => db().planSection.findMany({ where: { planId }, orderBy: { position: "asc" } });
const items = () => db().planItem.findMany({ where: { planId }, orderBy: { position: "asc" } });
const item = async (text: string) => (await items()).find((row) => row.text === text)!;
const section = async (title: string) => (await sections()).find((row) => row.title === title)!;

/** The stored document and the rows say the same thing: same sections and steps, same order, same wording. */
async function expectDocumentMatchesRows() {
  const plan = await db().plan.findUniqueOrThrow({ where: { id: planId }, select: { document: true } });
  const document = planDocumentSchema.parse(plan.document);
  const sectionRows = await sections();
  const itemRows = await items();
  expect(allSections(document).map((entry) => [entry.id, entry.title, entry.level])).toEqual(sectionRows.map((row) => [row.documentKey, row.title, row.level]));
  expect(allItems(document).map((entry) => [entry.id, entry.text])).toEqual(itemRows.map((row) => [row.documentKey, row.text]));
  expect(itemRows.map((row) => row.position)).toEqual(itemRows.map((_row, index) => index));
  expect(sectionRows.map((row) => row.position)).toEqual(sectionRows.map((_row, index) => index));
  return document;
}

beforeEach(async () => {
  await resetDatabase();
  const [leadUser, otherUser] = await Promise.all([
    db().user.create({ data: { name: "Lee Lead", email: "lead@example.com", passwordHash: "not-used" }, select: { id: true, name: true } }),
    db().user.create({ data: { name: "Ola Other", email: "other@example.com", passwordHash: "not-used" }, select: { id: true, name: true } }),
  ]);
  lead = { ...leadUser, isAdmin: false };
  other = { ...otherUser, isAdmin: false };
  planId = (await createPlanFromDocument({ document: parsePlanMarkdown(PLAN).document, createdById: lead.id })).id;
  await db().planMember.create({ data: { planId, userId: other.id, role: "LEAD" } });
});

describe("structural edits keep rows, document and export in step", () => {
  it("adds a section and steps (with notes and commands), moves, renames and removes them", async () => {
    const added = await change({ type: "section.add", title: "Rollback drill", afterSectionId: (await section("Deploy")).id });
    expect(added).toMatchObject({ type: "section.added", section: { title: "Rollback drill", level: 2, version: 0 } });
    const drill = await section("Rollback drill");
    expect((await sections()).map((row) => row.title)).toEqual(["Prepare", "Deploy", "Rollback drill", "Verify"]);

    await change({ type: "item.add", sectionId: drill.id, text: "Stop traffic", notes: "Ask the on-call first.", commands: [{ language: "bash", code: "kubectl scale deploy/web --replicas=0" }] });
    await change({ type: "item.add", sectionId: drill.id, text: "Restore backup", afterItemId: null, critical: true });
    await change({ type: "item.add", sectionId: drill.id, text: "Check restore log", parentItemId: (await item("Restore backup")).id });
    expect((await items()).filter((row) => row.sectionId === drill.id).map((row) => row.text)).toEqual(["Restore backup", "Check restore log", "Stop traffic"]);

    const rollOut = await item("Roll out");
    const moved = await change({ type: "item.move", itemId: rollOut.id, expectedVersion: 0, sectionId: (await section("Verify")).id });
    expect(moved).toMatchObject({ type: "item.moved", before: { sectionId: rollOut.sectionId }, item: { version: 1 } });
    // Sub-steps travel with their step.
    expect((await item("Node 1")).sectionId).toBe((await section("Verify")).id);

    await change({ type: "section.edit", sectionId: drill.id, expectedVersion: 0, title: "Restore drill", plannedMinutes: 20 });
    await change({ type: "section.move", sectionId: (await section("Verify")).id, expectedVersion: 0, parentSectionId: (await section("Prepare")).id });
    expect((await section("Verify")).level).toBe(3);

    const document = await expectDocumentMatchesRows();
    const stop = allItems(document).find((entry) => entry.text === "Stop traffic")!;
    expect(stop).toMatchObject({ details: "Ask the on-call first.", commands: [{ language: "bash", code: "kubectl scale deploy/web --replicas=0" }] });

    const { markdown } = await exportPlanAsMarkdown(planId, { id: lead.id, role: "MEMBER" });
    expect(markdown).toContain("## Restore drill (20 min)");
    expect(markdown).toContain("### Verify");
    expect(markdown).toContain("kubectl scale deploy/web --replicas=0");
    expect(markdown).toContain("Restore backup (critical)");
    // The export reads back as the same plan.
    const again = parsePlanMarkdown(markdown).document;
    expect(allSections(again).map((entry) => entry.title)).toEqual((await sections()).map((row) => row.title));
    expect(allItems(again).map((entry) => entry.text.replace(" (critical)", ""))).toEqual((await items()).map((row) => row.text));
    expect(allSections(again).find((entry) => entry.title === "Restore drill")?.duration?.minutes).toBe(20);

    const removed = await change({ type: "section.remove", sectionId: (await section("Restore drill")).id, expectedVersion: 1 });
    expect(removed).toMatchObject({ type: "section.removed", removed: { items: [{ text: "Restore backup" }, { text: "Check restore log" }, { text: "Stop traffic" }] } });
    expect((await sections()).map((row) => row.title)).toEqual(["Prepare", "Verify", "Deploy"]);
    await expectDocumentMatchesRows();
  });

  it("writes one event per edit with the next sequence number", async () => {
    const before = (await db().plan.findUniqueOrThrow({ where: { id: planId } })).lastSeq;
    await change({ type: "item.edit", itemId: (await item("Tests passing")).id, expectedVersion: 0, text: "All tests passing" });
    const events = await db().planEvent.findMany({ where: { planId }, orderBy: { seq: "asc" } });
    expect(events.map((event) => [event.seq, event.type])).toEqual([[before + 1, "item.edited"]]);
    expect(events[0]!.payload).toMatchObject({ event: { before: { text: "Tests passing" }, item: { text: "All tests passing", version: 1 } } });
  });
});

describe("versions decide between two writers", () => {
  it("refuses the second edit of the same step with 409 and its fresh state, and merges edits of different steps", async () => {
    const backup = await item("Backup taken");
    const tests = await item("Tests passing");
    await change({ type: "item.edit", itemId: backup.id, expectedVersion: 0, text: "Backup taken and verified" }, lead);
    const refused = await attempt(other, { type: "item.edit", itemId: backup.id, expectedVersion: 0, text: "Backup taken (full)" });
    expect(refused).toMatchObject({ status: 409, message: "Someone changed “Backup taken and verified” first. It now shows their update." });
    expect(refused!.details.item).toMatchObject({ id: backup.id, text: "Backup taken and verified", version: 1 });
    expect(await attempt(other, { type: "item.edit", itemId: tests.id, expectedVersion: 0, notes: "Unit and e2e" })).toBeNull();
    expect((await item("Backup taken and verified")).version).toBe(1);
    await expectDocumentMatchesRows();
  });

  it("refuses a stale section version the same way", async () => {
    const prepare = await section("Prepare");
    await change({ type: "section.edit", sectionId: prepare.id, expectedVersion: 0, title: "Preparation" });
    const refused = await attempt(other, { type: "section.remove", sectionId: prepare.id, expectedVersion: 0 });
    expect(refused).toMatchObject({ status: 409 });
    expect(refused!.details.section).toMatchObject({ title: "Preparation", version: 1 });
  });

  it("a tick and an edit of the same step: whichever comes second is refused", async () => {
    const backup = await item("Backup taken");
    await change({ type: "item.status", itemId: backup.id, status: "DONE", expectedVersion: 0 });
    expect(await attempt(lead, { type: "item.edit", itemId: backup.id, expectedVersion: 0, text: "Backup" })).toMatchObject({ status: 409 });
  });
});

describe("rules by status", () => {
  it("never rewrites or removes a step someone acted on, nor a section holding one", async () => {
    const backup = await item("Backup taken");
    await change({ type: "item.status", itemId: backup.id, status: "SKIPPED", note: "Snapshot exists", expectedVersion: 0 });
    expect(await attempt(lead, { type: "item.edit", itemId: backup.id, expectedVersion: 1, text: "Backup" })).toMatchObject({ status: 409, message: expect.stringContaining("already acted on") });
    expect(await attempt(lead, { type: "item.remove", itemId: backup.id, expectedVersion: 1 })).toMatchObject({ status: 409 });
    expect(await attempt(lead, { type: "section.remove", sectionId: backup.sectionId, expectedVersion: 0 })).toMatchObject({
      status: 409,
      message: "This section holds a step already acted on; those stay in the plan as the record of the run.",
    });
    expect((await items()).length).toBe(6);
  });

  it("while running: steps added are marked, pending text can change, nothing else", async () => {
    await db().plan.update({ where: { id: planId }, data: { status: "IN_PROGRESS", startedAt: new Date() } });
    const deploy = await section("Deploy");
    const added = await change({ type: "item.add", sectionId: deploy.id, text: "Flush CDN cache" });
    expect(added).toMatchObject({ type: "item.added", item: { addedDuringRun: true } });
    expect((await item("Flush CDN cache")).addedDuringRun).toBe(true);
    const tests = await item("Tests passing");
    expect(await attempt(lead, { type: "item.edit", itemId: tests.id, expectedVersion: 0, text: "All tests passing" })).toBeNull();
    expect(await attempt(lead, { type: "item.edit", itemId: tests.id, expectedVersion: 1, notes: "More" })).toMatchObject({ status: 409, message: expect.stringContaining("While the plan runs") });
    expect(await attempt(lead, { type: "item.remove", itemId: tests.id, expectedVersion: 1 })).toMatchObject({ status: 409 });
    expect(await attempt(lead, { type: "section.add", title: "More" })).toMatchObject({ status: 409 });
    expect(await attempt(lead, { type: "item.move", itemId: tests.id, expectedVersion: 1, sectionId: deploy.id })).toMatchObject({ status: 409 });
    const { markdown } = await exportPlanAsMarkdown(planId, { id: lead.id, role: "MEMBER" });
    expect(markdown).toContain("Flush CDN cache _(added during the run)_");
  });

  it("finished plans are read-only", async () => {
    await db().plan.update({ where: { id: planId }, data: { status: "COMPLETE", startedAt: new Date(), finishedAt: new Date() } });
    expect(await attempt(lead, { type: "item.add", sectionId: (await section("Deploy")).id, text: "Late step" })).toEqual({
      status: 409,
      message: "This plan has finished; it is read-only now.",
      details: expect.anything(),
    });
  });

  it("refuses bad input with a clear status", async () => {
    expect(await attempt(lead, { type: "item.add", sectionId: (await section("Deploy")).id, text: "x".repeat(2001) })).toMatchObject({ status: 400 });
    expect(await attempt(lead, { type: "item.add", sectionId: "nope", text: "Step" })).toMatchObject({ status: 404 });
    const prepare = await section("Prepare");
    expect(await attempt(lead, { type: "section.move", sectionId: prepare.id, expectedVersion: 0, parentSectionId: (await section("Deploy")).id, afterSectionId: (await section("Verify")).id })).toMatchObject({ status: 422 });
    expect(await attempt(lead, { type: "item.edit", itemId: (await item("Node 1")).id, expectedVersion: 0 })).toMatchObject({ status: 400, message: "Say what to change." });
  });
});

describe("signatures and undo", () => {
  it("a signature turns stale when a step it covers is reworded", async () => {
    await resetDatabase();
    const approverUser = await db().user.create({ data: { name: "Ann Approver", email: "ann@example.com", passwordHash: "not-used" }, select: { id: true, name: true } });
    const leadUser = await db().user.create({ data: { name: "Lee Lead", email: "lead@example.com", passwordHash: "not-used" }, select: { id: true, name: true } });
    lead = { ...leadUser, isAdmin: false };
    planId = (await createPlanFromDocument({ document: parsePlanMarkdown(SIGNOFF_PLAN_MARKDOWN).document, createdById: lead.id })).id;
    await db().planMember.create({ data: { planId, userId: approverUser.id, role: "APPROVER", titles: ["QA Lead"] } });
    const gate = await db().gate.findFirstOrThrow({ where: { planId, kind: "PRE_DEPLOYMENT" } });
    const signed = await applyPlanChange({ ...approverUser, isAdmin: false }, planId, { type: "gate.sign", gateId: gate.id, title: "QA Lead", decision: "APPROVE" });
    const signatureId = (signed.message.event as { signature: { id: string } }).signature.id;

    const edited = await change({ type: "item.edit", itemId: (await item("Tests passing")).id, expectedVersion: 0, text: "Unit tests passing" });
    expect(edited).toMatchObject({ type: "item.edited", staleSignatureIds: [signatureId] });
    expect(await db().gateSignature.findUniqueOrThrow({ where: { id: signatureId } })).toMatchObject({ staleReason: "“Tests passing” was edited after this was signed." });

    // A step added after the signature was not part of what it approved.
    await applyPlanChange({ ...approverUser, isAdmin: false }, planId, { type: "gate.sign", gateId: gate.id, title: "QA Lead", decision: "APPROVE" });
    const fresh = await db().gateSignature.findFirstOrThrow({ where: { planId, staleAt: null, supersededAt: null } });
    await change({ type: "item.add", sectionId: (await item("Backup taken")).sectionId, text: "Notify support" });
    const notified = await change({ type: "item.edit", itemId: (await item("Notify support")).id, expectedVersion: 0, text: "Notify support and sales" });
    expect(notified).not.toHaveProperty("staleSignatureIds");
    expect((await db().gateSignature.findUniqueOrThrow({ where: { id: fresh.id } })).staleAt).toBeNull();
  });

  it("undo reverts the actor's own last edits one by one, as new events", async () => {
    const tests = await item("Tests passing");
    await change({ type: "item.edit", itemId: tests.id, expectedVersion: 0, text: "All tests passing", notes: "CI green" });
    await change({ type: "item.remove", itemId: (await item("Roll out")).id, expectedVersion: 0 });
    await change({ type: "section.add", title: "Other's section" }, other);
    expect((await items()).map((row) => row.text)).toEqual(["Backup taken", "All tests passing", "Smoke tests pass"]);

    const restored = await change({ type: "plan.undo" });
    expect(restored).toMatchObject({ type: "item.added", restored: { items: [{ text: "Roll out" }, { text: "Node 1" }, { text: "Node 2" }] } });
    expect((await items()).map((row) => [row.text, row.parentId === null])).toEqual([
      ["Backup taken", true],
      ["All tests passing", true],
      ["Roll out", true],
      ["Node 1", false],
      ["Node 2", false],
      ["Smoke tests pass", true],
    ]);
    const reworded = await change({ type: "plan.undo" });
    expect(reworded).toMatchObject({ type: "item.edited", item: { text: "Tests passing", notes: null } });
    expect(await attempt(lead, { type: "plan.undo" })).toMatchObject({ status: 409, message: "You have no edit of this plan left to undo." });
    // The other lead's edit is theirs to undo.
    expect(await section("Other's section")).toBeDefined();
    const document = await expectDocumentMatchesRows();
    expect(allItems(document).find((entry) => entry.text === "Backup taken")?.commands[0]?.code).toContain("pg_dump");
  });

  it("undo is refused when someone changed the same step since", async () => {
    await change({ type: "item.add", sectionId: (await section("Deploy")).id, text: "Warm caches" });
    const warm = await item("Warm caches");
    await change({ type: "item.status", itemId: warm.id, status: "DONE", expectedVersion: 0 }, other);
    expect(await attempt(lead, { type: "plan.undo" })).toMatchObject({ status: 409, message: expect.stringContaining("changed after your edit") });
    expect(await item("Warm caches")).toBeDefined();
  });

  it("undoes a section's removal with its steps, notes and commands", async () => {
    const prepare = await section("Prepare");
    await change({ type: "section.remove", sectionId: prepare.id, expectedVersion: 0 });
    await change({ type: "plan.undo" });
    expect((await sections()).map((row) => row.title)).toEqual(["Prepare", "Deploy", "Verify"]);
    expect((await items()).map((row) => row.text).slice(0, 2)).toEqual(["Backup taken", "Tests passing"]);
    const document = await expectDocumentMatchesRows();
    expect(allItems(document)[0]?.commands[0]?.code).toContain("pg_dump");
  });

  it("during the run, undoes an added step and a rewording; a step put back counts as added during the run", async () => {
    await db().plan.update({ where: { id: planId }, data: { status: "IN_PROGRESS", startedAt: new Date() } });
    await change({ type: "item.add", sectionId: (await section("Deploy")).id, text: "Flush CDN cache" });
    expect(await change({ type: "plan.undo" })).toMatchObject({ type: "item.removed", undoOf: expect.any(Number) });
    expect((await items()).some((row) => row.text === "Flush CDN cache")).toBe(false);
    const tests = await item("Tests passing");
    await change({ type: "item.edit", itemId: tests.id, expectedVersion: 0, text: "All tests passing" });
    expect(await change({ type: "plan.undo" })).toMatchObject({ type: "item.edited", item: { text: "Tests passing", version: 2 } });
    const removable = await item("Smoke tests pass");
    await db().plan.update({ where: { id: planId }, data: { status: "SCHEDULED", startedAt: null } });
    await change({ type: "item.remove", itemId: removable.id, expectedVersion: 0 });
    await db().plan.update({ where: { id: planId }, data: { status: "IN_PROGRESS", startedAt: new Date() } });
    // Putting a step back while the plan runs adds it to the run, and says so.
    expect(await change({ type: "plan.undo" })).toMatchObject({ type: "item.added", item: { text: "Smoke tests pass", addedDuringRun: true } });
  });
});
