import type { Page } from "@playwright/test";
import { DEVOPS_LEAD, LEAD } from "./support/accounts";
import { expect, test, type TestPlan } from "./support/fixtures";
import { uniqueSuffix } from "./support/test-plans";

/**
 * Issue 12, whole gates: the lead adds a sign-off gate and a Go/No-Go gate in the editor,
 * then removes one after a confirmation; a second browser sees each change live.
 */
async function openPlan(page: Page, plan: TestPlan): Promise<Page> {
  await page.goto(plan.path);
  await expect(page.getByRole("heading", { level: 1, name: plan.title })).toBeVisible();
  await expect(page.getByRole("status", { name: "Connection: Live" })).toBeVisible();
  return page;
}

const gateCard = (page: Page, title: string) => page.locator(`[data-testid="gate"][data-gate-title="${title}"]`);

test("the lead adds a sign-off and a Go/No-Go gate and removes one; the executor's page follows live", async ({ asUser, createPlan }) => {
  const title = `Document gates ${uniqueSuffix()}`;
  const plan = await createPlan({
    markdown: `# ${title}

## Deploy
- [ ] Roll out

## Verify
- [ ] Check the dashboards
`,
    members: [{ email: DEVOPS_LEAD.email, role: "EXECUTOR" }],
  });
  const lead = await openPlan(await asUser(LEAD.email), plan);
  const executor = await openPlan(await asUser(DEVOPS_LEAD.email), plan);
  await lead.getByRole("button", { name: "Edit plan" }).click();
  const parts = lead.getByTestId("document-parts-editor");

  await parts.getByRole("button", { name: "Add a sign-off gate" }).click();
  const newSignOff = parts.getByRole("form", { name: "New sign-off gate" });
  await newSignOff.getByRole("button", { name: "Add gate" }).click();
  await expect(newSignOff.getByRole("alert")).toHaveText("A gate needs a title.");
  await newSignOff.getByLabel("New gate title").fill("Release approval");
  await newSignOff.getByLabel("Sign-off titles (comma-separated)").fill("QA Lead, SRE");
  await newSignOff.getByRole("button", { name: "Add gate" }).click();
  await expect(parts.getByRole("form", { name: "Gate: Release approval" })).toBeVisible();
  await expect(gateCard(executor, "Release approval").getByTestId("gate-role")).toHaveCount(2);

  await parts.getByRole("button", { name: "Add a Go/No-Go gate" }).click();
  const newDecision = parts.getByRole("form", { name: "New Go/No-Go gate" });
  await newDecision.getByLabel("New gate title").fill("Go decision");
  await newDecision.getByLabel("Decision maker (sign-off title)").fill("CAB chair");
  await newDecision.getByRole("button", { name: "Add gate" }).click();
  await expect(parts.getByRole("form", { name: "Gate: Go decision" })).toBeVisible();
  await expect(gateCard(executor, "Go decision")).toBeVisible();

  // Removing asks first; Cancel keeps the gate.
  await parts.getByRole("form", { name: "Gate: Release approval" }).getByRole("button", { name: "Remove gate" }).click();
  await lead.getByRole("dialog", { name: "Remove the gate “Release approval”?" }).getByRole("button", { name: "Cancel" }).click();
  await expect(parts.getByRole("form", { name: "Gate: Release approval" })).toBeVisible();
  await parts.getByRole("form", { name: "Gate: Release approval" }).getByRole("button", { name: "Remove gate" }).click();
  await lead.getByRole("dialog", { name: "Remove the gate “Release approval”?" }).getByRole("button", { name: "Remove gate" }).click();
  await expect(parts.getByRole("form", { name: "Gate: Release approval" })).toHaveCount(0);
  await expect(gateCard(executor, "Release approval")).toHaveCount(0);
  await expect(gateCard(executor, "Go decision")).toBeVisible();
});
