import type { Page } from "@playwright/test";
import { GATED_PLAN_MARKDOWN } from "../lib/testing/signoff-test-plan";
import { DEVOPS_LEAD, LEAD, PRODUCT_MANAGER, QA_LEAD, TECH_LEAD } from "./support/accounts";
import { expect, test, type ApiClient, type TestPlan } from "./support/fixtures";
import { createDemoPlanCopy, uniqueSuffix } from "./support/test-plans";

/**
 * Gates that gate, the readiness check, and "needs you", through the browser. What
 * e2e/signoffs.spec.ts shows (titles given on the members page, signing live, quorums and
 * required items) and e2e/live.spec.ts shows (Start held back by the Go/No-Go decision and
 * overridden) is not repeated: here Complete is held back too, overrides reach the export, the
 * readiness check lists what no one can sign, and the demo plan runs end to end without one.
 */
const gate = (page: Page, title: string) => page.locator(`[data-testid="gate"][data-gate-title="${title}"]`);
const role = (page: Page, gateTitle: string, roleTitle: string) => gate(page, gateTitle).locator(`[data-testid="gate-role"][data-role-title="${roleTitle}"]`);
const header = (page: Page) => page.locator("header", { has: page.getByRole("heading", { level: 1 }) });

async function openPlan(page: Page, plan: TestPlan): Promise<Page> {
  await page.goto(plan.path);
  await expect(page.getByRole("heading", { level: 1, name: plan.title })).toBeVisible();
  await expect(page.getByRole("status", { name: "Connection: Live" })).toBeVisible();
  return page;
}

/** The lead ticks these items through the changes API, a measured one with a value inside its target first. */
async function tick(lead: ApiClient, plan: TestPlan, which: (item: { text: string; isRollback: boolean; required: boolean }) => boolean) {
  for (const item of (await plan.items()).filter(which)) {
    if (item.measured) await lead.change(plan, { type: "item.measurement", itemId: item.id, value: item.text.includes("%") ? 0.2 : 180, expectedVersion: 0 });
    await lead.change(plan, { type: "item.status", itemId: item.id, status: "DONE", expectedVersion: item.measured ? 1 : 0 });
  }
}

async function overrideInPlace(lead: Page, button: "Start anyway" | "Complete anyway", reason: string) {
  await lead.getByTestId("lifecycle-refusal").getByRole("button", { name: "Override with a reason" }).click();
  await lead.getByLabel("Why go ahead without the sign-off?").fill(reason);
  await lead.getByRole("button", { name: button }).click();
}

test("Start waits for the pre-deployment sign-off and Complete for the post-deployment one, refused in place; overrides with a reason reach the export", async ({ asUser, apiAs, createPlan }) => {
  test.slow();
  const plan = await createPlan({
    markdown: GATED_PLAN_MARKDOWN.replace("# Gated test plan", `# Gated run ${uniqueSuffix()}`),
    members: [
      { email: QA_LEAD.email, role: "APPROVER", titles: ["QA Lead"] },
      { email: PRODUCT_MANAGER.email, role: "APPROVER", titles: ["Product Manager"] },
    ],
  });
  const lead = await openPlan(await asUser(LEAD.email), plan);
  // Everyone the gates need is on the plan: the readiness check passes, only the gates hold.
  await expect(lead.getByTestId("readiness")).toContainText("Ready");

  await lead.getByRole("button", { name: "Start deployment" }).click();
  await expect(lead.getByTestId("lifecycle-refusal")).toContainText("Start is blocked by “Pre-deployment sign-off”: QA Lead has not approved (1 of 1 needed).");
  await expect(lead.getByTestId("plan-status")).toHaveText("Draft");
  await overrideInPlace(lead, "Start anyway", "QA signed the change ticket by mail");
  await expect(lead.getByTestId("plan-status")).toHaveText("In progress");
  await expect(lead.getByTestId("gate-override")).toContainText("Started without the QA Lead's sign-off: QA signed the change ticket by mail");

  const leadApi = await apiAs(LEAD.email);
  await tick(leadApi, plan, (item) => !item.isRollback);
  // Every step is settled, so Complete first asks to confirm; the server then refuses it for the gate.
  await lead.getByRole("button", { name: "Complete" }).click();
  await lead.getByRole("dialog", { name: "Complete the plan?" }).getByRole("button", { name: "Complete the plan" }).click();
  await expect(lead.getByTestId("lifecycle-refusal")).toContainText("Complete is blocked by “Post-deployment sign-off”: Product Manager has not approved (1 of 1 needed).");
  await expect(lead.getByTestId("plan-status")).toHaveText("In progress");
  await overrideInPlace(lead, "Complete anyway", "PM on leave; accepted in the review");
  await expect(lead.getByTestId("plan-status")).toHaveText("Complete");

  const exported = await leadApi.request.get(`/api/plans/${plan.id}/export`);
  expect(exported.status()).toBe(200);
  const markdown = await exported.text();
  expect(markdown).toContain("**Gate override**: Started without the QA Lead's sign-off: QA signed the change ticket by mail");
  expect(markdown).toContain("**Gate override**: Completed without the Product Manager's sign-off: PM on leave; accepted in the review");
});

