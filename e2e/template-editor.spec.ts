import { LEAD } from "./support/accounts";
import { expect, test } from "./support/fixtures";
import { uniqueSuffix } from "./support/test-plans";

// Templates are edited with the plan editor (issue 12): a built-in one is copied first, every
// edit is saved as it is made, and a plan made from the copy has what was added.
test("a copy of a built-in template gets a new section and a step with an owner title and a dependency; a plan made from it has the step", async ({ asUser }) => {
  const page = await asUser(LEAD.email);
  const section = `Handover ${uniqueSuffix()}`;
  await page.goto("/templates");
  await page.getByRole("button", { name: "Copy and edit: Canary rollout" }).click();
  await expect(page).toHaveURL(/\/templates\/[^/]+\/edit$/);
  await expect(page.getByRole("heading", { level: 1, name: "Copy of Canary rollout" })).toBeVisible();
  const editor = page.getByTestId("plan-editor");
  await expect(editor).toContainText("Editing the template.");
  await expect(editor.getByRole("button", { name: "Undo" })).toHaveCount(0);

  await editor.getByLabel("New section").fill(section);
  await editor.getByRole("button", { name: "Add section" }).click();
  const handover = editor.getByRole("region", { name: `Section: ${section}` });
  await expect(handover).toBeVisible();

  const addStep = async (text: string, fill: (form: ReturnType<typeof handover.locator>) => Promise<void> = async () => {}) => {
    await handover.getByRole("button", { name: `Add step to ${section}` }).click();
    const form = handover.locator("form").filter({ has: page.getByRole("button", { name: "Add step" }) });
    await form.getByLabel("Step", { exact: true }).fill(text);
    await fill(form);
    await form.getByRole("button", { name: "Add step" }).click();
    await expect(handover.locator("[data-editor-item]").filter({ hasText: text })).toBeVisible();
  };
  await addStep("Hand over to on-call", async (form) => {
    await form.getByLabel("Owners").selectOption([{ label: "DevOps Lead (title)" }]);
    await form.getByRole("searchbox", { name: "Search steps and sections to wait for" }).fill("shift 5%");
    await form.getByLabel("Waits for").selectOption([{ label: "Shift 5% of traffic to the canary" }]);
    await form.getByLabel("Planned minutes").fill("10");
  });
  await addStep("Close the change ticket");
  const planning = "Owners: DevOps Lead (title) · Waits for: Shift 5% of traffic to the canary · 10 min";
  const handOver = handover.locator("[data-editor-item]").filter({ hasText: "Hand over to on-call" });
  await expect(handOver.locator('[data-role="editor-planning"]')).toHaveText(planning);

  // The same keyboard moves as on a plan: Alt+↑ puts the second step first.
  const close = handover.locator("[data-editor-item]").filter({ hasText: "Close the change ticket" });
  await close.focus();
  await close.press("Alt+ArrowUp");
  await expect(handover.locator("[data-editor-item]")).toHaveText([/Close the change ticket/, /Hand over to on-call/]);

  // Saved: a reload shows the same template.
  await page.reload();
  await expect(handover.locator("[data-editor-item]")).toHaveText([/Close the change ticket/, /Hand over to on-call/]);
  await expect(handOver.locator('[data-role="editor-planning"]')).toHaveText(planning);

  // A plan from the edited template has the new step.
  await page.getByRole("link", { name: "Use template" }).click();
  await page.getByLabel("Feature or service").fill("Search");
  await page.getByLabel("Version or release").fill("3.1.0");
  await page.getByLabel("Environment").fill("staging");
  await page.getByRole("button", { name: "Create plan" }).click();
  await expect(page).toHaveURL(/\/plans\/[^/]+$/);
  await expect(page.getByRole("heading", { name: section })).toBeVisible();
  await expect(page.locator("[data-item-id]").filter({ hasText: "Hand over to on-call" })).toBeVisible();
});
