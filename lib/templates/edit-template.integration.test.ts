import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { describeError } from "@/lib/describe-error";
import { allItems, allSections } from "@/lib/plan-document/walk";
import { loadLiveState } from "@/lib/plan-state/read-plan-state";
import { copyTemplate } from "@/lib/templates/copy-template";
import { createPlanFromTemplate } from "@/lib/templates/create-plan-from-template";
import { editTemplate, getEditableTemplate, MAX_TEMPLATE_CHARACTERS, type TemplateActor } from "@/lib/templates/edit-template";
import { resetDatabase } from "@/lib/testing/reset-database";

/**
 * The template writer against a real database: a built-in template is copied before it is
 * edited, only its owner or an admin edits a saved one, two editors of one version cannot both
 * save, and a plan made from the edited template has the new step with its owner and dependency.
 */
let owner: TemplateActor;
let someone: TemplateActor;
let admin: TemplateActor;

async function account(name: string, email: string, role: "ADMIN" | "MEMBER" = "MEMBER"): Promise<TemplateActor> {
  return db().user.create({ data: { name, email, passwordHash: "not-used", role }, select: { id: true, role: true } });
}

async function refusal(run: () => Promise<unknown>): Promise<{ status: number; message: string }> {
  try {
    await run();
  } catch (error) {
    const { status, body } = describeError(error);
    return { status, message: body.error.message };
  }
  throw new Error("The edit was not refused.");
}

beforeEach(async () => {
  await resetDatabase();
  owner = await account("Olive Owner", "owner@example.com");
  someone = await account("Sam Someone", "sam@example.com");
  admin = await account("Avery Admin", "admin@example.com", "ADMIN");
});

describe("editing templates", () => {
  it("copies a built-in template as the user's own, and refuses to edit the built-in one", async () => {
    const { id } = await copyTemplate("builtin-canary-rollout", owner.id);
    const copy = await getEditableTemplate(id);
    expect(copy).toMatchObject({ name: "Copy of Canary rollout", version: 0, createdById: owner.id });
    const section = allSections(copy.document).find((candidate) => candidate.level > 0)!.id;
    const builtin = await refusal(() => editTemplate(owner, { templateId: "builtin-canary-rollout", expectedVersion: 0, change: { type: "section.add", title: "Extra" } }));
    expect(builtin).toEqual({ status: 403, message: "Built-in templates are not edited in place: copy it, then edit your copy." });
    expect(await editTemplate(owner, { templateId: id, expectedVersion: 0, change: { type: "item.add", sectionId: section, text: "Extra check" } })).toEqual({ version: 1 });
  });

  it("lets the owner and admins edit, and refuses everyone else with 403 and an unknown template with 404", async () => {
    const { id } = await copyTemplate("builtin-canary-rollout", owner.id);
    const change = { type: "section.add", title: "Wrap-up" } as const;
    expect((await refusal(() => editTemplate(someone, { templateId: id, expectedVersion: 0, change }))).status).toBe(403);
    expect(await editTemplate(admin, { templateId: id, expectedVersion: 0, change })).toEqual({ version: 1 });
    expect(await editTemplate(owner, { templateId: id, expectedVersion: 1, change: { ...change, title: "Retro" } })).toEqual({ version: 2 });
    expect((await refusal(() => editTemplate(owner, { templateId: "missing", expectedVersion: 0, change }))).status).toBe(404);
    const titles = allSections((await getEditableTemplate(id)).document).map((section) => section.title);
    expect(titles.slice(-2)).toEqual(["Wrap-up", "Retro"]);
  });

  it("refuses the second of two editors who saw the same version, with a message that says what to do", async () => {
    const { id } = await copyTemplate("builtin-canary-rollout", owner.id);
    const first = editTemplate(owner, { templateId: id, expectedVersion: 0, change: { type: "section.add", title: "From the first tab" } });
    const second = editTemplate(owner, { templateId: id, expectedVersion: 0, change: { type: "section.add", title: "From the second tab" } });
    const results = await Promise.allSettled([first, second]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((result): result is PromiseRejectedResult => result.status === "rejected")!;
    expect(describeError(rejected.reason)).toMatchObject({ status: 409, body: { error: { message: expect.stringContaining("Someone else saved this template") } } });
    const saved = await getEditableTemplate(id);
    expect(saved.version).toBe(1);
    expect(allSections(saved.document).filter((section) => section.title.startsWith("From the")).length).toBe(1);
  });

  it("refuses with 413 an edit that would make the template too large to store, and stores nothing", async () => {
    const { id } = await copyTemplate("builtin-canary-rollout", owner.id);
    const { document } = await getEditableTemplate(id);
    const bloated = { ...document, overview: "x".repeat(MAX_TEMPLATE_CHARACTERS) };
    await db().template.update({ where: { id }, data: { document: bloated } });
    const refused = await refusal(() => editTemplate(owner, { templateId: id, expectedVersion: 0, change: { type: "section.add", title: "One more" } }));
    expect(refused.status).toBe(413);
    expect((await getEditableTemplate(id)).version).toBe(0);
  });

  it("gives a plan made from the edited template the new step, its owner title and what it waits for", async () => {
    const { id } = await copyTemplate("builtin-canary-rollout", owner.id);
    let document = (await getEditableTemplate(id)).document;
    const shift = allItems(document).find((item) => item.text.startsWith("Shift 5%"))!.id;
    await editTemplate(owner, { templateId: id, expectedVersion: 0, change: { type: "section.add", title: "Handover" } });
    document = (await getEditableTemplate(id)).document;
    const handover = allSections(document).find((section) => section.title === "Handover")!.id;
    await editTemplate(owner, {
      templateId: id,
      expectedVersion: 1,
      change: { type: "item.add", sectionId: handover, text: "Hand over to on-call", owners: [{ title: "DevOps Lead" }], dependsOn: [{ itemId: shift }], plannedMinutes: 10 },
    });

    const plan = await createPlanFromTemplate({ templateId: id, feature: "Payments", version: "1.0", environment: "production", createdById: owner.id });
    const step = await db().planItem.findFirstOrThrow({ where: { planId: plan.id, text: "Hand over to on-call" }, select: { id: true } });
    const waitedFor = await db().planItem.findFirstOrThrow({ where: { planId: plan.id, text: { startsWith: "Shift 5%" } }, select: { id: true } });
    const state = (await loadLiveState(plan.id))!;
    expect(state.planning[step.id]).toEqual({ owners: [{ title: "DevOps Lead" }], dependsOn: [{ itemId: waitedFor.id }], plannedMinutes: 10 });
  });
});
