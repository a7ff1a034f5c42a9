import type { Page } from "@playwright/test";
import { LEAD, TECH_LEAD, VIEWER } from "./support/accounts";
import { expect, test, type ApiClient, type TestPlan } from "./support/fixtures";
import { uniqueSuffix } from "./support/test-plans";

// The restart test runs a second server of its own on this port (one such test at a time).
const PORT = Number(process.env.E2E_LIVE_PORT ?? 3101);
const ROLLBACK_TRIGGER = "Error rate above 5% for five minutes";

/**
 * A plan like the demo one (the production-release template, with the stakeholder watching
 * and the Tech Lead deciding Go/No-Go), but this test's own, under a title of its own.
 */
const releasePlan = () => ({
  template: { templateId: "builtin-production-release", feature: `Payments API ${uniqueSuffix()}`, version: "2.4.0", environment: "production", deployLead: LEAD.name },
  members: [
    { email: TECH_LEAD.email, role: "APPROVER" as const, titles: ["Tech Lead"] },
    { email: VIEWER.email, role: "VIEWER" as const },
  ],
});

/** The Tech Lead says GO and the lead starts over the pending pre-deployment sign-offs (not what these tests are about): the plan is in progress. */
async function startPlan(plan: TestPlan, apiAs: (email: string) => Promise<ApiClient>) {
  const gateId = await plan.gateId("Go/No-Go decision");
  await (await apiAs(TECH_LEAD.email)).change(plan, { type: "gate.decide", gateId, decision: "GO", rationale: "Staging soak clean" });
  await (await apiAs(LEAD.email)).change(plan, { type: "plan.lifecycle", action: "start", override: { reason: "Sign-offs given by mail" } });
}

async function openPlan(page: Page, plan: TestPlan): Promise<Page> {
  await page.goto(plan.path);
  await expect(page.getByRole("heading", { level: 1, name: plan.title })).toBeVisible();
  await expect(page.getByRole("status", { name: "Connection: Live" })).toBeVisible();
  return page;
}

const item = (page: Page, text: string) => page.locator("li[data-item-id]").filter({ has: page.locator('[data-role="item-text"]', { hasText: text }) });

test("the lead ticks, skips and fails; the stakeholder sees each change live, has no controls, and both resync after a restart", async ({ asUser, createPlan, startServer }) => {
  test.slow();
  const plan = await createPlan(releasePlan());
  // A server of this test's own (same build and database), so restarting it disturbs no other test.
  let server = await startServer(PORT);
  const lead = await openPlan(await asUser(LEAD.email, { baseURL: server.baseURL }), plan);
  const viewer = await openPlan(await asUser(VIEWER.email, { baseURL: server.baseURL }), plan);

  // The stakeholder watches: no item or lifecycle controls at all.
  await expect(viewer.getByRole("checkbox", { name: /^Done:/ })).toHaveCount(0);
  await expect(viewer.locator('[data-shortcut="skip"]')).toHaveCount(0);
  await expect(viewer.getByRole("button", { name: "Start deployment" })).toHaveCount(0);
  await expect(viewer.getByRole("list", { name: "Watching now" }).getByText(LEAD.name)).toBeAttached();

  await item(lead, "Release notes reviewed and approved").getByRole("checkbox", { name: /^Done:/ }).click();
  await expect(item(viewer, "Release notes reviewed and approved")).toHaveAttribute("data-status", "DONE");

  await item(lead, "All CI checks green on the release commit").getByRole("button", { name: "Step actions" }).click();
  await lead.getByRole("menuitem", { name: "Skip…" }).click();
  await lead.getByLabel("Why is it skipped?").fill("CI is checked in the go/no-go");
  await lead.getByRole("button", { name: "Skip item" }).click();
  await expect(item(viewer, "All CI checks green on the release commit")).toHaveAttribute("data-status", "SKIPPED");
  await expect(item(viewer, "All CI checks green on the release commit")).toContainText("CI is checked in the go/no-go");

  await item(lead, "Database migrations rehearsed").getByRole("button", { name: "Step actions" }).click();
  await lead.getByRole("menuitem", { name: "Fail…" }).click();
  await lead.getByLabel("What failed?").fill("rehearsal took 25 minutes");
  await lead.getByRole("button", { name: "Mark failed" }).click();
  await expect(item(viewer, "Database migrations rehearsed")).toHaveAttribute("data-status", "FAILED");
  await expect(viewer.getByRole("list", { name: "Activity" })).toContainText("Lee Deploy marked “Database migrations rehearsed on a copy of production data” failed: rehearsal took 25 minutes");

  // Start waits for the Go/No-Go gate: refused, then the Tech Lead (its decision maker) says GO.
  await lead.getByRole("button", { name: "Start deployment" }).click();
  await expect(lead.getByRole("alert").filter({ hasText: "has not said GO yet" })).toBeVisible();
  const techLead = await openPlan(await asUser(TECH_LEAD.email, { baseURL: server.baseURL }), plan);
  const goNoGo = (page: Page) => page.locator('[data-testid="gate"][data-gate-title="Go/No-Go decision"]');
  await goNoGo(techLead).getByLabel("Rationale").fill("Staging soak clean, error budget healthy");
  await goNoGo(techLead).getByRole("button", { name: "GO", exact: true }).click();
  await expect(goNoGo(lead)).toHaveAttribute("data-gate-state", "satisfied");
  await expect(goNoGo(viewer)).toContainText("GO by Taylor Tech");
  await techLead.context().close();

  // The pre-deployment sign-off still holds Start back: refused in place, and the lead overrides it with a reason.
  await lead.getByRole("button", { name: "Start deployment" }).click();
  await expect(lead.getByTestId("lifecycle-refusal")).toContainText("Start is blocked by “Pre-deployment sign-off”");
  await lead.getByRole("button", { name: "Override with a reason" }).click();
  await lead.getByLabel("Why go ahead without the sign-off?").fill("Sign-offs given by mail");
  await lead.getByRole("button", { name: "Start anyway" }).click();
  // Lifecycle is live too, the override with it; completing with open items is refused with the list.
  await expect(viewer.getByTestId("plan-status")).toHaveText("In progress");
  // The same override also passes over the readiness check: nobody on this plan holds the QA, DevOps or Product Manager title.
  await expect(viewer.getByTestId("gate-override")).toContainText("Started without the Tech Lead's, the QA Lead's and the DevOps Lead's sign-off and a passed readiness check (Nobody on this plan holds QA Lead");
  await expect(viewer.getByTestId("gate-override")).toContainText("): Sign-offs given by mail");
  await lead.getByRole("button", { name: "Complete" }).click();
  await expect(lead.getByRole("alert").filter({ hasText: "required items are not done yet" })).toContainText("On-call engineer confirmed for the window");

  // Restart the server. Both pages notice, reconnect by themselves and catch up on what
  // happened meanwhile (a change made through the API right after the restart).
  await server.stop();
  await expect(viewer.getByRole("status", { name: /Connection: (Reconnecting|Offline)/ })).toBeVisible();
  server = await startServer(PORT);
  const planPath = new URL(lead.url()).pathname;
  const itemId = await item(lead, "On-call engineer confirmed").getAttribute("data-item-id");
  const answer = await lead.request.post(`${planPath.replace("/plans/", "/api/plans/")}/changes`, {
    data: { type: "item.status", itemId, status: "DONE", expectedVersion: 0 },
    headers: { origin: server.baseURL },
  });
  expect(answer.status()).toBe(201);

  for (const page of [lead, viewer]) {
    await expect(page.getByRole("status", { name: "Connection: Live" })).toBeVisible({ timeout: 30_000 });
    await expect(item(page, "On-call engineer confirmed")).toHaveAttribute("data-status", "DONE");
    await expect(item(page, "Release notes reviewed and approved")).toHaveAttribute("data-status", "DONE");
    await expect(item(page, "All CI checks green on the release commit")).toHaveAttribute("data-status", "SKIPPED");
    await expect(item(page, "Database migrations rehearsed")).toHaveAttribute("data-status", "FAILED");
    await expect(page.getByTestId("plan-status")).toHaveText("In progress");
  }
});

