import { SIGNOFF_PLAN_MARKDOWN } from "../lib/testing/signoff-test-plan";
import { expectNoSeriousViolations } from "./support/accessibility";
import { LEAD, QA_LEAD, TECH_LEAD } from "./support/accounts";
import { expect, test, type ApiClient, type NewPlan, type TestPlan } from "./support/fixtures";
import type { Page } from "@playwright/test";

const gate = (page: Page, title: string) => page.locator(`[data-testid="gate"][data-gate-title="${title}"]`);
const role = (page: Page, gateTitle: string, roleTitle: string) => gate(page, gateTitle).locator(`[data-testid="gate-role"][data-role-title="${roleTitle}"]`);
const item = (page: Page, text: string) => page.locator("li[data-item-id]").filter({ has: page.locator('[data-role="item-text"]', { hasText: text }) });

/** The sign-off test plan with its two approvers, each holding the title they sign for. */
const WITH_APPROVERS: NewPlan = {
  markdown: SIGNOFF_PLAN_MARKDOWN,
  members: [
    { email: QA_LEAD.email, role: "APPROVER", titles: ["QA Lead"] },
    { email: TECH_LEAD.email, role: "APPROVER", titles: ["Tech Lead"] },
  ],
};

/** Both approvers approve the pre-deployment sign-off, over the changes API. */
async function approveBoth(plan: TestPlan, apiAs: (email: string) => Promise<ApiClient>) {
  const gateId = await plan.gateId("Pre-deployment sign-off");
  await (await apiAs(QA_LEAD.email)).change(plan, { type: "gate.sign", gateId, title: "QA Lead", decision: "APPROVE" });
  await (await apiAs(TECH_LEAD.email)).change(plan, { type: "gate.sign", gateId, title: "Tech Lead", decision: "APPROVE" });
}

test("the lead gives approvers their titles; an approver signs and the lead's page turns the gate green live", async ({ asUser, createPlan }) => {
  test.slow();
  const plan = await createPlan({ markdown: SIGNOFF_PLAN_MARKDOWN });
  const planUrl = plan.path;
  const lead = await asUser(LEAD.email);
  await lead.goto(planUrl);
  await expect(lead.getByRole("heading", { level: 1, name: "Sign-off test plan" })).toBeVisible();

  // People and sharing: two approvers, each with the title they sign for.
  await lead.getByRole("link", { name: "People and sharing" }).click();
  for (const [person, title] of [
    [QA_LEAD, "QA Lead"],
    [TECH_LEAD, "Tech Lead"],
  ] as const) {
    await lead.getByLabel("Add a person by email").fill(person.email);
    await lead.locator("#new-member-role").selectOption("APPROVER");
    await lead.locator("#new-member-titles").fill(title);
    await lead.getByRole("button", { name: "Add", exact: true }).click();
    await expect(lead.locator(`[data-testid="member"][data-member-email="${person.email}"]`)).toBeVisible();
  }
  await expectNoSeriousViolations(lead);

  await lead.goto(planUrl);
  await expect(lead.getByRole("status", { name: "Connection: Live" })).toBeVisible();
  await expect(gate(lead, "Pre-deployment sign-off")).toHaveAttribute("data-gate-state", "pending");
  // Separation of duties: the lead holds no title here and sees no sign buttons.
  await expect(gate(lead, "Pre-deployment sign-off").getByRole("button", { name: /Approve as/ })).toHaveCount(0);

  const qa = await asUser(QA_LEAD.email);
  await qa.goto(planUrl);
  await expect(qa.getByRole("status", { name: "Connection: Live" })).toBeVisible();
  // Only the title they hold is theirs to sign.
  await expect(role(qa, "Pre-deployment sign-off", "Tech Lead").getByRole("button", { name: /Approve/ })).toHaveCount(0);
  await role(qa, "Pre-deployment sign-off", "QA Lead").getByRole("button", { name: "Approve as QA Lead" }).click();

  await expect(role(lead, "Pre-deployment sign-off", "QA Lead")).toHaveAttribute("data-role-state", "signed");
  await expect(role(lead, "Pre-deployment sign-off", "QA Lead")).toContainText(`Approved by ${QA_LEAD.name}`);
  await expect(gate(lead, "Pre-deployment sign-off")).toHaveAttribute("data-gate-state", "pending");

  const tech = await asUser(TECH_LEAD.email);
  await tech.goto(planUrl);
  // Changes are sent only over a live connection (while connecting, they are refused with a message).
  await expect(tech.getByRole("status", { name: "Connection: Live" })).toBeVisible();
  await role(tech, "Pre-deployment sign-off", "Tech Lead").getByRole("button", { name: "Approve as Tech Lead" }).click();

  await expect(gate(lead, "Pre-deployment sign-off")).toHaveAttribute("data-gate-state", "satisfied");
  await expect(gate(lead, "Pre-deployment sign-off")).toContainText("Satisfied");
  await expect(lead.getByRole("list", { name: "Activity" })).toContainText(`${TECH_LEAD.name} approved as Tech Lead`);
  await expectNoSeriousViolations(lead, [qa, tech]);

  // The printable report carries the signatures.
  await lead.goto(`${planUrl}/report`);
  await expect(lead.getByRole("region", { name: "Sign-offs" })).toContainText("Pre-deployment sign-off — satisfied");
  await expect(lead.getByRole("region", { name: "Sign-offs" })).toContainText(`Approved by ${QA_LEAD.name}`);
});

