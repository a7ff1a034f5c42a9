import { mkdir } from "node:fs/promises";
import path from "node:path";
import type { Locator, Page } from "@playwright/test";
import { DEVOPS_LEAD, LEAD } from "./support/accounts";
import { expect, test, type TestPlan } from "./support/fixtures";
import { uniqueSuffix } from "./support/test-plans";

/**
 * Issue 12's must-show, in two browsers: the lead shapes the plan in the editor while the
 * executor watches the same page, with no reload on either side.
 */
async function openPlan(page: Page, plan: TestPlan): Promise<Page> {
  await page.goto(plan.path);
  await expect(page.getByRole("heading", { level: 1, name: plan.title })).toBeVisible();
  await expect(page.getByRole("status", { name: "Connection: Live" })).toBeVisible();
  return page;
}

const editorStep = (section: Locator, text: string) => section.locator("[data-editor-item]").filter({ has: section.page().locator('[data-role="item-text"]', { hasText: text }) });
const item = (page: Page, text: string) => page.locator("li[data-item-id]").filter({ has: page.locator('[data-role="item-text"]', { hasText: text }) });

test("the lead adds a section and steps with an owner and a dependency, live on the executor's page; a waiting step is refused; a step added during the run is marked; undo reverts it for both", async ({ asUser, apiAs, createPlan }) => {
  const title = `Live editing ${uniqueSuffix()}`;
  const plan = await createPlan({
    markdown: `# ${title}

## Prepare
- [ ] Announce the window
`,
    members: [{ email: DEVOPS_LEAD.email, role: "EXECUTOR" }],
  });
  const lead = await openPlan(await asUser(LEAD.email), plan);
  const executor = await openPlan(await asUser(DEVOPS_LEAD.email), plan);
  await lead.getByRole("button", { name: "Edit plan" }).click();
  const editor = lead.getByTestId("plan-editor");

  // A new section (the plan page shows a section once it has steps).
  await editor.getByLabel("New section").fill("Cutover");
  await editor.getByRole("button", { name: "Add section" }).click();
  const cutover = editor.getByRole("region", { name: "Section: Cutover" });
  await expect(cutover).toBeVisible();

  // Three steps: the second waits for the first.
  const addStep = async (text: string, fillPlanning: (form: Locator) => Promise<void> = async () => {}) => {
    await cutover.getByRole("button", { name: "Add step to Cutover" }).click();
    const form = cutover.locator("form").filter({ has: lead.getByRole("button", { name: "Add step" }) });
    await form.getByLabel("Step", { exact: true }).fill(text);
    await fillPlanning(form);
    await form.getByRole("button", { name: "Add step" }).click();
    await expect(editorStep(cutover, text)).toBeVisible();
  };
  await addStep("Freeze writes");
  await addStep("Switch DNS", async (form) => {
    await form.getByRole("searchbox", { name: "Search steps and sections to wait for" }).fill("freeze");
    await form.getByLabel("Waits for").selectOption([{ label: "Freeze writes" }]);
    await form.getByLabel("Planned minutes").fill("10");
  });
  await addStep("Check the error rate");
  await expect(editorStep(cutover, "Switch DNS").locator('[data-role="editor-planning"]')).toHaveText("Waits for: Freeze writes · 10 min");

  // The first step goes to the executor (an existing step: item.plan).
  const freeze = editorStep(cutover, "Freeze writes");
  await freeze.getByRole("button", { name: "Edit" }).click();
  await freeze.getByLabel("Owners").selectOption([{ label: DEVOPS_LEAD.name }]);
  await freeze.getByRole("button", { name: "Save step" }).click();
  await expect(freeze.locator('[data-role="editor-planning"]')).toHaveText(`Owners: ${DEVOPS_LEAD.name}`);

  // A loop is refused in the form, which names it and stays open.
  await freeze.getByRole("button", { name: "Edit" }).click();
  await freeze.getByLabel("Waits for").selectOption([{ label: "Switch DNS" }]);
  await freeze.getByRole("button", { name: "Save step" }).click();
  await expect(freeze.getByRole("alert")).toContainText("These dependencies would make a loop: Freeze writes → Switch DNS → Freeze writes");
  await freeze.getByRole("button", { name: "Cancel" }).click();
  await expect(freeze.locator('[data-role="editor-planning"]')).toHaveText(`Owners: ${DEVOPS_LEAD.name}`);

  // The executor sees it all without reloading, and the step in Up next for me.
  await expect(executor.getByRole("heading", { name: "Cutover" })).toBeVisible();
  for (const text of ["Freeze writes", "Switch DNS", "Check the error rate"]) await expect(item(executor, text)).toBeVisible();
  await expect(executor.getByTestId("up-next").getByRole("listitem")).toHaveText(["Freeze writes"]);
  await expect(item(executor, "Switch DNS").locator('[data-role="item-waiting"]')).toHaveText("Waiting for Freeze writes");

  // The editor with steps, owners and a dependency: with README_SCREENSHOTS=1 it replaces the
  // README's picture; otherwise it goes with the test's output, so a test run changes no tracked file.
  const screenshot =
    process.env.README_SCREENSHOTS === "1" ? path.join(process.cwd(), "public", "screenshots", "plan-editor.png") : test.info().outputPath("plan-editor.png");
  await mkdir(path.dirname(screenshot), { recursive: true });
  await lead.setViewportSize({ width: 1280, height: 900 });
  await editor.screenshot({ path: screenshot });

  // The run starts; ticking the waiting step is refused with the reason.
  const leadApi = await apiAs(LEAD.email);
  await leadApi.change(plan, { type: "plan.lifecycle", action: "start" });
  await expect(executor.getByTestId("plan-status")).toHaveText("In progress");
  await item(executor, "Switch DNS").getByRole("checkbox").click();
  await expect(executor.getByRole("alert").filter({ hasText: "Waiting for Freeze writes" })).toBeVisible();
  await expect(item(executor, "Switch DNS")).toHaveAttribute("data-status", "PENDING");

  // During the run the lead adds a step; both pages mark it as added during the run.
  await expect(editor).toContainText("The deployment is running");
  await addStep("Flush the CDN cache");
  await expect(editorStep(cutover, "Flush the CDN cache")).toContainText("added during the run");
  await expect(item(executor, "Flush the CDN cache")).toContainText("added during the run");

  // Undo reverts the lead's last edit, on both pages; the lead's editor stays open throughout.
  await editor.getByRole("button", { name: "Undo" }).click();
  await expect(editorStep(cutover, "Flush the CDN cache")).toHaveCount(0);
  await expect(item(executor, "Flush the CDN cache")).toHaveCount(0);
  await expect(item(executor, "Check the error rate")).toBeVisible();
});
