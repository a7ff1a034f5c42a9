import { expect, test } from "@playwright/test";
import { expectNoSeriousViolations } from "./support/accessibility";
import { DEMO_PASSWORD, DEVOPS_LEAD, LEAD, VIEWER } from "./support/accounts";
import { signIn } from "./support/sign-in";

// The one spec that signs in through the real form, since the form is what it tests; every
// other spec uses the sessions e2e/auth.setup.ts stores. The one failed attempt here is the
// viewer's, and no sign-in here needs the viewer, so per-account limits reach no other test.

test("a signed-out visit to a page redirects to sign-in and back after signing in", async ({ page }) => {
  await page.goto("/plans");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fplans$/);
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();

  await page.getByLabel("Email").fill(LEAD.email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/plans$/);
});

test("a demo user signs in, sees the plans page, and signs out", async ({ page }) => {
  await signIn(page, LEAD.email);
  await expect(page.getByRole("heading", { level: 1, name: "Plans" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Production release: Payments API 2.4.0" })).toBeVisible();

  await page.locator("summary", { hasText: LEAD.name }).click();
  await expect(page.getByText(LEAD.email)).toBeVisible();
  // Exact: the menu also offers "Sign out everywhere".
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page).toHaveURL(/\/sign-in$/);

  // The session is gone: the plans page sends us back.
  await page.goto("/plans");
  await expect(page).toHaveURL(/\/sign-in/);
});

test("a wrong password shows an error and keeps the user signed out", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(VIEWER.email);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: /./ })).toHaveText("That email and password do not match an active account.");
  await expect(page).toHaveURL(/\/sign-in/);
  await expect(page.getByLabel("Email")).toHaveValue(VIEWER.email);
});

test("the sign-out page signs out after confirming", async ({ page }) => {
  await signIn(page, DEVOPS_LEAD.email);
  await page.goto("/sign-out");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
});

test("health answers 200 with the status alone when signed out; the API answers 401 as JSON when signed out", async ({ request }) => {
  const health = await request.get("/api/health");
  expect(health.status()).toBe(200);
  // Details (version, migrations) need an administrator or HEALTH_TOKEN: lib/health/health-route.integration.test.ts.
  expect(await health.json()).toEqual({ status: "ok" });

  const plans = await request.get("/api/plans");
  expect(plans.status()).toBe(401);
  expect(await plans.json()).toEqual({ error: { code: "unauthenticated", message: "Sign in to use this API." } });
});

test("pages carry a CSP with a nonce and the security headers, and work under them", async ({ page }) => {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  const response = await page.goto("/sign-in");
  const headers = response!.headers();
  expect(headers["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  // Hydration ran under the policy: the form's client-side pending state works.
  await page.getByLabel("Email").fill(LEAD.email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/plans$/);
  expect(errors.filter((text) => /Content Security Policy/i.test(text))).toEqual([]);
});

test("behind an HTTPS proxy, responses carry HSTS and the CSP upgrades insecure requests", async ({ request }) => {
  const response = await request.get("/sign-in", { headers: { "x-forwarded-proto": "https" } });
  expect(response.headers()["strict-transport-security"]).toMatch(/max-age=\d+/);
  expect(response.headers()["content-security-policy"]).toContain("upgrade-insecure-requests");
  const plain = await request.get("/sign-in");
  expect(plain.headers()["strict-transport-security"]).toBeUndefined();
});

test("sign-in, plans, plan and import pages have no serious accessibility violations", async ({ page }) => {
  await page.goto("/sign-in");
  await expectNoSeriousViolations(page);

  await signIn(page, LEAD.email);
  for (const open of [
    async () => {},
    async () => page.getByRole("link", { name: "Production release: Payments API 2.4.0" }).click(),
    async () => page.goto("/plans/import"),
    async () => page.goto("/templates"),
  ]) {
    await open();
    await page.waitForLoadState("networkidle");
    await expectNoSeriousViolations(page);
  }
});
