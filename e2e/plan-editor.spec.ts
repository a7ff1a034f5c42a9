import type { Page } from "@playwright/test";
import { LEAD, VIEWER } from "./support/accounts";
import { expect, test, type TestPlan } from "./support/fixtures";
import { uniqueSuffix } from "./support/test-plans";

// What the editor offers in each status. Sending structural changes is C1's server side
// (issue 12); the e2e of the edits themselves lands with it.
const planMarkdown = (title: string) => `# ${title}

- **Environment**: staging

## Deploy
- [ ] Drain the queue
- [ ] Swap the alias

## Verify
- [ ] Smoke test the search page
`;

async function openPlan(page: Page, plan: TestPlan): Promise<Page> {
  await page.goto(plan.path);
  await expect(page.getByRole("heading", { level: 1, name: plan.title })).toBeVisible();
  await expect(page.getByRole("status", { name: "Connection: Live" })).toBeVisible();
  return page;
}

test("the lead edits in place: everything before the run, only adding steps and pending text during it, nothing once finished; a viewer never sees the editor", async ({ asUser, apiAs, createPlan }) => {
  const plan = await createPlan({ markdown: planMarkdown(`Editor rights ${uniqueSuffix()}`), members: [{ email: VIEWER.email, role: "VIEWER" }] });
  const lead = await openPlan(await asUser(LEAD.email), plan);
  const viewer = await openPlan(await asUser(VIEWER.email), plan);
  await expect(viewer.getByRole("button", { name: "Edit plan" })).toHaveCount(0);

  // Draft: the whole structure is editable; deleting a section asks, counting its items.
  const editButton = lead.getByRole("button", { name: "Edit plan" });
  await editButton.click();
  const editor = lead.getByTestId("plan-editor");
  await expect(lead.getByRole("button", { name: "Done editing" })).toHaveAttribute("aria-pressed", "true");
  const deploy = editor.getByRole("region", { name: "Section: Deploy" });
  await expect(deploy.getByRole("button", { name: "Rename" })).toBeVisible();
  await expect(deploy.getByRole("button", { name: "Drag Drain the queue" })).toBeVisible();
  await expect(deploy.locator("[data-editor-item]")).toHaveCount(2);
  await expect(editor.getByRole("button", { name: "Add section" })).toBeVisible();
  await expect(editor.getByRole("button", { name: "Undo" })).toBeVisible();
  await deploy.getByRole("button", { name: "Delete section" }).click();
  const dialog = lead.getByRole("dialog", { name: "Delete section Deploy?" });
  await expect(dialog).toContainText("Delete section Deploy and its 2 items?");
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toHaveCount(0);

  // The step form checks itself before anything is sent.
  await deploy.locator("[data-editor-item]").first().getByRole("button", { name: "Edit" }).click();
  await deploy.getByLabel("Step", { exact: true }).fill("   ");
  await deploy.getByRole("button", { name: "Save step" }).click();
  await expect(deploy.getByText("Write what the step does.")).toBeVisible();
  await deploy.getByRole("button", { name: "Cancel" }).click();

  // Running: only adding steps and editing a pending step's text; a settled step is never rewritten.
  const leadApi = await apiAs(LEAD.email);
  await leadApi.change(plan, { type: "plan.lifecycle", action: "start" });
  await leadApi.change(plan, { type: "item.status", itemId: await plan.itemId("Drain the queue"), status: "DONE", expectedVersion: 0 });
  await expect(lead.getByTestId("plan-status")).toHaveText("In progress");
  await expect(editor).toContainText("The deployment is running");
  await expect(editor.getByRole("button", { name: "Delete section" })).toHaveCount(0);
  await expect(editor.getByRole("button", { name: "Rename" })).toHaveCount(0);
  await expect(editor.getByRole("button", { name: "Add section" })).toHaveCount(0);
  await expect(editor.getByRole("button", { name: /^Drag / })).toHaveCount(0);
  await expect(deploy.getByRole("button", { name: "Add step to Deploy" })).toBeVisible();
  const drained = deploy.locator("[data-editor-item]").filter({ hasText: "Drain the queue" });
  await expect(drained.getByRole("button", { name: "Edit" })).toHaveCount(0);
  const swap = deploy.locator("[data-editor-item]").filter({ hasText: "Swap the alias" });
  await expect(swap.getByRole("button", { name: "Edit" })).toBeVisible();
  await expect(swap.getByRole("button", { name: "Delete" })).toHaveCount(0);
  await swap.getByRole("button", { name: "Edit" }).click();
  await expect(swap.getByLabel("Step", { exact: true })).toHaveValue("Swap the alias");
  await expect(swap.getByLabel("Notes")).toHaveCount(0);

  // Finished: read-only, and the editor closes by itself.
  await leadApi.change(plan, { type: "plan.lifecycle", action: "abort", reason: "Upstream outage" });
  await expect(lead.getByTestId("plan-status")).toHaveText("Aborted");
  await expect(editor).toHaveCount(0);
  await expect(editButton).toHaveCount(0);
});
