import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { parsePlanMarkdown } from "@/lib/import/parse-plan-markdown";
import { applyPlanChange } from "@/lib/plan-state/apply-plan-change";
import { loadLiveState } from "@/lib/plan-state/read-plan-state";
import { createPlanFromDocument } from "@/lib/plans/create-plan";
import { exportPlanAsMarkdown } from "@/lib/plans/export-plan";
import { resetDatabase } from "@/lib/testing/reset-database";

/**
 * Owners, dependencies and planned durations survive Markdown: imported from the document's
 * field lines, changed in the app, exported, and imported again into a plan with the same ones.
 */
const MARKDOWN = `# Round-trip plan

## Preparation
- [ ] Back up the database

  Owner: exec@example.com
  Duration: 10 min
- [ ] Announce the window

  Owner: @Lee Lead; QA Lead

## Deploy
- [ ] Deploy

  Depends on: section Preparation
  Duration: 20 min
- [ ] Smoke test

  Depends on: Deploy

## Sign-Off
### Pre-Deployment Sign-Off
- [ ] QA Lead: ____ Date: ____
`;

let lead: { id: string; name: string };
let executor: { id: string; name: string };

beforeEach(async () => {
  await resetDatabase();
  lead = await db().user.create({ data: { name: "Lee Lead", email: "lead@example.com", passwordHash: "not-used" }, select: { id: true, name: true } });
  executor = await db().user.create({ data: { name: "Eve Executor", email: "exec@example.com", passwordHash: "not-used" }, select: { id: true, name: true } });
});

/** Each step's planning in words that do not depend on row ids: names, titles, texts. */
async function planningByText(planId: string) {
  const state = (await loadLiveState(planId))!;
  const [items, sections, members] = await Promise.all([
    db().planItem.findMany({ where: { planId }, orderBy: { position: "asc" }, select: { id: true, text: true } }),
    db().planSection.findMany({ where: { planId }, select: { id: true, title: true } }),
    db().planMember.findMany({ where: { planId }, select: { userId: true, role: true, user: { select: { name: true } } } }),
  ]);
  const text = new Map(items.map((item) => [item.id, item.text]));
  const title = new Map(sections.map((section) => [section.id, section.title]));
  const name = new Map(members.map((member) => [member.userId, member.user.name]));
  return {
    members: members.map((member) => `${member.user.name}:${member.role}`).sort(),
    steps: items.map((item) => {
      const planning = state.planning[item.id];
      return {
        text: item.text,
        owners: planning?.owners.map((owner) => ("userId" in owner ? name.get(owner.userId) : `title ${owner.title}`)) ?? [],
        dependsOn: planning?.dependsOn.map((target) => ("itemId" in target ? text.get(target.itemId) : `section ${title.get(target.sectionId)}`)) ?? [],
        plannedMinutes: planning?.plannedMinutes ?? null,
      };
    }),
  };
}

