import type { Page } from "@playwright/test";
import { DEVOPS_LEAD, LEAD } from "./support/accounts";
import { expect, test, type TestPlan } from "./support/fixtures";
import { uniqueSuffix } from "./support/test-plans";

/**
 * Issue 12, the rest of the document: the lead edits a table cell, a gate's quorum and a
 * rollback trigger in the editor, each as what it is, undoes the last, and a second browser sees it all live.
 */
async function openPlan(page: Page, plan: TestPlan): Promise<Page> {
  await page.goto(plan.path);
  await expect(page.getByRole("heading", { level: 1, name: plan.title })).toBeVisible();
  await expect(page.getByRole("status", { name: "Connection: Live" })).toBeVisible();
  return page;
}

test("the lead edits a table cell, a gate's quorum and a rollback trigger, and undoes one; the executor's page shows them live", async ({ asUser, createPlan }) => {
  const title = `Document editing ${uniqueSuffix()}`;
  const plan = await createPlan({
    markdown: `# ${title}

## Timeline
| Time | Activity | Duration |
| --- | --- | --- |
| T-0 | Deploy the payments service | 20 min |

## Deploy
- [ ] Roll out

## Rollback
Roll back if any of these happens:
- Error rate above 2%

## Sign-Off
### Pre-Deployment Sign-Off
- [ ] QA Lead: ____ Date: ____
`,
    members: [{ email: DEVOPS_LEAD.email, role: "EXECUTOR" }],
  });
  const lead = await openPlan(await asUser(LEAD.email), plan);
  const executor = await openPlan(await asUser(DEVOPS_LEAD.email), plan);
  await lead.getByRole("button", { name: "Edit plan" }).click();
  const parts = lead.getByTestId("document-parts-editor");

  // A table cell, in a table edited as a table.
  const timeline = parts.getByRole("form", { name: "Timeline table" });
  await timeline.getByLabel("Activity, row 1").fill("Deploy payments v2");
  await timeline.getByRole("button", { name: "Save timeline table" }).click();
  await expect(executor.getByTestId("timeline-table")).toContainText("Deploy payments v2");

  // A gate's quorum, in the gate's form.
  const gate = parts.getByRole("form", { name: /^Gate: / });
  await gate.getByLabel("Quorum for QA Lead").fill("2");
  await gate.getByRole("button", { name: "Save gate" }).click();
  await expect(executor.locator('[data-testid="gate-role"][data-role-title="QA Lead"]')).toContainText("QA Lead (0/2)");

  // A rollback trigger, reworded in the list, and one added.
  await parts.getByLabel("Rollback trigger 1").fill("Error rate above 1%");
  await parts.getByRole("button", { name: "Save trigger 1" }).click();
  await parts.getByLabel("New rollback trigger").fill("Checkout latency above 800 ms");
  await parts.getByRole("button", { name: "Add trigger" }).click();
  const triggers = executor.getByRole("region", { name: "Rollback triggers" });
  await expect(triggers.getByRole("listitem")).toHaveText(["Error rate above 1%", "Checkout latency above 800 ms"]);

  // Undo takes back the newest edit, the trigger just added, on both pages.
  await lead.getByTestId("plan-editor").getByRole("button", { name: "Undo" }).click();
  await expect(triggers.getByRole("listitem")).toHaveText(["Error rate above 1%"]);
  await expect(parts.getByLabel("Rollback trigger 2")).toHaveCount(0);

  // A table that lost the column its kind needs is refused in its form, which keeps what was typed.
  const edited = parts.getByRole("form", { name: "Timeline table" });
  await edited.getByLabel("Column 2 name").fill("Notes");
  await edited.getByRole("button", { name: "Save timeline table" }).click();
  await expect(edited.getByRole("alert")).toHaveText("A timeline needs a column for what happens (Activity, Step or Task).");
  await expect(edited.getByLabel("Column 2 name")).toHaveValue("Notes");
});
