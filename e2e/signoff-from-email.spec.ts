import type { Page } from "@playwright/test";
import { signoffLinkUrl, SIGNOFF_LINK_VALID_MS } from "../lib/notifications/signoff-link";
import { SIGNOFF_PLAN_MARKDOWN } from "../lib/testing/signoff-test-plan";
import { expectNoSeriousViolations } from "./support/accessibility";
import { DEMO_PASSWORD, LEAD, QA_LEAD, VIEWER } from "./support/accounts";
import { expect, test, type NewPlan } from "./support/fixtures";
import { accountId } from "./support/test-plans";

const GATE = "Pre-deployment sign-off";
const role = (page: Page, title: string) => page.locator(`[data-testid="gate"][data-gate-title="${GATE}"] [data-testid="gate-role"][data-role-title="${title}"]`);
const WITH_APPROVER: NewPlan = { markdown: SIGNOFF_PLAN_MARKDOWN, members: [{ email: QA_LEAD.email, role: "APPROVER", titles: ["QA Lead"] }] };

/** The link a sign-off request email carries, as a path on the test server. */
async function signoffLinkPath(planId: string, gateId: string, email: string, sentAt?: Date): Promise<string> {
  const url = new URL(signoffLinkUrl(planId, gateId, await accountId(email), sentAt));
  return `${url.pathname}${url.search}`;
}

test("a sign-off link brings a signed-out approver through sign-in to the gate, where they sign", async ({ browser, asUser, createPlan }) => {
  test.slow();
  const plan = await createPlan(WITH_APPROVER);
  const gateId = await plan.gateId(GATE);
  const gatePath = `/plans/${plan.id}/gates/${gateId}`;

  const context = await browser.newContext();
  try {
    const approver = await context.newPage();
    await approver.goto(await signoffLinkPath(plan.id, gateId, QA_LEAD.email));
    await expect(approver).toHaveURL(/\/sign-in\?callbackUrl=/);
    await approver.getByLabel("Email").fill(QA_LEAD.email);
    await approver.getByLabel("Password").fill(DEMO_PASSWORD);
    await approver.getByRole("button", { name: "Sign in" }).click();

    await expect(approver).toHaveURL(new RegExp(`${gatePath}$`));
    await expect(approver.getByRole("heading", { level: 1, name: new RegExp(GATE, "i") })).toBeVisible();
    await expect(approver.getByTestId("gate-holds-back")).toContainText("starting the deployment");
    await expect(approver.getByRole("link", { name: `← ${plan.title}` })).toHaveAttribute("href", plan.path);
    // Following the link changed nothing: the gate still waits for the signature.
    await expect(role(approver, "QA Lead")).toHaveAttribute("data-role-state", "pending");
    await expect(approver.getByRole("status", { name: "Connection: Live" })).toBeVisible();
    await expectNoSeriousViolations(approver);

    const lead = await asUser(LEAD.email);
    await lead.goto(plan.path);
    await expect(lead.getByRole("status", { name: "Connection: Live" })).toBeVisible();

    await role(approver, "QA Lead").getByRole("button", { name: "Approve as QA Lead" }).click();
    await expect(role(approver, "QA Lead")).toHaveAttribute("data-role-state", "signed");
    await expect(role(approver, "QA Lead")).toContainText(`Approved by ${QA_LEAD.name}`);
    await expect(approver.getByTestId("own-signature")).toHaveText("You approved as QA Lead.");
    // The signature went through the one writer: the plan page shows it live.
    await expect(role(lead, "QA Lead")).toHaveAttribute("data-role-state", "signed");
  } finally {
    await context.close();
  }
});

test("a link grants nothing: others see the gate with their own rights, strangers get a 404; expired and forged links say so", async ({ asUser, createPlan }) => {
  test.slow();
  const plan = await createPlan(WITH_APPROVER);
  const gateId = await plan.gateId(GATE);
  const gatePath = `/plans/${plan.id}/gates/${gateId}`;
  const link = await signoffLinkPath(plan.id, gateId, QA_LEAD.email);

  // A valid link is a plain redirect to the gate's page.
  const approver = await asUser(QA_LEAD.email);
  const followed = await approver.request.get(link, { maxRedirects: 0 });
  expect(followed.status()).toBe(307);
  expect(new URL(followed.headers().location!, "http://localhost").pathname).toBe(gatePath);

  // The lead, following the approver's link, sees the gate without sign buttons: they hold no title on it.
  const lead = await asUser(LEAD.email);
  await lead.goto(link);
  await expect(lead).toHaveURL(new RegExp(`${gatePath}$`));
  await expect(role(lead, "QA Lead")).toHaveAttribute("data-role-state", "pending");
  await expect(lead.getByRole("button", { name: /Approve as/ })).toHaveCount(0);

  // Someone not on the plan: the link leads to a page that does not exist for them, like the gate page itself.
  const stranger = await asUser(VIEWER.email);
  expect((await stranger.goto(link))?.status()).toBe(404);
  expect((await stranger.goto(gatePath))?.status()).toBe(404);
  await expect(stranger.getByText("Pre-deployment", { exact: false })).toHaveCount(0);

  const sentLongAgo = new Date(Date.now() - SIGNOFF_LINK_VALID_MS - 60_000);
  await approver.goto(await signoffLinkPath(plan.id, gateId, QA_LEAD.email, sentLongAgo));
  await expect(approver.getByRole("heading", { level: 1, name: "This sign-off link has expired" })).toBeVisible();
  await expect(approver.getByRole("link", { name: "Open the plan" })).toHaveAttribute("href", plan.path);

  const [body, signature] = link.split("token=")[1]!.split(".");
  const forged = `${decodeURIComponent(body!).slice(0, -2)}AA.${signature}`;
  expect((await approver.goto(`/go/signoff?token=${encodeURIComponent(forged)}`))?.status()).toBe(404);
  expect((await approver.goto("/go/signoff"))?.status()).toBe(404);
});