describe("planning round trip", () => {
  it("imports owners, dependencies and durations, and gives the same ones back after an edit, an export and a new import", async () => {
    // The importer confirmed adding the executor the document names (lib/planning/import-owners.ts).
    const planId = (await createPlanFromDocument({ document: parsePlanMarkdown(MARKDOWN).document, createdById: lead.id, confirmedOwnerIds: [executor.id] })).id;
    const imported = await planningByText(planId);
    expect(imported.members).toEqual(["Eve Executor:EXECUTOR", "Lee Lead:LEAD"]);
    expect(imported.steps).toEqual([
      { text: "Back up the database", owners: ["Eve Executor"], dependsOn: [], plannedMinutes: 10 },
      { text: "Announce the window", owners: ["Lee Lead", "title QA Lead"], dependsOn: [], plannedMinutes: null },
      { text: "Deploy", owners: [], dependsOn: ["section Preparation"], plannedMinutes: 20 },
      { text: "Smoke test", owners: [], dependsOn: ["Deploy"], plannedMinutes: null },
      // The sign-off line is a step of its own in the document; it has no planning.
      ...imported.steps.slice(4),
    ]);

    // Edited in the app: the smoke test gets an owner, a second dependency and a duration.
    const smoke = (await db().planItem.findFirstOrThrow({ where: { planId, text: "Smoke test" } })).id;
    const backup = (await db().planItem.findFirstOrThrow({ where: { planId, text: "Back up the database" } })).id;
    const deploy = (await db().planItem.findFirstOrThrow({ where: { planId, text: "Deploy" } })).id;
    await applyPlanChange({ ...lead, isAdmin: false }, planId, {
      type: "item.plan",
      itemId: smoke,
      expectedVersion: 0,
      owners: [{ userId: executor.id }],
      dependsOn: [{ itemId: deploy }, { itemId: backup }],
      plannedMinutes: 5,
    });
    const edited = await planningByText(planId);

    const { markdown } = await exportPlanAsMarkdown(planId, { id: lead.id, role: "MEMBER" });
    expect(markdown).toContain("Owner: Eve Executor\n  Depends on: Deploy; Back up the database\n  Duration: 5 min");
    const again = (await createPlanFromDocument({ document: parsePlanMarkdown(markdown).document, createdById: lead.id, confirmedOwnerIds: [executor.id] })).id;
    expect(await planningByText(again)).toEqual(edited);
  });

  it("keeps sections, steps, owners, dependencies and durations when a plan edited in the app is exported and imported again", async () => {
    const planId = (await createPlanFromDocument({ document: parsePlanMarkdown(MARKDOWN).document, createdById: lead.id, confirmedOwnerIds: [executor.id] })).id;
    const actor = { ...lead, isAdmin: false };
    const edit = (input: Record<string, unknown>) => applyPlanChange(actor, planId, input);
    const row = (text: string) => db().planItem.findFirstOrThrow({ where: { planId, text }, select: { id: true, version: true } });
    const preparation = await db().planSection.findFirstOrThrow({ where: { planId, title: "Preparation" }, select: { id: true } });
    const deploySection = await db().planSection.findFirstOrThrow({ where: { planId, title: "Deploy" }, select: { id: true } });

    // Every kind of structural edit the editor sends, through the one writer.
    await edit({ type: "section.add", title: "Verify", afterSectionId: deploySection.id });
    const verify = await db().planSection.findFirstOrThrow({ where: { planId, title: "Verify" }, select: { id: true } });
    const deploy = await row("Deploy");
    await edit({
      type: "item.add",
      sectionId: verify.id,
      text: "Check the dashboards",
      owners: [{ userId: executor.id }, { title: "QA Lead" }],
      dependsOn: [{ itemId: deploy.id }, { sectionId: preparation.id }],
      plannedMinutes: 15,
    });
    const dashboards = await row("Check the dashboards");
    await edit({ type: "item.add", sectionId: verify.id, text: "Close the window", afterItemId: dashboards.id, dependsOn: [{ itemId: dashboards.id }], plannedMinutes: 5 });
    const announce = await row("Announce the window");
    await edit({ type: "item.move", itemId: announce.id, expectedVersion: announce.version, sectionId: preparation.id, afterItemId: null });
    const smoke = await row("Smoke test");
    await edit({ type: "item.edit", itemId: smoke.id, expectedVersion: smoke.version, text: "Smoke test the checkout" });

    const editedSections = await sectionTitles(planId);
    const edited = await planningByText(planId);
    expect(editedSections).toEqual(["Preparation", "Deploy", "Verify", "Sign-Off", "Pre-Deployment Sign-Off"]);
    expect(edited.steps.slice(0, 6)).toEqual([
      { text: "Announce the window", owners: ["Lee Lead", "title QA Lead"], dependsOn: [], plannedMinutes: null },
      { text: "Back up the database", owners: ["Eve Executor"], dependsOn: [], plannedMinutes: 10 },
      { text: "Deploy", owners: [], dependsOn: ["section Preparation"], plannedMinutes: 20 },
      { text: "Smoke test the checkout", owners: [], dependsOn: ["Deploy"], plannedMinutes: null },
      { text: "Check the dashboards", owners: ["Eve Executor", "title QA Lead"], dependsOn: ["Deploy", "section Preparation"], plannedMinutes: 15 },
      { text: "Close the window", owners: [], dependsOn: ["Check the dashboards"], plannedMinutes: 5 },
    ]);

    const { markdown } = await exportPlanAsMarkdown(planId, { id: lead.id, role: "MEMBER" });
    const again = (await createPlanFromDocument({ document: parsePlanMarkdown(markdown).document, createdById: lead.id, confirmedOwnerIds: [executor.id] })).id;
    expect(await sectionTitles(again)).toEqual(editedSections);
    expect(await planningByText(again)).toEqual(edited);
  });
});

/** The plan's section titles in order. */
async function sectionTitles(planId: string): Promise<string[]> {
  return (await db().planSection.findMany({ where: { planId }, orderBy: { position: "asc" }, select: { title: true } })).map((section) => section.title);
}
