import { LEAD } from "./support/accounts";
import { expect, test } from "./support/fixtures";
import { uniqueSuffix } from "./support/test-plans";

const planMarkdown = (title: string, fields: string[]) => [`# ${title}`, "", ...fields, "", "## Deploy", "- [ ] Swap the alias", ""].join("\n");

test("the plans list shows running plans first, then upcoming by window, then finished ones by when they ran; search and the environment filter live in the URL", async ({ asUser, createPlan, apiAs }) => {
  const tag = uniqueSuffix();
  const environment = `qa-${tag}`;
  const lead = await apiAs(LEAD.email);

  const later = await createPlan({ markdown: planMarkdown(`Later window ${tag}`, [`**Environment**: ${environment}`, "**Window**: 2031-06-01 22:00 UTC"]) });
  const sooner = await createPlan({ markdown: planMarkdown(`Sooner window ${tag}`, [`**Environment**: ${environment}`, "**Window**: 2031-03-04 22:00 UTC", "**Change Ticket**: CHG-77" + tag]) });
  const running = await createPlan({ markdown: planMarkdown(`Running ${tag}`, [`**Environment**: ${environment}`]) });
  await lead.change(running, { type: "plan.lifecycle", action: "start" });
  const aborted = await createPlan({ markdown: planMarkdown(`Aborted ${tag}`, ["**Environment**: production"]) });
  await lead.change(aborted, { type: "plan.lifecycle", action: "start" });
  await lead.change(aborted, { type: "plan.lifecycle", action: "abort", reason: "Upstream outage" });

  const page = await asUser(LEAD.email);
  await page.goto("/plans");
  await page.getByRole("searchbox", { name: "Search" }).fill(tag);
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`[?&]q=${tag}`));

  const titles = page.locator("[data-plan-row] a");
  await expect(titles).toHaveText([running.title, sooner.title, later.title, aborted.title]);
  await expect(page.getByRole("region", { name: "Running now" }).getByRole("link")).toHaveText([running.title]);
  await expect(page.getByRole("region", { name: "Upcoming" }).locator(`[data-plan-row="${sooner.id}"]`)).toContainText("Window 4 Mar 2031, 22:00 UTC");
  const finished = page.getByRole("region", { name: "Finished" });
  await expect(finished.locator(`[data-plan-row="${aborted.id}"]`).getByTestId("plan-when")).toHaveText(/^Ran \d+ \w{3} \d{4}, \d\d:\d\d UTC$/);

  // The environment filter narrows the search; both survive a reload.
  await page.getByLabel("Environment").selectOption(environment);
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`env=${environment}`));
  await expect(titles).toHaveText([running.title, sooner.title, later.title]);
  await page.reload();
  await expect(page.getByRole("searchbox", { name: "Search" })).toHaveValue(tag);
  await expect(page.getByLabel("Environment")).toHaveValue(environment);
  await expect(titles).toHaveText([running.title, sooner.title, later.title]);

  // The change ticket is searched too; a search that finds nothing says so.
  await page.goto(`/plans?q=${encodeURIComponent(`chg-77${tag}`)}`);
  await expect(titles).toHaveText([sooner.title]);
  await page.goto(`/plans?q=nothing-${tag}`);
  await expect(page.getByRole("status").filter({ hasText: "No plan matches this search." })).toBeVisible();
  await page.getByRole("link", { name: "Show every plan" }).click();
  await expect(page).toHaveURL(/\/plans$/);
});
