import { expectNoSeriousViolations } from "./support/accessibility";
import { ADMIN, VIEWER } from "./support/accounts";
import { signInThroughApi } from "./support/api-sign-in";
import { expect, test } from "./support/fixtures";
import { createTestAccount, uniqueSuffix } from "./support/test-plans";

// The users list is shared by every test: each works on accounts of its own and finds rows by email.

test("an admin creates a user who can sign in, then deactivates them and they cannot", async ({ asUser, browser }) => {
  const suffix = uniqueSuffix();
  const person = { name: `Erin Example ${suffix}`, email: `erin-${suffix}@example.com`, password: "erin-password" };

  const page = await asUser(ADMIN.email);
  await page.goto("/plans");
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

  // The new user signs in in a fresh browser context (through Auth.js's endpoints; the form
  // itself is e2e/auth.spec.ts's subject).
  const theirs = await browser.newContext();
  const theirPage = await theirs.newPage();
  expect(await signInThroughApi(theirs.request, person.email, person.password)).toEqual({ signedIn: true });
  await theirPage.goto("/plans");
  await expect(theirPage.getByRole("heading", { level: 1, name: "Plans" })).toBeVisible();
  // A member sees no link to user management.
  await expect(theirPage.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Users" })).toHaveCount(0);

  // The admin deactivates them.
  await row.getByRole("button", { name: `Deactivate ${person.name}` }).click();
  await expect(row).toContainText("Deactivated");
  await expect(row.getByRole("button", { name: `Reactivate ${person.name}` })).toBeVisible();

  // Their open session stops working at once, and signing in again is refused as a wrong
  // password is (code "credentials": the form shows "That email and password do not match an
  // active account.", as auth.spec.ts checks), leaving them signed out.
  await theirPage.goto("/plans");
  await expect(theirPage).toHaveURL(/\/sign-in/);
  const fresh = await browser.newContext();
  const freshPage = await fresh.newPage();
  expect(await signInThroughApi(fresh.request, person.email, person.password)).toEqual({ signedIn: false, code: "credentials" });
  await freshPage.goto("/plans");
  await expect(freshPage).toHaveURL(/\/sign-in/);
  await theirs.close();
  await fresh.close();

  // The admin page has no serious accessibility violations.
  await page.waitForLoadState("networkidle");
  await expectNoSeriousViolations(page);
});

test("deactivating someone closes their open live connection at once; reactivating lets it back", async ({ asUser, browser, createPlan }) => {
  // Someone of this test's own, watching a plan of this test's own: deactivating a shared
  // demo account would cut off every other test that uses it.
  const suffix = uniqueSuffix();
  const person = { name: `Walter Watcher ${suffix}`, email: `walter-${suffix}@example.com`, password: "walter-password" };
  await createTestAccount(person);
  const plan = await createPlan({
    template: { templateId: "builtin-production-release", feature: `Watch ${suffix}`, version: "1.0.0", environment: "production" },
    members: [{ email: person.email, role: "VIEWER" }],
  });

  const theirs = await browser.newContext();
  expect(await signInThroughApi(theirs.request, person.email, person.password)).toEqual({ signedIn: true });
  const watcher = await theirs.newPage();
  await watcher.goto(plan.path);
  await expect(watcher.getByRole("status", { name: "Connection: Live" })).toBeVisible();

  const page = await asUser(ADMIN.email);
  await page.goto("/admin/users");
  const row = page.getByRole("row").filter({ hasText: person.email });
  await row.getByRole("button", { name: `Deactivate ${person.name}` }).click();
  await expect(row).toContainText("Deactivated");
  await expect(watcher.getByRole("status", { name: "Connection: Offline" })).toBeVisible();

  // Reactivated, they sign in again and a fresh page connects again.
  await row.getByRole("button", { name: `Reactivate ${person.name}` }).click();
  await expect(row).toContainText("Active");
  expect(await signInThroughApi(theirs.request, person.email, person.password)).toEqual({ signedIn: true });
  await watcher.reload();
  await expect(watcher.getByRole("status", { name: "Connection: Live" })).toBeVisible();
  await theirs.close();
});

test("an admin cannot deactivate themselves: their own row offers no such button", async ({ asUser }) => {
  const page = await asUser(ADMIN.email);
  await page.goto("/admin/users");
  const ownRow = page.getByRole("row").filter({ hasText: ADMIN.email });
  await expect(ownRow).toContainText("(you)");
  await expect(ownRow.getByRole("button", { name: /Deactivate/ })).toHaveCount(0);
});

test("a non-admin cannot open the users page and sees no link to it", async ({ asUser }) => {
  const page = await asUser(VIEWER.email);
  await page.goto("/plans");
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Users" })).toHaveCount(0);
  const response = await page.goto("/admin/users");
  expect(response?.status()).toBe(404);
  await expect(page.getByText("This page could not be found.")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: "Users" })).toHaveCount(0);
});
