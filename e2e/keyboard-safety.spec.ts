import type { Page } from "@playwright/test";
import { LEAD } from "./support/accounts";
import { expect, test, type TestPlan } from "./support/fixtures";
import { uniqueSuffix } from "./support/test-plans";

// Three plain steps and a measured one (target < 1 %); the window lies years ahead, so
// Start is always early.
const planMarkdown = (title: string) => `# ${title}

- **Environment**: staging
- **Scheduled Date**: 2031-03-06
- **Start Time**: 03:00 UTC

## Verify
- [ ] Announce the window
- [ ] Warm the caches
- [ ] Check the dashboards
- [ ] Error rate: __ % (<1% target)
`;

// Preparations planned for the hour before T-0: started early, they are not behind at once.
const preparedMarkdown = (title: string) => `# ${title}

- **Scheduled Date**: 2031-03-06
- **Start Time**: 03:00 UTC

## Preparation (T-1h) (30 min)
- [ ] Take a backup
- [ ] Announce the window

## Deploy (T-0) (15 min)
- [ ] Deploy the release
`;

const item = (page: Page, text: string) => page.locator("li[data-item-id]").filter({ has: page.locator('[data-role="item-text"]', { hasText: text }) });
const STEPS = ["Announce the window", "Warm the caches", "Check the dashboards", "Error rate"];

async function statuses(page: Page): Promise<string[]> {
  return Promise.all(STEPS.map((text) => item(page, text).getAttribute("data-status").then((status) => status ?? "")));
}

/** The data-item-id of the item that holds the focus, or null when the focus is outside every item. */
const focusedItemId = (page: Page) => page.evaluate(() => document.activeElement?.closest<HTMLElement>("li[data-item-id]")?.dataset.itemId ?? null);

async function openPlan(page: Page, plan: TestPlan): Promise<Page> {
  await page.goto(plan.path);
  await expect(page.getByRole("heading", { level: 1, name: plan.title })).toBeVisible();
  await expect(page.getByRole("status", { name: "Connection: Live" })).toBeVisible();
  return page;
}

test("typing into a comment or reason box never ticks a step; Esc closes the box; the checkbox toggles Done; focus stays on the item", async ({ asUser, createPlan }) => {
  const plan = await createPlan({ markdown: planMarkdown(`Keyboard safety ${uniqueSuffix()}`) });
  const lead = await openPlan(await asUser(LEAD.email), plan);
  const first = item(lead, "Announce the window");
  const firstId = await first.getAttribute("data-item-id");

  // c puts the cursor in the comment box; what is typed there stays there.
  await lead.keyboard.press("j");
  await expect(first).toBeFocused();
  const before = await statuses(lead);
  await lead.keyboard.press("c");
  const commentBox = first.getByLabel("Comment on Announce the window");
  await expect(commentBox).toBeFocused();
  await lead.keyboard.type("ok s f x");
  await expect(commentBox).toHaveValue("ok s f x");
  await expect(commentBox).toBeFocused();
  expect(await statuses(lead)).toEqual(before);
  expect(before).toEqual(["PENDING", "PENDING", "PENDING", "PENDING"]);

  // Esc closes the box without sending, and gives the keys back to the list.
  await lead.keyboard.press("Escape");
  await expect(commentBox).toHaveCount(0);
  await expect(first).toBeFocused();
  await expect(first).not.toContainText("ok s f x");

  // s and f put the cursor in their reason box; Esc closes it without skipping or failing.
  await lead.keyboard.press("s");
  await expect(first.getByLabel("Why is it skipped?")).toBeFocused();
  await lead.keyboard.type("x k j");
  await lead.keyboard.press("Escape");
  await expect(first.getByLabel("Why is it skipped?")).toHaveCount(0);
  await lead.keyboard.press("f");
  await expect(first.getByLabel("What failed?")).toBeFocused();
  await lead.keyboard.press("Escape");
  await expect(first).toBeFocused();
  expect(await statuses(lead)).toEqual(before);

  // The checkbox is a real one: a click marks Done, Space on it takes it back and forth.
  const checkbox = first.getByRole("checkbox", { name: "Done: Announce the window" });
  await expect(checkbox).not.toBeChecked();
  await checkbox.click();
  await expect(first).toHaveAttribute("data-status", "DONE");
  await expect(checkbox).toBeChecked();
  expect(await focusedItemId(lead)).toBe(firstId);
  await checkbox.focus();
  await lead.keyboard.press("Space");
  await expect(first).toHaveAttribute("data-status", "PENDING");
  await expect(checkbox).not.toBeChecked();
  await lead.keyboard.press("Space");
  await expect(first).toHaveAttribute("data-status", "DONE");

  // The row's one menu: arrow keys move through it, Esc closes it and gives the focus back to its button.
  const second = item(lead, "Warm the caches");
  const menuButton = second.getByRole("button", { name: "Step actions" });
  await expect(menuButton).toHaveAttribute("aria-haspopup", "menu");
  await menuButton.focus();
  await lead.keyboard.press("ArrowDown");
  const menu = second.getByRole("menu");
  await expect(menuButton).toHaveAttribute("aria-expanded", "true");
  await expect(menu.getByRole("menuitem", { name: "Skip…" })).toBeFocused();
  await lead.keyboard.press("ArrowDown");
  await expect(menu.getByRole("menuitem", { name: "Fail…" })).toBeFocused();
  // "Back to pending" is disabled on a pending step: the arrow passes over it.
  await lead.keyboard.press("ArrowDown");
  await expect(menu.getByRole("menuitem", { name: "Not applicable" })).toBeFocused();
  await lead.keyboard.press("ArrowDown");
  await expect(menu.getByRole("menuitem", { name: "Comment…" })).toBeFocused();
  await lead.keyboard.press("ArrowDown");
  await expect(menu.getByRole("menuitem", { name: "Skip…" })).toBeFocused();
  await lead.keyboard.press("Escape");
  await expect(menu).toBeHidden();
  await expect(menuButton).toBeFocused();
  // Moving through the menu and closing it acted on nothing.
  await expect(second).toHaveAttribute("data-status", "PENDING");

  // After a menu action the focus is on its item, not the page body; the menu button kept its place.
  const buttonInRow = async () => {
    const [row, button] = await Promise.all([second.boundingBox(), menuButton.boundingBox()]);
    return { x: button!.x - row!.x, y: button!.y - row!.y, width: button!.width, height: button!.height };
  };
  const buttonBefore = await buttonInRow();
  await menuButton.click();
  await menu.getByRole("menuitem", { name: "Not applicable" }).click();
  await expect(second).toHaveAttribute("data-status", "NOT_APPLICABLE");
  expect(await focusedItemId(lead)).toBe(await second.getAttribute("data-item-id"));
  expect(await buttonInRow()).toEqual(buttonBefore);
});