test("the readiness check lists a title nobody holds, live, and Start is refused until it is fixed", async ({ asUser, apiAs, createPlan }) => {
  const plan = await createPlan({ markdown: GATED_PLAN_MARKDOWN.replace("# Gated test plan", `# Not ready ${uniqueSuffix()}`) });
  const lead = await openPlan(await asUser(LEAD.email), plan);
  const readiness = lead.getByTestId("readiness");
  await expect(readiness).toContainText("Nobody on this plan holds QA Lead (needed by “Pre-deployment sign-off”).");
  await expect(readiness).toContainText("Nobody on this plan holds Product Manager (needed by “Post-deployment sign-off”).");
  await expect(readiness.getByRole("link", { name: "Give the titles on the members page" })).toHaveAttribute("href", `${plan.path}/members`);

  await lead.getByRole("button", { name: "Start deployment" }).click();
  await expect(lead.getByTestId("lifecycle-refusal")).toContainText("Start is refused until the plan is ready: Nobody on this plan holds QA Lead");
  await expect(lead.getByTestId("plan-status")).toHaveText("Draft");

  // The lead gives the titles (here over the API, as the members page does); the list follows without a reload.
  const leadApi = await apiAs(LEAD.email);
  await leadApi.change(plan, { type: "member.set", email: QA_LEAD.email, role: "APPROVER", titles: ["QA Lead"] });
  await expect(readiness).not.toContainText("holds QA Lead");
  await expect(readiness).toContainText("Nobody on this plan holds Product Manager");
  await leadApi.change(plan, { type: "member.set", email: PRODUCT_MANAGER.email, role: "APPROVER", titles: ["Product Manager"] });
  await expect(readiness).toContainText("Ready: every sign-off title has a member who can sign");

  // Now only the sign-off itself holds Start back.
  await lead.getByRole("button", { name: "Start deployment" }).click();
  await expect(lead.getByTestId("lifecycle-refusal")).toContainText("Start is blocked by “Pre-deployment sign-off”");
  await expect(lead.getByTestId("lifecycle-refusal")).not.toContainText("until the plan is ready");
});

