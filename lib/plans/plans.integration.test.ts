import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { seedDemoData } from "@/lib/demo/seed-demo-data";
import { loadPlanReadiness } from "@/lib/readiness/load-plan-readiness";
import { AppError } from "@/lib/errors";
import { parsePlanMarkdown } from "@/lib/import/parse-plan-markdown";
import { readFixture } from "@/lib/import/test-support";
import { planDocumentSchema } from "@/lib/plan-document/schema";
import { allItems } from "@/lib/plan-document/walk";
import { exportPlanAsMarkdown } from "@/lib/plans/export-plan";
import { importPlan } from "@/lib/plans/import-plan";
import { createPlanFromTemplate } from "@/lib/templates/create-plan-from-template";
import { exportTemplateAsMarkdown } from "@/lib/templates/export-template";
import { getTemplateDocument } from "@/lib/templates/list-templates";
import { resetDatabase } from "@/lib/testing/reset-database";
import { structureOf } from "@/lib/testing/document-structure";
import { createUser } from "@/lib/users/create-user";


let userId: string;
beforeEach(async () => {
  await resetDatabase();
  userId = (await createUser({ name: "Lee Deploy", email: "lead@example.com", password: "long-enough-password" })).id;
});

describe("importing a plan", () => {
  it("creates the plan with one row per section, item and gate, and the import's checked items done", async () => {
    const created = await importPlan({ markdown: readFixture("release-runbook.md"), createdById: userId, as: "plan" });
    expect(created.kind).toBe("plan");
    expect(created.summary).toMatchObject({ checkedItems: 2, gates: 1 });
    const plan = await db().plan.findUniqueOrThrow({
      where: { id: created.id },
      include: { sections: true, items: true, gates: { include: { roles: true } } },
    });
    expect(plan.sections).toHaveLength(created.summary.sections);
    expect(plan.items).toHaveLength(created.summary.items);
    expect(plan.items.filter((item) => item.status === "DONE")).toHaveLength(created.summary.checkedItems);
    expect(plan.items.filter((item) => item.status === "DONE").every((item) => item.statusByName === "import")).toBe(true);
    expect(plan.gates).toHaveLength(created.summary.gates);
    expect(planDocumentSchema.safeParse(plan.document).success).toBe(true);
  });

  it("refuses a document without a checklist with a 422 and writes nothing", async () => {
    const error = await importPlan({ markdown: "# Notes\n\nNothing to tick here.", createdById: userId, as: "plan" }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).status).toBe(422);
    expect(await db().plan.count()).toBe(0);
    expect(await db().planItem.count()).toBe(0);
  });

  it("rolls the whole import back when one row cannot be written", async () => {
    const markdown = readFixture("rolling-upgrade.md");
    // A user id that does not exist fails the plan's foreign key after nothing else is written.
    await expect(importPlan({ markdown, createdById: "no-such-user", as: "plan" })).rejects.toThrow();
    expect(await db().plan.count()).toBe(0);
    expect(await db().planSection.count()).toBe(0);
  });
});

