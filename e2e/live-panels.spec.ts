import type { Page } from "@playwright/test";
import { LEAD, QA_LEAD, TECH_LEAD, VIEWER } from "./support/accounts";
import { expect, test, type ApiClient, type TestPlan } from "./support/fixtures";
import { uniqueSuffix } from "./support/test-plans";

/**
 * One person acts, the others watch, and nobody reloads: every change reaches every panel it
 * touches (items, progress, metrics so far, gates, banners, the header, the buttons a person
 * may use). The lead's changes that have no control on the plan page (settings, window,
 * members) go through the lead's own session over HTTP, as the People page sends them.
 */

async function openPlan(page: Page, plan: TestPlan, title = plan.title): Promise<Page> {
  await page.goto(plan.path);
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByRole("status", { name: "Connection: Live" })).toBeVisible();
  return page;
}

const item = (page: Page, text: string) => page.locator("li[data-item-id]").filter({ has: page.locator('[data-role="item-text"]', { hasText: text }) });
const gate = (page: Page, title: string) => page.locator(`[data-testid="gate"][data-gate-title="${title}"]`);
const role = (page: Page, gateTitle: string, roleTitle: string) => gate(page, gateTitle).locator(`[data-testid="gate-role"][data-role-title="${roleTitle}"]`);
const metric = (page: Page, label: string) => page.getByTestId("plan-metrics").locator(`[data-metric="${label}"]`);
const progress = (page: Page) => page.getByRole("progressbar", { name: "Overall progress" });

/** Sets an item's status through the lead's session, from the version the server has now. */
async function setItem(lead: ApiClient, plan: TestPlan, text: string, status: string, note?: string) {
  const itemId = await plan.itemId(text);
  const live = await lead.request.get(`/api/plans/${plan.id}/live`);
  const version = ((await live.json()) as { state: { items: Record<string, { version: number }> } }).state.items[itemId]!.version;
  await lead.change(plan, { type: "item.status", itemId, status, note, expectedVersion: version });
}