test("Done, back and Done again in quick succession ends Done, with no conflict and nothing lost after a reload", async ({ asUser, createPlan }) => {
  const plan = await createPlan({ markdown: planMarkdown(`Quick toggles ${uniqueSuffix()}`) });
  const lead = await openPlan(await asUser(LEAD.email), plan);
  const first = item(lead, "Announce the window");
  const checkbox = first.getByRole("checkbox", { name: "Done: Announce the window" });
  const itemId = (await first.getAttribute("data-item-id"))!;
  const versionNow = async () => ((await (await lead.request.get(`/api/plans/${plan.id}/live`)).json()) as { state: { items: Record<string, { version: number; status: string }> } }).state.items[itemId]!;
  const startVersion = (await versionNow()).version;
  await checkbox.focus();
  // Three presses without waiting for the server: each one is made against what the page shows.
  await lead.keyboard.press("Space");
  await lead.keyboard.press("Space");
  await lead.keyboard.press("Space");
  await expect(first).toHaveAttribute("data-status", "DONE");
  await expect(checkbox).toBeChecked();
  // All three were recorded (the step's version moved by three), and none was refused as a conflict.
  await expect.poll(versionNow).toEqual(expect.objectContaining({ version: startVersion + 3, status: "DONE" }));
  // (Next's route announcer is an empty alert; the page's notice has words.)
  await expect(lead.getByRole("alert").filter({ hasText: /\w/ })).toHaveCount(0);
  await lead.reload();
  await expect(item(lead, "Announce the window")).toHaveAttribute("data-status", "DONE");
  await expect(lead.getByText("Announce the window").first()).toBeVisible();
});

