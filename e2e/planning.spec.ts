import type { Page } from "@playwright/test";
import { DEVOPS_LEAD, LEAD } from "./support/accounts";
import { expect, test, type TestPlan } from "./support/fixtures";
import { uniqueSuffix } from "./support/test-plans";

/**
 * Owners and dependencies on the plan page, in two browsers: the executor sees the steps that
 * are theirs and ready in Up next, what a step waits for, the lead's planning changes live,
 * and a refused tick; the lead ticks over the dependency with a reason.
 */
async function openPlan(page: Page, plan: TestPlan): Promise<Page> {
  await page.goto(plan.path);
  await expect(page.getByRole("heading", { level: 1, name: plan.title })).toBeVisible();
  await expect(page.getByRole("status", { name: "Connection: Live" })).toBeVisible();
  return page;
}

const item = (page: Page, text: string) => page.locator("li[data-item-id]").filter({ has: page.locator('[data-role="item-text"]', { hasText: text }) });

test("owners, Up next for me, Waiting for, a refused tick and the lead's override", async ({ asUser, apiAs, createPlan }) => {
  const title = `Planning ${uniqueSuffix()}`;
  const plan = await createPlan({
    markdown: `# ${title}

## Preparation
- [ ] Back up the database

  Owner: ${DEVOPS_LEAD.email}

## Deploy
- [ ] Roll out the release

  Owner: DevOps Lead
  Depends on: section Preparation
  Duration: 20 min
- [ ] Smoke test the release

## Sign-Off
### Pre-Deployment Sign-Off
- [ ] DevOps Lead: ____ Date: ____
`,
    members: [{ email: DEVOPS_LEAD.email, role: "EXECUTOR", titles: ["DevOps Lead"] }],
  });
  const lead = await openPlan(await asUser(LEAD.email), plan);
  const executor = await openPlan(await asUser(DEVOPS_LEAD.email), plan);

  const upNext = executor.getByTestId("up-next");
  await expect(upNext.getByRole("listitem")).toHaveText(["Back up the database"]);
  await expect(item(executor, "Roll out the release").locator('[data-role="item-owners"]')).toContainText("DevOps Lead (Devin Ops)");
  await expect(item(executor, "Roll out the release").locator('[data-role="item-waiting"]')).toHaveText("Waiting for Back up the database");

  // The lead plans the smoke test: it follows the roll-out, for the DevOps Lead, live on the executor's page.
  const leadApi = await apiAs(LEAD.email);
  await leadApi.change(plan, {
    type: "item.plan",
    itemId: await plan.itemId("Smoke test the release"),
    expectedVersion: 0,
    owners: [{ title: "DevOps Lead" }],
    dependsOn: [{ itemId: await plan.itemId("Roll out the release") }],
    plannedMinutes: 5,
  });
  await expect(item(executor, "Smoke test the release").locator('[data-role="item-waiting"]')).toHaveText("Waiting for Roll out the release");
  await expect(item(executor, "Smoke test the release")).toContainText("5 min");

  // Ticking the waiting step is refused with the reason; it stays pending.
  await item(executor, "Roll out the release").getByRole("checkbox").click();
  await expect(executor.getByRole("alert").filter({ hasText: "Waiting for Back up the database" })).toBeVisible();
  await expect(item(executor, "Roll out the release")).toHaveAttribute("data-status", "PENDING");
  await expect(executor.getByRole("button", { name: "Done anyway" })).toHaveCount(0);

  // Settling the backup makes the roll-out the executor's next step, on both pages at once.
  await item(executor, "Back up the database").getByRole("checkbox").click();
  await expect(upNext.getByRole("listitem")).toHaveText(["Roll out the release"]);
  await expect(item(lead, "Roll out the release").locator('[data-role="item-waiting"]')).toHaveCount(0);

  // The lead ticks the smoke test over the open roll-out, saying why.
  await item(lead, "Smoke test the release").getByRole("checkbox").click();
  await expect(lead.getByRole("alert").filter({ hasText: "Waiting for Roll out the release" })).toBeVisible();
  await lead.getByPlaceholder("Why is it done before them?").fill("Verified on the canary already");
  await lead.getByRole("button", { name: "Done anyway" }).click();
  await expect(item(executor, "Smoke test the release")).toHaveAttribute("data-status", "DONE");

  // Mine: the lead owns no step, so the filter leaves their checklist empty.
  await lead.getByTestId("up-next").getByRole("checkbox", { name: "Mine" }).check();
  await expect(lead.locator("li[data-item-id]")).toHaveCount(0);
});
