import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { ADMIN, VIEWER } from "./support/accounts";
import { signIn } from "./support/sign-in";

const NOT_ACTIVE = "That email and password do not match an active account.";

async function attemptSignIn(page: Page, email: string, password: string) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

test("an admin creates a user who can sign in, then deactivates them and they cannot", async ({ page, browser }) => {
  const person = { name: "Erin Example", email: `erin-${Date.now()}@example.com`, password: "erin-password" };

  await signIn(page, ADMIN.email);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Users" }).click();
  await expect(page).toHaveURL(/\/admin\/users$/);
  await expect(page.getByRole("heading", { level: 1, name: "Users" })).toBeVisible();
  await expect(page.getByRole("rowheader", { name: /Avery Admin/ })).toBeVisible();

  // A too-short password is refused beside the field, keeping what was typed.
  await page.getByLabel("Name", { exact: true }).fill(person.name);
  await page.getByLabel("Email", { exact: true }).fill(person.email);
  await page.getByLabel("Password (at least 8 characters)").fill("short");
  await page.getByRole("button", { name: "Create user" }).click();
  await expect(page.getByText("Use at least 8 characters for the password.")).toBeVisible();
  await expect(page.getByLabel("Email", { exact: true })).toHaveValue(person.email);

  await page.getByLabel("Password (at least 8 characters)").fill(person.password);
  await page.getByRole("button", { name: "Create user" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Created ${person.name}` })).toBeVisible();
  const row = page.getByRole("row").filter({ hasText: person.email });
  await expect(row).toContainText("Member");
  await expect(row).toContainText("Active");

  // The new user signs in in a fresh browser context.
  const theirs = await browser.newContext();
  const theirPage = await theirs.newPage();
  await signIn(theirPage, person.email, person.password);
  await expect(theirPage.getByRole("heading", { level: 1, name: "Plans" })).toBeVisible();
  // A member sees no link to user management.
  await expect(theirPage.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Users" })).toHaveCount(0);

  // The admin deactivates them.
  await row.getByRole("button", { name: `Deactivate ${person.name}` }).click();
  await expect(row).toContainText("Deactivated");
  await expect(row.getByRole("button", { name: `Reactivate ${person.name}` })).toBeVisible();

  // Their open session stops working at once, and signing in again fails with an error.
  await theirPage.goto("/plans");
  await expect(theirPage).toHaveURL(/\/sign-in/);
  const fresh = await browser.newContext();
  const freshPage = await fresh.newPage();
  await attemptSignIn(freshPage, person.email, person.password);
  await expect(freshPage.getByRole("alert").filter({ hasText: /./ })).toHaveText(NOT_ACTIVE);
  await expect(freshPage).toHaveURL(/\/sign-in/);
  await theirs.close();
  await fresh.close();

  // The admin page has no serious accessibility violations.
  await page.waitForLoadState("networkidle");
  const scan = await new AxeBuilder({ page }).analyze();
  expect(scan.violations.filter((v) => v.impact === "serious" || v.impact === "critical")).toEqual([]);
});

test("deactivating someone closes their open live connection at once; reactivating lets it back", async ({ page, browser }) => {
  const viewer = await (await browser.newContext()).newPage();
  await signIn(viewer, VIEWER.email);
  await viewer.getByRole("link", { name: "Production release: Payments API 2.4.0" }).click();
  await expect(viewer.getByRole("status", { name: "Connection: Live" })).toBeVisible();

  await signIn(page, ADMIN.email);
  await page.goto("/admin/users");
  const row = page.getByRole("row").filter({ hasText: VIEWER.email });
  await row.getByRole("button", { name: `Deactivate ${VIEWER.name}` }).click();
  await expect(row).toContainText("Deactivated");
  await expect(viewer.getByRole("status", { name: "Connection: Offline" })).toBeVisible();

  // Later specs use this account: give it back; a fresh page connects again.
  await row.getByRole("button", { name: `Reactivate ${VIEWER.name}` }).click();
  await expect(row).toContainText("Active");
  await viewer.reload();
  await expect(viewer.getByRole("status", { name: "Connection: Live" })).toBeVisible();
  await viewer.context().close();
});

test("an admin cannot deactivate themselves: their own row offers no such button", async ({ page }) => {
  await signIn(page, ADMIN.email);
  await page.goto("/admin/users");
  const ownRow = page.getByRole("row").filter({ hasText: ADMIN.email });
  await expect(ownRow).toContainText("(you)");
  await expect(ownRow.getByRole("button", { name: /Deactivate/ })).toHaveCount(0);
});

test("a non-admin cannot open the users page and sees no link to it", async ({ page }) => {
  await signIn(page, VIEWER.email);
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Users" })).toHaveCount(0);
  const response = await page.goto("/admin/users");
  expect(response?.status()).toBe(404);
  await expect(page.getByText("This page could not be found.")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: "Users" })).toHaveCount(0);
});