describe("export", () => {
  it("writes the current state of each item into the Markdown", async () => {
    const created = await importPlan({ markdown: readFixture("rolling-upgrade.md"), createdById: userId, as: "plan" });
    const item = await db().planItem.findFirstOrThrow({ where: { planId: created.id, status: "PENDING" }, orderBy: { position: "asc" } });
    await db().planItem.update({
      where: { id: item.id },
      data: { status: "SKIPPED", statusNote: "not needed for this release", statusById: userId, statusAt: new Date("2026-11-22T10:00:00Z") },
    });
    const { markdown, fileName } = await exportPlanAsMarkdown(created.id, { id: userId, role: "MEMBER" });
    expect(fileName).toMatch(/\.md$/);
    const reparsed = allItems(parsePlanMarkdown(markdown).document).find((candidate) => candidate.id === item.documentKey);
    expect(reparsed?.state).toMatchObject({ status: "skipped", by: "Lee Deploy", note: "not needed for this release" });
    expect(markdown).toContain("**Plan Status**: Draft");
  });

  it("exports skipped, failed and not-applicable steps, measured values with units, and the run's header; they read back the same", async () => {
    const markdown = "# Release\n\n## Deploy\n- [ ] Warm caches\n- [ ] Update the status page\n- [ ] Error rate: __ % (<1% target)\n- [ ] API p95: __ ms (<300ms target)\n";
    const created = await importPlan({ markdown, createdById: userId, as: "plan" });
    const items = await db().planItem.findMany({ where: { planId: created.id }, orderBy: { position: "asc" } });
    const at = new Date("2026-11-22T10:05:00Z");
    const states = [
      { status: "SKIPPED", statusNote: "cold start is fine" },
      { status: "NOT_APPLICABLE", statusNote: "internal release" },
      { status: "FAILED", measuredValue: 2.5, statusNote: "spike" },
      { status: "DONE", measuredValue: 182.5 },
    ] as const;
    for (const [index, state] of states.entries()) {
      await db().planItem.update({ where: { id: items[index]!.id }, data: { ...state, statusById: userId, statusAt: at } });
    }
    await db().plan.update({
      where: { id: created.id },
      data: { status: "ROLLED_BACK", startedAt: new Date("2026-11-22T10:00:00Z"), finishedAt: new Date("2026-11-22T10:40:00Z"), rollbackReason: "Error rate over target" },
    });

    const exported = (await exportPlanAsMarkdown(created.id, { id: userId, role: "MEMBER" })).markdown;
    expect(exported).toContain("**Plan Status**: Rolled back");
    expect(exported).toContain("**Started At**: 2026-11-22 10:00 UTC");
    expect(exported).toContain("**Rollback Reason**: Error rate over target");
    expect(exported).toContain("- [ ] ~~Warm caches~~ — **skipped** by Lee Deploy");
    const reread = allItems(parsePlanMarkdown(exported).document);
    expect(reread.map((item) => [item.text, item.state?.status, item.state?.measuredValue, item.metric?.unit])).toEqual([
      ["Warm caches", "skipped", undefined, undefined],
      ["Update the status page", "not_applicable", undefined, undefined],
      ["Error rate: __ % (<1% target)", "failed", 2.5, "%"],
      ["API p95: __ ms (<300ms target)", "done", 182.5, "ms"],
    ]);
    expect(reread.map((item) => item.state?.note)).toEqual(["cold start is fine", "internal release", "spike", undefined]);
  });
});

describe("templates", () => {
  it("a template saved from an import round-trips through Markdown to the same structure", async () => {
    const saved = await importPlan({ markdown: readFixture("release-runbook.md"), createdById: userId, as: "template" });
    const { document } = await getTemplateDocument(saved.id);
    expect(allItems(document).every((item) => item.state === undefined)).toBe(true);
    const { markdown } = await exportTemplateAsMarkdown(saved.id);
    expect(structureOf(parsePlanMarkdown(markdown).document)).toEqual(structureOf(document));
  });

  it("a plan from a built-in template has its placeholders filled", async () => {
    const plan = await createPlanFromTemplate({
      templateId: "builtin-canary-rollout",
      feature: "Search",
      version: "5.0",
      environment: "production",
      windowStart: "2026-12-01T09:30",
      timeZone: "Europe/Berlin",
      deployLead: "Lee Deploy",
      createdById: userId,
    });
    const stored = await db().plan.findUniqueOrThrow({ where: { id: plan.id }, include: { items: true } });
    expect(stored).toMatchObject({ title: "Canary rollout: Search 5.0", environment: "production", version: "5.0", deployLead: "Lee Deploy" });
    expect(stored.windowStartText).toContain("2026-12-01 09:30");
    expect(JSON.stringify(stored.document)).not.toMatch(/\{\{\s*(feature|version|environment)\s*\}\}/);
  });
});

describe("demo data", () => {
  it("creates the demo accounts and one plan, and nothing more when run again", async () => {
    await resetDatabase();
    const first = await seedDemoData(new Date("2026-11-22T08:00:00Z"));
    expect(first).toEqual({ createdAccounts: 7, createdPlan: true, pastPlans: 18 });
    expect(await seedDemoData()).toEqual({ createdAccounts: 0, createdPlan: false, pastPlans: 0 });
    const plan = await db().plan.findFirstOrThrow({ where: { finishedAt: null }, include: { createdBy: true } });
    expect(plan.createdBy.email).toBe("lead@example.com");
    expect(plan.title).toBe("Production release: Payments API 2.4.0");
    // Its own accounts can run it: every title it needs is held by an approver who is not the lead.
    expect(await loadPlanReadiness(db(), plan.id)).toEqual([]);
    // The past deployments were run through the one writer: each has its log and its metrics.
    const past = await db().plan.findMany({ where: { finishedAt: { not: null } }, include: { metrics: true, _count: { select: { events: true } } } });
    expect(past).toHaveLength(18);
    expect(past.every((run) => run.metrics !== null && run._count.events > 5 && run.finishedAt! < new Date("2026-11-22T08:00:00Z"))).toBe(true);
    expect(past.filter((run) => run.metrics!.rolledBack).length).toBeGreaterThan(0);
    expect(past.filter((run) => run.status === "COMPLETE").length).toBeGreaterThan(past.length / 2);
  });
});
