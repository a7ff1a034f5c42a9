import type { Page } from "@playwright/test";
import { DEVOPS_LEAD, LEAD } from "./support/accounts";
import { expect, test, type TestPlan } from "./support/fixtures";
import { uniqueSuffix } from "./support/test-plans";

/**
 * Issue 12, whole tables: a plan without a contact table gets one in the editor, filled in and
 * saved, then removed after a confirmation; a second browser sees both live.
 */
async function openPlan(page: Page, plan: TestPlan): Promise<Page> {
  await page.goto(plan.path);
  await expect(page.getByRole("heading", { level: 1, name: plan.title })).toBeVisible();
  await expect(page.getByRole("status", { name: "Connection: Live" })).toBeVisible();
  return page;
}

test("the lead adds a contact table, fills it in and removes it; the executor's page follows live", async ({ asUser, createPlan }) => {
  const title = `Document tables ${uniqueSuffix()}`;
  const plan = await createPlan({
    markdown: `# ${title}

## Deploy
- [ ] Roll out
`,
    members: [{ email: DEVOPS_LEAD.email, role: "EXECUTOR" }],
  });
  const lead = await openPlan(await asUser(LEAD.email), plan);
  const executor = await openPlan(await asUser(DEVOPS_LEAD.email), plan);
  await lead.getByRole("button", { name: "Edit plan" }).click();
  const parts = lead.getByTestId("document-parts-editor");

  await parts.getByRole("button", { name: "Add a contact table" }).click();
  const contacts = parts.getByRole("form", { name: "Contacts table" });
  await expect(contacts.getByLabel("Column 1 name")).toHaveValue("Role");
  await expect(parts.getByRole("button", { name: "Add a contact table" })).toHaveCount(0);
  await contacts.getByRole("button", { name: "Add row" }).click();
  await contacts.getByLabel("Role, row 1").fill("On-call");
  await contacts.getByLabel("Name, row 1").fill("Kim Park");
  await contacts.getByRole("button", { name: "Save contacts table" }).click();
  // Shown where the document keeps it (the last section) and in the page's Contacts panel.
  await expect(executor.getByRole("region", { name: "Deploy" }).getByTestId("contacts")).toContainText("Kim Park");
  await expect(executor.getByRole("region", { name: "Contacts" }).getByTestId("contacts")).toContainText("Kim Park");

  // Removing asks first; Cancel keeps the table.
  await parts.getByRole("form", { name: "Contacts table" }).getByRole("button", { name: "Remove table" }).click();
  const dialog = lead.getByRole("dialog", { name: "Remove the contacts table?" });
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(parts.getByRole("form", { name: "Contacts table" })).toBeVisible();
  await parts.getByRole("form", { name: "Contacts table" }).getByRole("button", { name: "Remove table" }).click();
  await lead.getByRole("dialog", { name: "Remove the contacts table?" }).getByRole("button", { name: "Remove table" }).click();
  await expect(parts.getByRole("form", { name: "Contacts table" })).toHaveCount(0);
  await expect(executor.getByTestId("contacts")).toHaveCount(0);
  await expect(parts.getByRole("button", { name: "Add a contact table" })).toBeVisible();
});
