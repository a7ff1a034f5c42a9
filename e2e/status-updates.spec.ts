import { LEAD } from "./support/accounts";
import { expect, test } from "./support/fixtures";
import { uniqueSuffix } from "./support/test-plans";

async function database() {
  const { db } = await import("@/lib/db");
  return db();
}

/** The newest mail queued to an address (the /dev/mail page is not on this branch yet, so the spec reads the outbox). */
async function lastMailTo(to: string) {
  return (await database()).mailMessage.findFirst({ where: { to }, orderBy: { createdAt: "desc" }, select: { subject: true, text: true } });
}

/**
 * The must-show: a stakeholder subscribes from a share link (no account), confirms from
 * the mail, and the lead's next update reaches their share page live and their mail.
 */
test("a stakeholder subscribes from a share link, confirms, and gets the next status update", async ({ apiAs, asUser, browser, createPlan }) => {
  const suffix = uniqueSuffix();
  const title = `Stakeholder updates ${suffix}`;
  const stakeholder = `stake-${suffix}@example.com`;
  const plan = await createPlan({ markdown: `# ${title}\n\n## Deploy\n- [ ] Roll out\n` });
  const lead = await apiAs(LEAD.email);
  const created = await lead.request.post(`/api/plans/${plan.id}/changes`, { data: { type: "share.create" } });
  expect(created.status()).toBe(201);
  const { shareToken } = (await created.json()) as { shareToken: string };

  // The stakeholder, without an account, asks for updates on the share page.
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(`/share/${shareToken}`);
  await expect(visitor.getByText("● live")).toBeVisible();
  await visitor.getByLabel("Email address").fill(stakeholder);
  await visitor.getByRole("button", { name: "Subscribe" }).click();
  await expect(visitor.getByRole("status").filter({ hasText: "confirmation mail" })).toBeVisible();

  // The confirmation mail's link: a GET shows a button, the button confirms.
  await expect.poll(async () => (await lastMailTo(stakeholder))?.subject).toBe(`${title}: confirm status updates`);
  const confirmUrl = new URL(/https?:\/\/\S+\/subscriptions\/confirm\?token=[A-Za-z0-9_-]+/.exec((await lastMailTo(stakeholder))!.text)![0]);
  const confirmPage = await (await browser.newContext()).newPage();
  await confirmPage.goto(`${confirmUrl.pathname}${confirmUrl.search}`);
  await expect(confirmPage.getByText(`Send the status updates of “${title}” to ${stakeholder}?`)).toBeVisible();
  await confirmPage.getByRole("button", { name: "Confirm" }).click();
  await expect(confirmPage.getByRole("status")).toHaveText("Confirmed. You will get this plan's status updates by email.");

  // The lead sees the subscriber and posts an update from the plan page.
  const leadPage = await asUser(LEAD.email);
  await leadPage.goto(plan.path);
  const panel = leadPage.getByTestId("status-update-panel");
  await expect(panel.getByTestId("subscriber-count")).toHaveText("1 subscriber gets updates by email.");
  const update = `Halfway there, no errors so far (${suffix}).`;
  await panel.getByLabel("Update", { exact: true }).fill(update);
  await panel.getByRole("button", { name: "Post update" }).click();
  await expect(panel.getByRole("status")).toHaveText("Update posted.");
  await expect(leadPage.getByText(`posted a status update: ${update}`).first()).toBeVisible();

  // It reaches the share page live (no reload) and the stakeholder's mail.
  await expect(visitor.getByTestId("status-updates")).toContainText(update);
  await expect.poll(async () => (await lastMailTo(stakeholder))?.subject).toBe(`${title}: status update`);
  expect((await lastMailTo(stakeholder))!.text).toContain(update);
});
