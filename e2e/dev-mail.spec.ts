import { ADMIN, TECH_LEAD } from "./support/accounts";
import { expect, test } from "./support/fixtures";
import { queueTestMail } from "./support/test-mail";
import { uniqueSuffix } from "./support/test-plans";

test("without SMTP_URL the mail is kept on /dev/mail: an administrator sees all of it and follows a link; anyone else sees only their own", async ({ asUser, baseURL }) => {
  const suffix = uniqueSuffix();
  const forTech = `Sign-off needed ${suffix}`;
  const forOutsider = `Status update ${suffix}`;
  await queueTestMail({ to: TECH_LEAD.email, subject: forTech, heading: `Your sign-off is needed ${suffix}`, action: { label: "Open the templates", url: `${baseURL}/templates` } });
  await queueTestMail({ to: `stakeholder-${suffix}@elsewhere.example`, subject: forOutsider, heading: "How the deployment is going", action: { label: "Open the plans", url: `${baseURL}/plans` } });

  const admin = await asUser(ADMIN.email);
  await admin.goto("/plans");
  await admin.locator("summary").filter({ hasText: "Account menu" }).click();
  await admin.getByRole("link", { name: "Mail (not sent)" }).click();
  await expect(admin.getByRole("heading", { level: 1, name: "Mail" })).toBeVisible();
  const techMail = admin.getByRole("article", { name: forTech });
  await expect(techMail).toContainText(`To: ${TECH_LEAD.email}`);
  await expect(admin.getByRole("article", { name: forOutsider })).toContainText(`To: stakeholder-${suffix}@elsewhere.example`);
  await expect(techMail).toContainText("Kept");

  // The HTML part is shown in a frame that may run nothing.
  await techMail.getByText("HTML", { exact: true }).click();
  const frame = techMail.locator("iframe");
  await expect(frame).toHaveAttribute("sandbox", "");
  await expect(techMail.frameLocator("iframe").getByRole("heading", { name: `Your sign-off is needed ${suffix}` })).toBeVisible();
  // No axe scan here: @axe-core/playwright injects itself into every frame and waits forever on one that may run no script (sandbox="").

  // The plain text's links are links.
  await techMail.getByRole("link", { name: `${baseURL}/templates` }).click();
  await expect(admin).toHaveURL(/\/templates$/);

  const tech = await asUser(TECH_LEAD.email);
  await tech.goto("/dev/mail");
  await expect(tech.getByRole("article", { name: forTech })).toBeVisible();
  await expect(tech.getByRole("article", { name: forOutsider })).toHaveCount(0);
  await expect(tech.getByText("You see the messages sent to you.")).toBeVisible();
  // Only administrators get the menu link.
  await tech.locator("summary").filter({ hasText: "Account menu" }).click();
  await expect(tech.getByRole("link", { name: "API tokens" })).toBeVisible();
  await expect(tech.getByRole("link", { name: "Mail (not sent)" })).toHaveCount(0);
});
