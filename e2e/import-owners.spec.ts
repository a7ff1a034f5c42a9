import { DEVOPS_LEAD, LEAD } from "./support/accounts";
import { expect, test } from "./support/fixtures";
import { uniqueSuffix } from "./support/test-plans";

// Owners named in an imported document (issue 12): a person not on the plan is proposed and
// joins only when ticked; a name that matches nobody is kept in the step's notes, with a warning.
test("the import preview proposes an owner who is not on the plan, adds them when ticked, and keeps an unknown owner in the notes", async ({ asUser }) => {
  const page = await asUser(LEAD.email);
  const title = `Owners import ${uniqueSuffix()}`;
  await page.goto("/plans/import");
  await page.getByLabel("…or paste it").fill(`# ${title}

## Deploy
- [ ] Back up the database

  Owner: ${DEVOPS_LEAD.email}
- [ ] Run the migration

  Owner: @morgan
`);
  await page.getByRole("button", { name: "Preview import" }).click();
  const owners = page.getByTestId("import-owners");
  await expect(owners.getByRole("status")).toHaveText("No person or title matches “@morgan”: kept in the step's notes, so you can assign the step on the plan.");
  await owners.getByLabel(`${DEVOPS_LEAD.name} (${DEVOPS_LEAD.email}), 1 step`).check();
  await page.getByRole("button", { name: "Create plan" }).click();

  await expect(page).toHaveURL(/\/plans\/[^/]+$/);
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  const step = (text: string) => page.locator("li[data-item-id]").filter({ has: page.locator('[data-role="item-text"]', { hasText: text }) });
  await expect(step("Back up the database").locator('[data-role="item-owners"]')).toContainText(DEVOPS_LEAD.name);
  await expect(step("Run the migration")).toContainText("Owner named in the imported document, not on this plan: @morgan");
});