test("the demo plan runs from Start to Complete with the demo accounts alone, each approver pointed to their signature", async ({ asUser, apiAs }) => {
  test.slow();
  const plan = await createDemoPlanCopy(`Payments API ${uniqueSuffix()}`);
  const leadApi = await apiAs(LEAD.email);
  const lead = await openPlan(await asUser(LEAD.email), plan);
  await expect(lead.getByTestId("readiness")).toContainText("Ready");

  // The QA Lead is told in the plans list and in the plan header that their signature waits.
  const qa = await asUser(QA_LEAD.email);
  await qa.goto("/plans");
  const row = qa.locator("li", { has: qa.getByRole("link", { name: plan.title, exact: true }) }).first();
  await expect(row.getByTestId("needs-you")).toContainText("Waiting for your signature as QA Lead on “Pre-deployment sign-off”");
  await openPlan(qa, plan);
  await expect(header(qa).getByTestId("needs-you")).toContainText("Waiting for your signature as QA Lead on “Pre-deployment sign-off”");

  // Before the start: the lead settles the preparation, every approver signs in their own browser, the Tech Lead says GO.
  const beforeStart = new Set(["Release notes", "CI checks", "Staging has run", "migrations rehearsed", "Rollback artefact", "On-call engineer", "Error rate and latency", "No other change", "Sign-offs below"]);
  await tick(leadApi, plan, (item) => item.required && [...beforeStart].some((text) => item.text.includes(text)));
  await role(qa, "Pre-deployment sign-off", "QA Lead").getByRole("button", { name: "Approve as QA Lead" }).click();
  await expect(role(lead, "Pre-deployment sign-off", "QA Lead")).toHaveAttribute("data-role-state", "signed");
  await expect(header(qa).getByTestId("needs-you")).toHaveCount(0);

  const tech = await openPlan(await asUser(TECH_LEAD.email), plan);
  await role(tech, "Pre-deployment sign-off", "Tech Lead").getByRole("button", { name: "Approve as Tech Lead" }).click();
  await expect(role(lead, "Pre-deployment sign-off", "Tech Lead")).toHaveAttribute("data-role-state", "signed");
  await gate(tech, "Go/No-Go decision").getByLabel("Rationale").fill("Staging soak clean, error budget healthy");
  await gate(tech, "Go/No-Go decision").getByRole("button", { name: "GO", exact: true }).click();
  await expect(gate(lead, "Go/No-Go decision")).toHaveAttribute("data-gate-state", "satisfied");

  const devops = await openPlan(await asUser(DEVOPS_LEAD.email), plan);
  await role(devops, "Pre-deployment sign-off", "DevOps Lead").getByRole("button", { name: "Approve as DevOps Lead" }).click();
  await expect(gate(lead, "Pre-deployment sign-off")).toHaveAttribute("data-gate-state", "satisfied");

  // The demo window opens tomorrow: Start asks first.
  await lead.getByRole("button", { name: "Start deployment" }).click();
  await lead.getByRole("dialog", { name: "Start before the window?" }).getByRole("button", { name: "Start now" }).click();
  await expect(lead.getByTestId("plan-status")).toHaveText("In progress");
  // Once started, the QA Lead's open page points to the signature that holds back Complete.
  await expect(header(qa).getByTestId("needs-you")).toContainText("Waiting for your signature as QA Lead on “Post-deployment sign-off”");

  // The run: every other required step, the measured ones with a value inside the target.
  await tick(leadApi, plan, (item) => item.required && !item.isRollback && ![...beforeStart].some((text) => item.text.includes(text)));
  await role(qa, "Post-deployment sign-off", "QA Lead").getByRole("button", { name: "Approve as QA Lead" }).click();
  const pm = await openPlan(await asUser(PRODUCT_MANAGER.email), plan);
  await expect(header(pm).getByTestId("needs-you")).toContainText("Waiting for your signature as Product Manager on “Post-deployment sign-off”");
  await role(pm, "Post-deployment sign-off", "Product Manager").getByRole("button", { name: "Approve as Product Manager" }).click();
  await expect(gate(lead, "Post-deployment sign-off")).toHaveAttribute("data-gate-state", "satisfied");

  await lead.getByRole("button", { name: "Complete" }).click();
  await lead.getByRole("dialog", { name: "Complete the plan?" }).getByRole("button", { name: "Complete the plan" }).click();
  await expect(lead.getByTestId("plan-status")).toHaveText("Complete");
  await expect(lead.getByTestId("lifecycle-refusal")).toHaveCount(0);
  await expect(lead.getByTestId("gate-override")).toHaveCount(0);
  const markdown = await (await leadApi.request.get(`/api/plans/${plan.id}/export`)).text();
  expect(markdown).not.toContain("Gate override");
});
