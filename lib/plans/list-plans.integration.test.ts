import { beforeEach, describe, expect, it } from "vitest";
import { importPlan } from "@/lib/plans/import-plan";
import { listPlanEnvironments, listPlansForUser } from "@/lib/plans/list-plans";
import { resetDatabase } from "@/lib/testing/reset-database";
import { createUser } from "@/lib/users/create-user";

const markdown = (title: string, fields: string[]) => [`# ${title}`, "", ...fields, "", "## Deploy", "- [ ] Swap the alias", ""].join("\n");

let lead: { id: string; role: "MEMBER" };
let outsider: { id: string; role: "MEMBER" };

beforeEach(async () => {
  await resetDatabase();
  lead = { id: (await createUser({ name: "Lee Deploy", email: "lead@example.com", password: "long-enough-password" })).id, role: "MEMBER" };
  outsider = { id: (await createUser({ name: "Oz Outside", email: "oz@example.com", password: "long-enough-password" })).id, role: "MEMBER" };
  for (const [title, fields] of [
    ["Billing 4.2 release", ["**Environment**: production", "**Change Ticket**: CHG-4821"]],
    ["Search reindex", ["**Environment**: Staging"]],
    ["Checkout hotfix", []],
  ] as const) {
    await importPlan({ markdown: markdown(title, [...fields]), createdById: lead.id, as: "plan" });
  }
});

const titles = async (query: Parameters<typeof listPlansForUser>[1]) => (await listPlansForUser(lead, query)).map((plan) => plan.title).sort();

describe("listPlansForUser", () => {
  it("finds plans by any word of the title, environment or change ticket, ignoring case; every word must match", async () => {
    expect(await titles({ search: "billing" })).toEqual(["Billing 4.2 release"]);
    expect(await titles({ search: "chg-4821" })).toEqual(["Billing 4.2 release"]);
    expect(await titles({ search: "STAGING" })).toEqual(["Search reindex"]);
    expect(await titles({ search: "release production" })).toEqual(["Billing 4.2 release"]);
    expect(await titles({ search: "release staging" })).toEqual([]);
    expect(await titles({ search: "" })).toHaveLength(3);
  });

  it("filters by environment, and lists each environment once for the filter", async () => {
    expect(await titles({ environment: "staging" })).toEqual(["Search reindex"]);
    // Sorted by the database; compared as a set, since collations order case differently.
    expect((await listPlanEnvironments(lead)).sort()).toEqual(["Staging", "production"]);
  });

  it("shows nobody a plan they are not on, whatever they search", async () => {
    expect(await listPlansForUser(outsider, { search: "billing" })).toEqual([]);
    expect(await listPlanEnvironments(outsider)).toEqual([]);
  });
});
