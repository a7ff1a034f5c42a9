import { DEMO_PASSWORD, LEAD, QA_LEAD } from "./support/accounts";
import { expect, test } from "./support/fixtures";
import { uniqueSuffix } from "./support/test-plans";

/** One pre-deployment sign-off needing a QA Lead, so the readiness check passes when the approver holds that title. */
const ONE_GATE_PLAN = (title: string) => `# ${title}

## Pre-deployment
- [ ] Backup taken

## Deployment
- [ ] Roll out

## Sign-Off
### Pre-Deployment Sign-Off
- [ ] QA Lead: ____ Date: ____
`;

test("the lead marks a plan scheduled: the approver's bell shows the sign-off request live, and its email leads through sign-in to the gate, where they sign", async ({ browser, asUser, createPlan }) => {
  test.slow();
  // A title of its own, so the bell entry and the email are this test's, whatever else the run does.
  const title = `Sign-off request plan ${uniqueSuffix()}`;
  const plan = await createPlan({
    markdown: ONE_GATE_PLAN(title),
    members: [{ email: QA_LEAD.email, role: "APPROVER", titles: ["QA Lead"] }],
  });
  const gateId = await plan.gateId("Pre-deployment sign-off");

  // The approver has some other page open, with the bell's panel showing.
  const approver = await asUser(QA_LEAD.email);
  await approver.goto("/plans");
  const bell = approver.getByTestId("notification-bell");
  await expect(bell).toHaveAttribute("data-live", "true");
  await bell.getByRole("button", { name: /^Notifications/ }).click();
  const panel = approver.getByRole("region", { name: "Notifications" });
  await expect(panel.getByText("Loading…")).toHaveCount(0);
  const request = panel.getByRole("link", { name: new RegExp(`Sign-off needed: QA Lead for “${title}”`) });
  await expect(request).toHaveCount(0);

  const lead = await asUser(LEAD.email);
  await lead.goto(plan.path);
  await expect(lead.getByRole("status", { name: "Connection: Live" })).toBeVisible();
  await lead.getByRole("button", { name: "Mark scheduled" }).click();
  await expect(lead.getByTestId("plan-status")).toHaveText("Scheduled");

  // Live: no reload of the approver's page.
  await expect(request).toBeVisible();
  await expect(bell.getByRole("button", { name: /^Notifications, \d+ unread$/ })).toBeVisible();

  // The email, as /dev/mail keeps it without an SMTP server: the approver sees their own mail there.
  const mailbox = await asUser(QA_LEAD.email);
  const mail = mailbox.getByRole("article", { name: new RegExp(`${title}`) });
  await expect(async () => {
    await mailbox.goto("/dev/mail");
    await expect(mail).toBeVisible({ timeout: 1_000 });
  }).toPass();
  await expect(mail).toContainText(`To: ${QA_LEAD.email}`);
  const link = await mail.getByRole("link", { name: /\/go\/signoff\?token=/ }).first().getAttribute("href");
  expect(link).toBeTruthy();

  // Followed from a browser without a session: sign-in first, then straight to the gate.
  const context = await browser.newContext();
  try {
    const reader = await context.newPage();
    await reader.goto(link!);
    await expect(reader).toHaveURL(/\/sign-in\?callbackUrl=/);
    await reader.getByLabel("Email").fill(QA_LEAD.email);
    await reader.getByLabel("Password").fill(DEMO_PASSWORD);
    await reader.getByRole("button", { name: "Sign in" }).click();
    await expect(reader).toHaveURL(new RegExp(`/plans/${plan.id}/gates/${gateId}$`));
    await expect(reader.getByRole("status", { name: "Connection: Live" })).toBeVisible();
    const role = reader.locator('[data-testid="gate-role"][data-role-title="QA Lead"]');
    await expect(role).toHaveAttribute("data-role-state", "pending");
    await role.getByRole("button", { name: "Approve as QA Lead" }).click();
    await expect(role).toHaveAttribute("data-role-state", "signed");
    await expect(role).toContainText(`Approved by ${QA_LEAD.name}`);
  } finally {
    await context.close();
  }
});