test("a share-link visitor without an account sees progress update live, until the link is revoked", async ({ asUser, apiAs, browser, createPlan }) => {
  test.slow();
  const plan = await createPlan(WITH_APPROVERS);
  await approveBoth(plan, apiAs);
  const planUrl = plan.path;

  const lead = await asUser(LEAD.email);
  await lead.goto(`${planUrl}/members`);
  await lead.getByRole("button", { name: "Create a read-only link" }).click();
  const shareUrl = await lead.getByTestId("share-url").inputValue();
  expect(shareUrl).toMatch(/\/share\/[A-Za-z0-9_-]{40,}$/);

  const visitorContext = await browser.newContext();
  const visitor = await visitorContext.newPage();
  await visitor.goto(shareUrl);
  await expect(visitor.getByRole("heading", { level: 1, name: "Sign-off test plan" })).toBeVisible();
  await expect(visitor.getByTestId("screen-progress")).toHaveText("0%");
  await expect(visitor.getByText("● live")).toBeVisible();
  // Nothing to act on the plan with; the one button is the status-update subscription (issue 14).
  await expect(visitor.getByRole("button")).toHaveCount(1);
  await expect(visitor.getByRole("button")).toHaveText(/subscribe/i);
  await expectNoSeriousViolations(visitor);

  await lead.goto(planUrl);
  await expect(lead.getByRole("status", { name: "Connection: Live" })).toBeVisible();
  await item(lead, "Backup taken").getByRole("checkbox", { name: /^Done:/ }).click();
  await expect(visitor.getByTestId("screen-progress")).toHaveText("33%");
  await expect(visitor.locator('[data-testid="shared-item"]', { hasText: "Backup taken" })).toHaveAttribute("data-status", "DONE");
  // Share links do not say who did what unless the lead turns on "Share links show discussion".
  await expect(visitor.getByTestId("screen-activity")).toContainText("Someone marked “Backup taken” done");
  await expect(visitor.getByTestId("screen-activity")).not.toContainText("Lee Deploy");
  // The approvals above covered no done items; this tick leaves them standing.
  await expect(visitor.getByTestId("screen-gates")).toContainText("Pre-deployment sign-off: signed");

  // Revoked: the visitor is cut off at once, and the link no longer opens the plan.
  await lead.goto(`${planUrl}/members`);
  await lead.getByTestId("share-link").getByRole("button", { name: "Revoke" }).click();
  await expect(lead.getByText("Share link revoked")).toBeVisible();
  await expect(visitor.getByText("● offline")).toBeVisible();
  const answer = await visitor.goto(shareUrl);
  expect(answer?.status()).toBe(404);
  await expect(visitor.getByRole("heading", { name: "This link does not work any more" })).toBeVisible();
  await visitorContext.close();
});

test("the lead asks for a second Tech Lead signature and a required item; the gate waits again", async ({ asUser, apiAs, createPlan }) => {
  // Where the tests above leave a plan: both approvals given, "Backup taken" done.
  const plan = await createPlan(WITH_APPROVERS);
  await approveBoth(plan, apiAs);
  await (await apiAs(LEAD.email)).change(plan, { type: "item.status", itemId: await plan.itemId("Backup taken"), status: "DONE", expectedVersion: 0 });
  const planUrl = plan.path;

  const lead = await asUser(LEAD.email);
  await lead.goto(planUrl);
  await expect(lead.getByRole("status", { name: "Connection: Live" })).toBeVisible();
  const planPage = lead;
  const settingsPage = await lead.context().newPage();
  await settingsPage.goto(`${planUrl}/members`);
  const settings = settingsPage.locator('[data-testid="gate-settings"][data-gate-title="Pre-deployment sign-off"]');
  await settings.getByLabel("Tech Lead: signatures needed").fill("2");
  await settings.getByLabel("Items that must be settled before anyone signs").selectOption({ label: "Roll out" });
  await settings.getByRole("button", { name: "Save gate" }).click();
  await expect(settings.getByText("Gate saved.")).toBeVisible();

  // The open plan page hears of it live.
  await expect(role(planPage, "Pre-deployment sign-off", "Tech Lead")).toContainText("(1/2)");
  await expect(gate(planPage, "Pre-deployment sign-off")).toContainText("Waiting for 1 required item(s) first.");
  await expect(gate(planPage, "Pre-deployment sign-off")).toHaveAttribute("data-gate-state", "pending");
});
