import { expect, test, type Browser, type Page } from "@playwright/test";
import { DEMO_PASSWORD, LEAD, TECH_LEAD, VIEWER } from "./support/accounts";
import { startAppServer, type AppServer } from "./support/app-server";

const DEMO_PLAN = "Production release: Payments API 2.4.0";
const PORT = Number(process.env.E2E_LIVE_PORT ?? 3101);

async function openDemoPlan(browser: Browser, baseURL: string, email: string): Promise<Page> {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("link", { name: DEMO_PLAN }).click();
  await expect(page.getByRole("heading", { level: 1, name: DEMO_PLAN })).toBeVisible();
  await expect(page.getByRole("status", { name: "Connection: Live" })).toBeVisible();
  return page;
}

const item = (page: Page, text: string) => page.locator("li[data-item-id]").filter({ has: page.locator('[data-role="item-text"]', { hasText: text }) });

test.describe.configure({ mode: "serial" });

let server: AppServer;
test.beforeAll(async () => {
  server = await startAppServer(PORT);
});
test.afterAll(async () => {
  await server?.stop();
});

test("the lead ticks, skips and fails; the stakeholder sees each change live, has no controls, and both resync after a restart", async ({ browser }) => {
  test.setTimeout(120_000);
  const lead = await openDemoPlan(browser, server.baseURL, LEAD.email);
  const viewer = await openDemoPlan(browser, server.baseURL, VIEWER.email);

  // The stakeholder watches: no item or lifecycle controls at all.
  await expect(viewer.getByRole("button", { name: "Done" })).toHaveCount(0);
  await expect(viewer.getByRole("button", { name: "Start deployment" })).toHaveCount(0);
  await expect(viewer.getByRole("list", { name: "Watching now" }).getByText(LEAD.name)).toBeAttached();

  await item(lead, "Release notes reviewed and approved").getByRole("button", { name: "Done" }).click();
  await expect(item(viewer, "Release notes reviewed and approved")).toHaveAttribute("data-status", "DONE");

  await item(lead, "All CI checks green on the release commit").getByRole("button", { name: "Skip…" }).click();
  await lead.getByLabel("Why is it skipped?").fill("CI is checked in the go/no-go");
  await lead.getByRole("button", { name: "Skip item" }).click();
  await expect(item(viewer, "All CI checks green on the release commit")).toHaveAttribute("data-status", "SKIPPED");
  await expect(item(viewer, "All CI checks green on the release commit")).toContainText("CI is checked in the go/no-go");

  await item(lead, "Database migrations rehearsed").getByRole("button", { name: "Fail…" }).click();
  await lead.getByLabel("What failed?").fill("rehearsal took 25 minutes");
  await lead.getByRole("button", { name: "Mark failed" }).click();
  await expect(item(viewer, "Database migrations rehearsed")).toHaveAttribute("data-status", "FAILED");
  await expect(viewer.getByRole("list", { name: "Activity" })).toContainText("Lee Deploy marked “Database migrations rehearsed on a copy of production data” failed: rehearsal took 25 minutes");

  // Start waits for the Go/No-Go gate: refused, then the Tech Lead (its decision maker) says GO.
  await lead.getByRole("button", { name: "Start deployment" }).click();
  await expect(lead.getByRole("alert").filter({ hasText: "has not said GO yet" })).toBeVisible();
  const techLead = await openDemoPlan(browser, server.baseURL, TECH_LEAD.email);
  const goNoGo = (page: Page) => page.locator('[data-testid="gate"][data-gate-title="Go/No-Go decision"]');
  await goNoGo(techLead).getByLabel("Rationale").fill("Staging soak clean, error budget healthy");
  await goNoGo(techLead).getByRole("button", { name: "GO", exact: true }).click();
  await expect(goNoGo(lead)).toHaveAttribute("data-gate-state", "satisfied");
  await expect(goNoGo(viewer)).toContainText("GO by Taylor Tech");
  await techLead.context().close();

  // Lifecycle is live too; completing with open items is refused with the list.
  await lead.getByRole("button", { name: "Start deployment" }).click();
  await expect(viewer.getByTestId("plan-status")).toHaveText("In progress");
  await lead.getByRole("button", { name: "Complete" }).click();
  await expect(lead.getByRole("alert").filter({ hasText: "required items are not done yet" })).toContainText("On-call engineer confirmed for the window");

  // Restart the server. Both pages notice, reconnect by themselves and catch up on what
  // happened meanwhile (a change made through the API right after the restart).
  await server.stop();
  await expect(viewer.getByRole("status", { name: /Connection: (Reconnecting|Offline)/ })).toBeVisible();
  server = await startAppServer(PORT);
  const planPath = new URL(lead.url()).pathname;
  const itemId = await item(lead, "On-call engineer confirmed").getAttribute("data-item-id");
  const answer = await lead.request.post(`${planPath.replace("/plans/", "/api/plans/")}/changes`, {
    data: { type: "item.status", itemId, status: "DONE", expectedVersion: 0 },
    headers: { origin: server.baseURL },
  });
  expect(answer.status()).toBe(201);

  for (const page of [lead, viewer]) {
    await expect(page.getByRole("status", { name: "Connection: Live" })).toBeVisible({ timeout: 20_000 });
    await expect(item(page, "On-call engineer confirmed")).toHaveAttribute("data-status", "DONE");
    await expect(item(page, "Release notes reviewed and approved")).toHaveAttribute("data-status", "DONE");
    await expect(item(page, "All CI checks green on the release commit")).toHaveAttribute("data-status", "SKIPPED");
    await expect(item(page, "Database migrations rehearsed")).toHaveAttribute("data-status", "FAILED");
    await expect(page.getByTestId("plan-status")).toHaveText("In progress");
  }
});