test("a measured step asks for its value, asks before Done outside target, and shows and counts it in amber", async ({ apiAs, asUser, baseURL, createPlan }) => {
  // Four pages (plan, big screen, reload, report) on a shared machine.
  test.slow();
  const plan = await createPlan({ markdown: planMarkdown(`Measured step ${uniqueSuffix()}`) });
  const lead = await openPlan(await asUser(LEAD.email), plan);
  const measured = item(lead, "Error rate");

  // The server refuses Done without a value, whoever asks.
  const refused = await lead.request.post(`/api/plans/${plan.id}/changes`, {
    data: { type: "item.status", itemId: await measured.getAttribute("data-item-id"), status: "DONE", expectedVersion: 0 },
    headers: { origin: baseURL! },
  });
  expect(refused.status()).toBe(422);
  expect((await refused.json()).error.message).toBe("Record the measured Error rate (%) before marking this step done.");

  // The page asks in place, with the cursor in the value field.
  await measured.getByRole("checkbox", { name: /^Done:/ }).click();
  await expect(measured.getByRole("alert")).toContainText("Enter the measured Error rate (%) first");
  await expect(measured.getByLabel("Measured Error rate in %")).toBeFocused();
  await expect(measured).toHaveAttribute("data-status", "PENDING");

  // 2.5 % misses the target: it asks; Cancel leaves the step pending.
  await measured.getByLabel("Measured Error rate in %").fill("2.5");
  await measured.getByRole("checkbox", { name: /^Done:/ }).click();
  await expect(measured.getByRole("alert")).toContainText("2.5% is outside the target < 1%");
  await measured.getByRole("button", { name: "Cancel" }).click();
  await expect(measured.getByRole("alert")).toHaveCount(0);
  await expect(measured).toHaveAttribute("data-status", "PENDING");

  // Confirmed: done outside target, in amber and in words, on the page and the big screen, and counted.
  await measured.getByRole("checkbox", { name: /^Done:/ }).click();
  await measured.getByRole("button", { name: "Yes, outside target" }).click();
  await expect(measured).toHaveAttribute("data-status", "DONE");
  await expect(measured).toHaveAttribute("data-outside-target", "true");
  await expect(measured.locator('[data-role="item-state"]')).toContainText("Done outside target");
  await expect(measured.locator('[data-role="metric-reading"]')).toContainText("2.5% — done outside target");

  const screen = await asUser(LEAD.email);
  await screen.goto(`${plan.path}/screen`);
  await expect(screen.getByTestId("screen-outside-target")).toHaveText("1 done outside target");
  await screen.close();
  // The metrics panel shows once the plan runs; the report lists the step in words.
  await (await apiAs(LEAD.email)).change(plan, { type: "plan.lifecycle", action: "start" });
  await lead.reload();
  await expect(lead.getByTestId("plan-metrics").locator('[data-metric="Done outside target"]')).toHaveText("1");
  await lead.goto(`${plan.path}/report`);
  await expect(lead.locator('[data-outside-target="true"]')).toContainText("Done outside target");
  await expect(lead.getByTestId("plan-metrics").locator('[data-metric="Done outside target"]')).toHaveText("1");
});

test("Start before the window says how early it is and asks; Abort confirms, naming what follows; Cancel and Esc do nothing", async ({ asUser, createPlan }) => {
  const plan = await createPlan({ markdown: preparedMarkdown(`Confirmations ${uniqueSuffix()}`) });
  const lead = await openPlan(await asUser(LEAD.email), plan);
  const start = lead.getByRole("button", { name: "Start deployment" });

  await start.click();
  const early = lead.getByRole("dialog", { name: "Start before the window?" });
  await expect(early).toContainText(/The window opens in \d+ d( \d+ h)? \(Thu 6 Mar, 03:00 UTC\)\. Start now\?/);
  await early.getByRole("button", { name: "Cancel" }).click();
  await expect(early).toHaveCount(0);
  await expect(start).toBeFocused();
  await start.click();
  await expect(early).toBeVisible();
  await lead.keyboard.press("Escape");
  await expect(early).toHaveCount(0);
  await expect(start).toBeFocused();
  await expect(lead.getByTestId("plan-status")).not.toHaveText("In progress");

  await start.click();
  await early.getByRole("button", { name: "Start now" }).click();
  await expect(lead.getByTestId("plan-status")).toHaveText("In progress");
  // Behind schedule counts from the actual start: the open preparations are not behind a moment later.
  const time = lead.getByRole("region", { name: "Time" });
  await expect(time.getByText("Started early by")).toBeVisible();
  await expect(time.getByTestId("t-clock")).toHaveText(/^T\+/);
  await expect(time.getByTestId("t-clock")).not.toHaveText("T+00:00:00");
  await expect(time.getByTestId("behind-count")).toHaveCount(0);

  // Abort names what follows and asks a reason; Cancel leaves the plan running.
  await lead.getByRole("button", { name: "Abort…" }).click();
  const abort = lead.getByRole("dialog", { name: "Abort the plan?" });
  await expect(abort).toContainText("3 steps not done will stay as they are.");
  await expect(abort).toContainText("No monitoring checks will be scheduled.");
  await expect(abort.getByRole("button", { name: "Abort the plan" })).toBeDisabled();
  await abort.getByRole("button", { name: "Cancel" }).click();
  await expect(lead.getByTestId("plan-status")).toHaveText("In progress");

  await lead.getByRole("button", { name: "Abort…" }).click();
  await abort.getByLabel("Reason").fill("Change freeze announced");
  await abort.getByRole("button", { name: "Abort the plan" }).click();
  await expect(lead.getByTestId("plan-status")).toHaveText("Aborted");
});
