import { expect, test } from "./support/fixtures";
import { signInThroughApi } from "./support/api-sign-in";
import { startSecondInstance } from "./support/notifications";
import { createTestAccount, uniqueSuffix } from "./support/test-plans";

/** The secret of the e2e server (playwright.config.ts), so this process signs links the server accepts. */
process.env.AUTH_SECRET ??= "e2e-secret-that-is-only-used-by-the-test-run-0123456789";

async function userIdOf(email: string): Promise<string> {
  const { db } = await import("@/lib/db");
  return (await db().user.findUniqueOrThrow({ where: { email }, select: { id: true } })).id;
}

test("a notification reaches the open page's bell live, leads to its place, and is marked read when opened", async ({ browser, createPlan }) => {
  // Someone of this test's own, so no other spec's notifications change their count.
  const suffix = uniqueSuffix();
  const person = { name: `Bella Bell ${suffix}`, email: `bella-${suffix}@example.com`, password: "bella-password" };
  await createTestAccount(person);
  const plan = await createPlan({
    template: { templateId: "builtin-production-release", feature: `Bell ${suffix}`, version: "1.0.0", environment: "production" },
    members: [{ email: person.email, role: "VIEWER" }],
  });
  const context = await browser.newContext();
  expect(await signInThroughApi(context.request, person.email, person.password)).toEqual({ signedIn: true });
  const page = await context.newPage();
  await page.goto("/plans");
  await expect(page.getByTestId("notification-bell")).toHaveAttribute("data-live", "true");
  await expect(page.getByRole("button", { name: "Notifications, none unread" })).toBeVisible();

  const title = `You were mentioned on Bell ${suffix}`;
  const instance = await startSecondInstance();
  try {
    await instance.record({ userId: await userIdOf(person.email), planId: plan.id, kind: "MENTIONED", title, href: plan.path, dedupeKey: `e2e-bell:${suffix}` });
    // Live, without a reload.
    await expect(page.getByRole("button", { name: "Notifications, 1 unread" })).toBeVisible();
  } finally {
    await instance.close();
  }
  const bell = page.getByRole("button", { name: "Notifications, 1 unread" });
  await bell.click();
  const panel = page.getByRole("region", { name: "Notifications" });
  await panel.getByRole("link", { name: `Unread: ${title}` }).click();
  await expect(page).toHaveURL(new RegExp(`${plan.path}$`));
  await expect(page.getByRole("button", { name: "Notifications, none unread" })).toBeVisible();

  // Read on the server too: the full list shows it as read after a fresh load.
  await page.goto("/notifications");
  await expect(page.getByRole("link", { name: new RegExp(title) })).toBeVisible();
  await expect(page.getByRole("link", { name: new RegExp(`Unread: ${title}`) })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Notifications, none unread" })).toBeVisible();
  await context.close();
});

test("the settings page saves a choice, and an email's unsubscribe link switches its kind to in-app only after a confirm", async ({ browser }) => {
  const suffix = uniqueSuffix();
  const person = { name: `Sam Settings ${suffix}`, email: `sam-${suffix}@example.com`, password: "sam-password" };
  await createTestAccount(person);
  const context = await browser.newContext();
  expect(await signInThroughApi(context.request, person.email, person.password)).toEqual({ signedIn: true });
  const page = await context.newPage();

  await page.goto("/plans");
  await page.locator("summary").filter({ hasText: "Account menu" }).click();
  await page.getByRole("link", { name: "Notification settings" }).click();
  await expect(page.getByRole("heading", { name: "Notification settings" })).toBeVisible();
  const mentions = page.getByRole("group", { name: "Mentions" });
  await expect(mentions.getByLabel("In app only")).toBeChecked();
  await mentions.getByLabel("Email and in app").check();
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status")).toHaveText("Saved.");
  await page.reload();
  await expect(page.getByRole("group", { name: "Mentions" }).getByLabel("Email and in app")).toBeChecked();

  // The unsubscribe link: a GET only asks; the button (a POST) switches sign-off request emails off.
  const { unsubscribeUrlFor } = await import("@/lib/notifications/unsubscribe-link");
  const link = new URL(unsubscribeUrlFor(await userIdOf(person.email), "SIGNOFF_REQUESTED"));
  const signedOut = await browser.newContext();
  const visitor = await signedOut.newPage();
  await visitor.goto(`${link.pathname}${link.search}`);
  await expect(visitor.getByRole("heading", { name: "Stop these emails?" })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("group", { name: "Sign-off requests" }).getByLabel("Email and in app")).toBeChecked();
  await visitor.getByRole("button", { name: "Stop these emails" }).click();
  await expect(visitor.getByRole("heading", { name: "Emails stopped" })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("group", { name: "Sign-off requests" }).getByLabel("In app only")).toBeChecked();

  await visitor.goto("/notifications/unsubscribe?token=forged.token");
  await expect(visitor.getByRole("heading", { name: "This link does not work" })).toBeVisible();
  await signedOut.close();
  await context.close();
});
