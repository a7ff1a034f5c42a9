import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { parsePlanMarkdown } from "@/lib/import/parse-plan-markdown";
import { allItems } from "@/lib/plan-document/walk";
import { planDocumentSchema } from "@/lib/plan-document/schema";
import { loadLiveState } from "@/lib/plan-state/read-plan-state";
import { createPlanFromDocument } from "@/lib/plans/create-plan";
import { exportPlanAsMarkdown } from "@/lib/plans/export-plan";
import { previewImportOwners } from "@/lib/planning/preview-import-owners";
import { resetDatabase } from "@/lib/testing/reset-database";

/**
 * Owners named in an imported document: the preview proposes people not on the plan, only the
 * ones the importer confirms join (as executors), role-like words become title owners, and any
 * name that matches nobody is kept in the step's notes, where the export still has it.
 */
const MARKDOWN = `# Owners plan

## Deploy
- [ ] Back up the database

  Owner: eve@example.com
- [ ] Run the migration

  Owner: DBA; @morgan
- [ ] Announce the window

  Owner: Lee Lead
`;

let lead: { id: string };
let eve: { id: string };

beforeEach(async () => {
  await resetDatabase();
  lead = await db().user.create({ data: { name: "Lee Lead", email: "lead@example.com", passwordHash: "not-used" }, select: { id: true } });
  eve = await db().user.create({ data: { name: "Eve Executor", email: "eve@example.com", passwordHash: "not-used" }, select: { id: true } });
});

async function ownersByText(planId: string) {
  const state = (await loadLiveState(planId))!;
  const items = await db().planItem.findMany({ where: { planId }, orderBy: { position: "asc" }, select: { id: true, text: true } });
  return Object.fromEntries(items.map((item) => [item.text, state.planning[item.id]?.owners ?? []]));
}

const members = async (planId: string) =>
  (await db().planMember.findMany({ where: { planId }, select: { role: true, user: { select: { email: true } } } })).map((member) => `${member.user.email}:${member.role}`).sort();

describe("owners from an imported document", () => {
  it("proposes a person not on the plan, keeps an unknown name in the notes and a role as a title, and grants nothing unconfirmed", async () => {
    const document = parsePlanMarkdown(MARKDOWN).document;
    expect(await previewImportOwners(document, lead.id)).toEqual({
      proposed: [{ userId: eve.id, name: "Eve Executor", email: "eve@example.com", steps: 1 }],
      titles: ["DBA"],
      unresolved: ["@morgan"],
    });

    const planId = (await createPlanFromDocument({ document, createdById: lead.id })).id;
    expect(await members(planId)).toEqual(["lead@example.com:LEAD"]);
    expect(await ownersByText(planId)).toEqual({
      "Back up the database": [],
      "Run the migration": [{ title: "DBA" }],
      "Announce the window": [{ userId: lead.id }],
    });
    const stored = planDocumentSchema.parse((await db().plan.findUniqueOrThrow({ where: { id: planId }, select: { document: true } })).document);
    const details = Object.fromEntries(allItems(stored).map((item) => [item.text, item.details]));
    expect(details["Back up the database"]).toBe("Owner named in the imported document, not on this plan: eve@example.com");
    expect(details["Run the migration"]).toBe("Owner named in the imported document, not on this plan: @morgan");
    const { markdown } = await exportPlanAsMarkdown(planId, { id: lead.id, role: "MEMBER" });
    expect(markdown).toContain("Owner named in the imported document, not on this plan: @morgan");
  });

  it("adds a confirmed person as an executor who owns their step", async () => {
    const planId = (await createPlanFromDocument({ document: parsePlanMarkdown(MARKDOWN).document, createdById: lead.id, confirmedOwnerIds: [eve.id] })).id;
    expect(await members(planId)).toEqual(["eve@example.com:EXECUTOR", "lead@example.com:LEAD"]);
    expect((await ownersByText(planId))["Back up the database"]).toEqual([{ userId: eve.id }]);
  });
});