test("a stakeholder's write is refused by the server, not only hidden", async ({ asUser, baseURL, createPlan }) => {
  const plan = await createPlan(releasePlan());
  const viewer = await openPlan(await asUser(VIEWER.email), plan);
  const itemId = await item(viewer, "Staging has run 2.4.0").getAttribute("data-item-id");
  const planPath = new URL(viewer.url()).pathname;
  const answer = await viewer.request.post(`${planPath.replace("/plans/", "/api/plans/")}/changes`, {
    data: { type: "item.status", itemId, status: "DONE", expectedVersion: 0 },
    headers: { origin: baseURL! },
  });
  expect(answer.status()).toBe(403);
  expect((await answer.json()).error.message).toMatch(/watching this plan/);
  await viewer.reload();
  await expect(item(viewer, "Staging has run 2.4.0")).toHaveAttribute("data-status", "PENDING");
});

test("triggering a rollback asks for the reason and brings the rollback procedure to the top, live", async ({ apiAs, asUser, createPlan }) => {
  const plan = await createPlan(releasePlan());
  await startPlan(plan, apiAs);
  const lead = await openPlan(await asUser(LEAD.email), plan);
  const viewer = await openPlan(await asUser(VIEWER.email), plan);
  await lead.getByRole("button", { name: "Trigger rollback…" }).click();
  const form = lead.getByRole("form", { name: "Trigger rollback" });
  await form.getByLabel(ROLLBACK_TRIGGER).check();
  await form.getByLabel("Reason").fill("5xx at 7% after the rollout");
  await form.getByRole("button", { name: "Roll back now" }).click();
  await expect(viewer.getByTestId("plan-status")).toHaveText("Rolling back");
  await expect(viewer.getByText("Rolling back: 5xx at 7% after the rollout")).toBeVisible();
  await expect(viewer.locator("section[id^=section-]").first()).toContainText("Rollback");
  await expect(viewer.getByTestId("current-phase")).toHaveText("Rollback Procedure");
});

test("the big screen shows progress and the latest changes, updating live; the lead works by keyboard", async ({ apiAs, asUser, createPlan }) => {
  // Rolling back, as the test above leaves its plan.
  const plan = await createPlan(releasePlan());
  await startPlan(plan, apiAs);
  await (await apiAs(LEAD.email)).change(plan, { type: "plan.lifecycle", action: "trigger-rollback", reason: "5xx at 7% after the rollout", trigger: ROLLBACK_TRIGGER });
  const lead = await openPlan(await asUser(LEAD.email), plan);
  const screen = await asUser(LEAD.email);
  await screen.goto(new URL(lead.url()).pathname + "/screen");
  await expect(screen.getByTestId("screen-progress")).toBeVisible();
  // While rolling back, the rollback procedure's first item comes first: j focuses it, x marks it done.
  await lead.keyboard.press("j");
  await expect(item(lead, "Announce the rollback in the release channel")).toBeFocused();
  await lead.keyboard.press("x");
  await expect(item(lead, "Announce the rollback in the release channel")).toHaveAttribute("data-status", "DONE");
  await expect(screen.getByTestId("screen-activity")).toContainText("Announce the rollback in the release channel");
});
