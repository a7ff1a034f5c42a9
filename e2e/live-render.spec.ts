import type { Page } from "@playwright/test";
import { LEAD, VIEWER } from "./support/accounts";
import { expect, test, type ApiClient, type TestPlan } from "./support/fixtures";
import { uniqueSuffix } from "./support/test-plans";

/**
 * The plan page at scale depends on this: an event re-renders the rows it touched, not the
 * whole checklist. Rows count their own renders when the page starts with the render probe set
 * (components/live/render-probe.ts); the test counts renders, it does not time them.
 */
const planMarkdown = (title: string) =>
  `# ${title}\n\n${["Prepare", "Deploy", "Verify"].map((section) => `## ${section}\n${Array.from({ length: 6 }, (_, index) => `- [ ] ${section} step ${index + 1}`).join("\n")}\n`).join("\n")}`;

async function openWithProbe(page: Page, plan: TestPlan): Promise<Page> {
  await page.addInitScript(() => {
    window.__preflightRenderProbe = { rows: {} };
  });
  await page.goto(plan.path);
  await expect(page.getByRole("heading", { level: 1, name: plan.title })).toBeVisible();
  await expect(page.getByRole("status", { name: "Connection: Live" })).toBeVisible();
  return page;
}

/** Which rows rendered since the last reset, after the update is committed and two frames have been painted. */
const renderedRows = (page: Page) =>
  page.evaluate(() => new Promise<Record<string, number>>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve({ ...window.__preflightRenderProbe!.rows })))));
/** Starts counting afresh once no row is highlighted (a row someone else changed renders once more when its highlight ends). */
async function resetProbe(page: Page) {
  await expect(page.locator("li[data-item-id][data-flash]")).toHaveCount(0);
  await page.evaluate(() => {
    window.__preflightRenderProbe!.rows = {};
  });
}

async function tick(lead: ApiClient, plan: TestPlan, itemId: string, status: "DONE" | "PENDING") {
  const live = await lead.request.get(`/api/plans/${plan.id}/live`);
  const { state } = (await live.json()) as { state: { items: Record<string, { version: number }> } };
  await lead.change(plan, { type: "item.status", itemId, status, expectedVersion: state.items[itemId]!.version });
}

test("a tick, a comment or an edit by someone else re-renders exactly the row it touched on a watcher's page", async ({ asUser, apiAs, createPlan }) => {
  const plan = await createPlan({ markdown: planMarkdown(`Render count ${uniqueSuffix()}`), members: [{ email: VIEWER.email, role: "VIEWER" }] });
  const viewer = await openWithProbe(await asUser(VIEWER.email), plan);
  const rows = viewer.locator("li[data-item-id]");
  await expect(rows).toHaveCount(18);
  // The first render drew every row once.
  expect(Object.keys(await renderedRows(viewer))).toHaveLength(18);
  const lead = await apiAs(LEAD.email);

  for (const text of ["Deploy step 3", "Verify step 6", "Prepare step 1"]) {
    const itemId = await plan.itemId(text);
    await resetProbe(viewer);
    await tick(lead, plan, itemId, "DONE");
    await expect(viewer.locator(`li[data-item-id="${itemId}"]`)).toHaveAttribute("data-status", "DONE");
    // The summaries that depend on it follow too.
    expect(Object.keys(await renderedRows(viewer))).toEqual([itemId]);
  }
  await expect(viewer.getByRole("progressbar", { name: "Overall progress" })).toHaveAttribute("aria-valuenow", "16");

  // Back to pending, and a comment: still only that row.
  const itemId = await plan.itemId("Deploy step 3");
  await resetProbe(viewer);
  await tick(lead, plan, itemId, "PENDING");
  await expect(viewer.locator(`li[data-item-id="${itemId}"]`)).toHaveAttribute("data-status", "PENDING");
  expect(Object.keys(await renderedRows(viewer))).toEqual([itemId]);
  await resetProbe(viewer);
  await lead.change(plan, { type: "item.comment", itemId, body: "Waiting for the canary" });
  await expect(viewer.locator(`li[data-item-id="${itemId}"]`).getByRole("button", { name: "1 comment" })).toBeVisible();
  expect(Object.keys(await renderedRows(viewer))).toEqual([itemId]);

  // A reworded step: the page refetches its structure, and only that row renders again.
  const reworded = await plan.itemId("Verify step 2");
  await resetProbe(viewer);
  const live = await (await lead.request.get(`/api/plans/${plan.id}/live`)).json();
  await lead.change(plan, { type: "item.edit", itemId: reworded, expectedVersion: (live as { state: { items: Record<string, { version: number }> } }).state.items[reworded]!.version, text: "Verify the canary" });
  await expect(viewer.locator(`li[data-item-id="${reworded}"] [data-role="item-text"]`)).toHaveText("Verify the canary");
  expect(Object.keys(await renderedRows(viewer))).toEqual([reworded]);
});