test("the lead acts while an approver and a stakeholder watch: every panel follows each change without a reload", async ({ asUser, apiAs, createPlan }) => {
  test.slow();
  const plan = await createPlan({
    template: { templateId: "builtin-production-release", feature: `Ledger ${uniqueSuffix()}`, version: "3.1.0", environment: "production", deployLead: LEAD.name },
    members: [
      { email: QA_LEAD.email, role: "APPROVER", titles: ["QA Lead"] },
      { email: TECH_LEAD.email, role: "APPROVER", titles: ["Tech Lead"] },
      { email: VIEWER.email, role: "VIEWER" },
    ],
  });
  const leadApi = await apiAs(LEAD.email);
  const lead = await openPlan(await asUser(LEAD.email), plan);
  const qa = await openPlan(await asUser(QA_LEAD.email), plan);
  const viewer = await openPlan(await asUser(VIEWER.email), plan);
  const preDeployment = "Pre-deployment sign-off";

  // Settings: a new title reaches every open header.
  const renamed = `${plan.title} (moved)`;
  await leadApi.change(plan, { type: "plan.edit", title: renamed });
  await expect(viewer.getByRole("heading", { level: 1, name: renamed })).toBeVisible();
  await expect(qa.getByRole("heading", { level: 1, name: renamed })).toBeVisible();

  // Window: the header's window fact follows the lead's new window.
  await leadApi.change(plan, { type: "plan.window", windowStart: "2031-03-04T09:00:00Z", timeZone: "UTC", expectedDurationMinutes: 95, expectedDowntimeMinutes: 5 });
  await expect(viewer.getByTestId("plan-facts")).toContainText("(95 min)");

  // A refused approval says why, beside the gate: the gate now waits for an open item.
  await leadApi.change(plan, { type: "gate.configure", gateId: await plan.gateId(preDeployment), requiredItemIds: [await plan.itemId("Release notes reviewed")] });
  await expect(gate(qa, preDeployment)).toContainText("Waiting for 1 required item(s) first.");
  await role(qa, preDeployment, "QA Lead").getByRole("button", { name: "Approve as QA Lead" }).click();
  await expect(role(qa, preDeployment, "QA Lead").getByTestId("gate-refusal")).toBeVisible();

  // Done: item, progress and the gate's wait change on every page.
  const progressBefore = await progress(viewer).getAttribute("aria-valuenow");
  await setItem(leadApi, plan, "Release notes reviewed", "DONE");
  await expect(item(viewer, "Release notes reviewed")).toHaveAttribute("data-status", "DONE");
  await expect(progress(viewer)).not.toHaveAttribute("aria-valuenow", progressBefore!);
  await expect(gate(qa, preDeployment)).not.toContainText("Waiting for");

  // Sign-off: the approval shows everywhere; the approver's button becomes "Change decision",
  // and signing again replaces the signature instead of adding one.
  await role(qa, preDeployment, "QA Lead").getByRole("button", { name: "Approve as QA Lead" }).click();
  await expect(role(viewer, preDeployment, "QA Lead")).toHaveAttribute("data-role-state", "signed");
  await expect(role(qa, preDeployment, "QA Lead").getByTestId("gate-refusal")).toHaveCount(0);
  await expect(role(qa, preDeployment, "QA Lead").getByRole("button", { name: "Approve as QA Lead" })).toHaveCount(0);
  await role(qa, preDeployment, "QA Lead").getByRole("button", { name: "Change decision as QA Lead" }).click();
  await role(qa, preDeployment, "QA Lead").getByRole("button", { name: "Approve as QA Lead" }).click();
  await expect(role(qa, preDeployment, "QA Lead").getByRole("button", { name: "Change decision as QA Lead" })).toBeVisible();
  await expect(role(lead, preDeployment, "QA Lead").getByText(`Approved by ${QA_LEAD.name}`)).toHaveCount(1);

  // Decision GO: the lead's refusal ("has not said GO yet") goes, the gate turns satisfied for everyone.
  // The window is in 2031: Start asks first, then the server refuses it for the missing GO.
  await lead.getByRole("button", { name: "Start deployment" }).click();
  await lead.getByRole("dialog", { name: "Start before the window?" }).getByRole("button", { name: "Start now" }).click();
  await expect(lead.getByTestId("lifecycle-refusal")).toContainText("has not said GO yet");
  await (await apiAs(TECH_LEAD.email)).change(plan, { type: "gate.decide", gateId: await plan.gateId("Go/No-Go decision"), decision: "GO", rationale: "Soak clean" });
  await expect(lead.getByTestId("lifecycle-refusal")).toHaveCount(0);
  await expect(gate(viewer, "Go/No-Go decision")).toHaveAttribute("data-gate-state", "satisfied");

  // Start: status, the lead's buttons and "Metrics so far" appear without a reload.
  await leadApi.change(plan, { type: "plan.lifecycle", action: "start", override: { reason: "DevOps signs by mail" } });
  await expect(viewer.getByTestId("plan-status")).toHaveText("In progress");
  await expect(lead.getByRole("button", { name: "Complete", exact: true })).toBeVisible();
  await expect(viewer.getByTestId("gate-override")).toBeVisible();
  await expect(metric(viewer, "Failed items")).toHaveText("0");

  // Skip, fail and n/a: the item and the metrics so far, on the watchers' pages.
  await setItem(leadApi, plan, "All CI checks green", "SKIPPED", "Checked at Go/No-Go");
  await expect(item(viewer, "All CI checks green")).toHaveAttribute("data-status", "SKIPPED");
  await expect(metric(viewer, "Skipped items")).toHaveText("1");
  await setItem(leadApi, plan, "Database migrations rehearsed", "FAILED", "Rehearsal took 25 minutes");
  await expect(item(viewer, "Database migrations rehearsed")).toHaveAttribute("data-status", "FAILED");
  await expect(metric(viewer, "Failed items")).toHaveText("1");
  await expect(metric(qa, "Failure to resolution")).toHaveText("Unresolved");
  await setItem(leadApi, plan, "Customer support briefed", "NOT_APPLICABLE");
  await expect(item(viewer, "Customer support briefed")).toHaveAttribute("data-status", "NOT_APPLICABLE");

  // Comment: shows under its item.
  await leadApi.change(plan, { type: "item.comment", itemId: await plan.itemId("Database migrations rehearsed"), body: "Retrying on a smaller copy" });
  await expect(item(viewer, "Database migrations rehearsed")).toContainText("1 comment");

  // A title taken away while the approver's page is open: their sign buttons go at once.
  await expect(qa.getByRole("button", { name: /as QA Lead$/ })).not.toHaveCount(0);
  await leadApi.change(plan, { type: "member.set", email: QA_LEAD.email, role: "APPROVER", titles: [] });
  await expect(qa.getByRole("button", { name: /as QA Lead$/ })).toHaveCount(0);

  // Rollback and its finish: status, the reason banner, the lead's buttons and the metrics.
  await leadApi.change(plan, { type: "plan.lifecycle", action: "trigger-rollback", reason: "Ledger totals drifted" });
  await expect(viewer.getByTestId("plan-status")).toHaveText("Rolling back");
  await expect(qa.getByText("Rolling back: Ledger totals drifted")).toBeVisible();
  await expect(metric(viewer, "Rollback")).toHaveText("Yes — Ledger totals drifted");
  await expect(lead.getByRole("button", { name: "Finish rollback" })).toBeVisible();
  await leadApi.change(plan, { type: "plan.lifecycle", action: "finish-rollback" });
  await expect(viewer.getByTestId("plan-status")).toHaveText("Rolled back");
  await expect(viewer.getByRole("heading", { name: "Deployment metrics" })).toBeVisible();
  await expect(lead.getByRole("button", { name: "Finish rollback" })).toHaveCount(0);
});

test("completing reaches the watchers' status, buttons and metrics", async ({ asUser, apiAs, createPlan }) => {
  const plan = await createPlan({
    markdown: `# Small change ${uniqueSuffix()}\n\n## Deploy\n- [ ] Roll out\n- [ ] Check health\n`,
    members: [{ email: VIEWER.email, role: "VIEWER" }],
  });
  const leadApi = await apiAs(LEAD.email);
  const lead = await openPlan(await asUser(LEAD.email), plan);
  const viewer = await openPlan(await asUser(VIEWER.email), plan);

  await leadApi.change(plan, { type: "plan.lifecycle", action: "start" });
  await expect(viewer.getByTestId("plan-status")).toHaveText("In progress");
  await setItem(leadApi, plan, "Roll out", "DONE");
  await setItem(leadApi, plan, "Check health", "DONE");
  await expect(progress(viewer)).toHaveAttribute("aria-valuenow", "100");
  await leadApi.change(plan, { type: "plan.lifecycle", action: "complete" });
  await expect(viewer.getByTestId("plan-status")).toHaveText("Complete");
  await expect(viewer.getByRole("heading", { name: "Deployment metrics" })).toBeVisible();
  await expect(lead.getByRole("button", { name: "Complete", exact: true })).toHaveCount(0);
});
