import { randomUUID } from "node:crypto";

/**
 * Plans and accounts a spec makes for itself, in the e2e test process, through the same code
 * the app runs: an import goes through importPlan (as the import page and `npx preflight
 * import` do), a template through createPlanFromTemplate, an account through createUser.
 * Everything after creation goes over HTTP (see fixtures.ts). The lib modules load on first
 * use, so specs that never create a plan never open a database connection.
 */

export interface TestPlan {
  id: string;
  title: string;
  /** The plan's page, e.g. /plans/abc. */
  path: string;
  /** Its database id of the item whose text contains `text` (exactly one must). */
  itemId(text: string): Promise<string>;
  /** Its database id of the gate with this title (compared without case). */
  gateId(title: string): Promise<string>;
  /** Its database id of the section with this exact title (exactly one must). */
  sectionId(title: string): Promise<string>;
  /** Its items in plan order, with whether each is required, in the rollback procedure, or measured. */
  items(): Promise<{ id: string; text: string; required: boolean; isRollback: boolean; measured: boolean }[]>;
}

export interface TemplateFields {
  templateId: string;
  feature: string;
  version: string;
  environment: string;
  windowStart?: string;
  timeZone?: string;
  deployLead?: string;
  /** The template's own placeholders; the built-in release templates need `previous_version`. */
  placeholders?: Record<string, string>;
}

/** A short suffix that keeps titles and emails of parallel tests apart. */
export function uniqueSuffix(): string {
  return randomUUID().slice(0, 8);
}

async function database() {
  const { db } = await import("@/lib/db");
  return db();
}

/** A demo or test account's id, e.g. for the signed links an email would carry. */
export async function accountId(email: string): Promise<string> {
  const user = await (await database()).user.findUnique({ where: { email }, select: { id: true } });
  if (!user) throw new Error(`no account ${email} in the e2e database`);
  return user.id;
}

function testPlan(plan: { id: string; title: string }): TestPlan {
  return {
    id: plan.id,
    title: plan.title,
    path: `/plans/${plan.id}`,
    async itemId(text) {
      const items = await (await database()).planItem.findMany({ where: { planId: plan.id, text: { contains: text } }, select: { id: true } });
      if (items.length !== 1) throw new Error(`expected one item containing "${text}" in "${plan.title}", found ${items.length}`);
      return items[0]!.id;
    },
    async gateId(title) {
      const gates = await (await database()).gate.findMany({ where: { planId: plan.id, title: { equals: title, mode: "insensitive" } }, select: { id: true } });
      if (gates.length !== 1) throw new Error(`expected one gate "${title}" in "${plan.title}", found ${gates.length}`);
      return gates[0]!.id;
    },
    async sectionId(title) {
      const sections = await (await database()).planSection.findMany({ where: { planId: plan.id, title }, select: { id: true } });
      if (sections.length !== 1) throw new Error(`expected one section "${title}" in "${plan.title}", found ${sections.length}`);
      return sections[0]!.id;
    },
    async items() {
      const items = await (await database()).planItem.findMany({
        where: { planId: plan.id },
        orderBy: { position: "asc" },
        select: { id: true, text: true, required: true, metric: true, section: { select: { isRollback: true } } },
      });
      return items.map((item) => ({ id: item.id, text: item.text, required: item.required, isRollback: item.section.isRollback, measured: item.metric !== null }));
    },
  };
}

/** `memberEmails`: the people the spec puts on the plan, whom the importer agrees to add where the document names them as owners. */
export async function importTestPlan(markdown: string, leadEmail: string, memberEmails: readonly string[] = []): Promise<TestPlan> {
  const { importPlan } = await import("@/lib/plans/import-plan");
  const addOwnerIds = await Promise.all(memberEmails.map(accountId));
  const created = await importPlan({ markdown, createdById: await accountId(leadEmail), as: "plan", addOwnerIds });
  return testPlan(created);
}

export async function createTestPlanFromTemplate(fields: TemplateFields, leadEmail: string): Promise<TestPlan> {
  const { createPlanFromTemplate } = await import("@/lib/templates/create-plan-from-template");
  // A template is refused while any placeholder stays empty; specs that do not care get a previous version.
  const placeholders = fields.placeholders ?? { previous_version: "0.9.0" };
  const created = await createPlanFromTemplate({ ...fields, placeholders, createdById: await accountId(leadEmail) });
  return testPlan(created);
}

/** A copy of the demo plan, made by the same code as the seeded one (lib/demo/seed-demo-data.ts), under a service name of its own. */
export async function createDemoPlanCopy(feature: string): Promise<TestPlan> {
  const { createDemoPlan } = await import("@/lib/demo/seed-demo-data");
  return testPlan(await createDemoPlan(new Date(), feature));
}

export async function createTestAccount(input: { name: string; email: string; password: string }): Promise<void> {
  const { createUser } = await import("@/lib/users/create-user");
  await createUser(input);
}

/** Closes this worker's database pool, if a spec opened it. */
export async function closeTestDatabase(): Promise<void> {
  const loaded = globalThis as unknown as { preflightPrisma?: unknown };
  if (!loaded.preflightPrisma) return;
  const { disconnectDatabase } = await import("@/lib/db");
  await disconnectDatabase();
}