test("a stakeholder's write is refused by the server, not only hidden", async ({ browser }) => {
  const viewer = await openDemoPlan(browser, server.baseURL, VIEWER.email);
  const itemId = await item(viewer, "Staging has run 2.4.0").getAttribute("data-item-id");
  const planPath = new URL(viewer.url()).pathname;
  const answer = await viewer.request.post(`${planPath.replace("/plans/", "/api/plans/")}/changes`, {
    data: { type: "item.status", itemId, status: "DONE", expectedVersion: 0 },
    headers: { origin: server.baseURL },
  });
  expect(answer.status()).toBe(403);
  expect((await answer.json()).error.message).toMatch(/watching this plan/);
  await viewer.reload();
  await expect(item(viewer, "Staging has run 2.4.0")).toHaveAttribute("data-status", "PENDING");
});

test("triggering a rollback asks for the reason and brings the rollback procedure to the top, live", async ({ browser }) => {
  const lead = await openDemoPlan(browser, server.baseURL, LEAD.email);
  const viewer = await openDemoPlan(browser, server.baseURL, VIEWER.email);
  await lead.getByRole("button", { name: "Trigger rollback…" }).click();
  const form = lead.getByRole("form", { name: "Trigger rollback" });
  await form.getByLabel("Error rate above 5% for five minutes").check();
  await form.getByLabel("Reason").fill("5xx at 7% after the rollout");
  await form.getByRole("button", { name: "Roll back now" }).click();
  await expect(viewer.getByTestId("plan-status")).toHaveText("Rolling back");
  await expect(viewer.getByText("Rolling back: 5xx at 7% after the rollout")).toBeVisible();
  await expect(viewer.locator("section[id^=section-]").first()).toContainText("Rollback");
  await expect(viewer.getByTestId("current-phase")).toHaveText("Rollback Procedure");
});

test("the big screen shows progress and the latest changes, updating live; the lead works by keyboard", async ({ browser }) => {
  const lead = await openDemoPlan(browser, server.baseURL, LEAD.email);
  const screen = await (await browser.newContext({ baseURL: server.baseURL, storageState: await lead.context().storageState() })).newPage();
  await screen.goto(new URL(lead.url()).pathname + "/screen");
  await expect(screen.getByTestId("screen-progress")).toBeVisible();
  // While rolling back, the rollback procedure's first item comes first: j focuses it, x marks it done.
  await lead.keyboard.press("j");
  await expect(item(lead, "Announce the rollback in the release channel")).toBeFocused();
  await lead.keyboard.press("x");
  await expect(item(lead, "Announce the rollback in the release channel")).toHaveAttribute("data-status", "DONE");
  await expect(screen.getByTestId("screen-activity")).toContainText("Announce the rollback in the release channel");
});
