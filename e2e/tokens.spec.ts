import { expectNoSeriousViolations } from "./support/accessibility";
import { ADMIN, LEAD } from "./support/accounts";
import { expect, test } from "./support/fixtures";
import { uniqueSuffix } from "./support/test-plans";

// The tokens list is per account and shared by tests of the same account: each finds its rows by a name of its own.

test("a person creates a token from the user menu, sees it once, uses it, and revokes it", async ({ asUser, playwright, baseURL }) => {
  const name = `CI deploy ${uniqueSuffix()}`;
  const page = await asUser(LEAD.email);
  await page.goto("/plans");
  await page.locator("summary").filter({ hasText: "Account menu" }).click();
  await page.getByRole("link", { name: "API tokens" }).click();
  await expect(page).toHaveURL(/\/tokens$/);
  await expect(page.getByRole("heading", { level: 1, name: "API tokens" })).toBeVisible();

  // Over a year is refused beside the field, keeping what was typed.
  await page.getByLabel("Token name").fill(name);
  await page.getByLabel("Scope").selectOption("write");
  await page.getByLabel(/Expires in/).fill("400");
  await page.getByRole("button", { name: "Create token" }).click();
  await expect(page.getByText("A token lasts at most 365 days.")).toBeVisible();
  await expect(page.getByLabel("Token name")).toHaveValue(name);

  await page.getByLabel(/Expires in/).fill("30");
  await page.getByRole("button", { name: "Create token" }).click();
  const shown = page.getByTestId("new-token");
  await expect(shown).toHaveText(/^pfl_/);
  const token = (await shown.textContent())!;
  await expect(page.getByRole("button", { name: "Copy token" })).toBeVisible();
  const row = page.getByRole("row").filter({ hasText: name });
  await expect(row).toContainText("Read and write");
  await expect(row).toContainText("Never");
  await expectNoSeriousViolations(page);

  // The token works on the API, from a client with no cookies at all.
  const api = await playwright.request.newContext({ baseURL });
  const plans = await api.get("/api/plans", { headers: { authorization: `Bearer ${token}` } });
  expect(plans.status()).toBe(200);
  expect(await plans.json()).toHaveProperty("items");

  // Shown once: after a reload the page has its prefix only, and when it was last used.
  await page.reload();
  await expect(page.getByTestId("new-token")).toHaveCount(0);
  await expect(page.getByText(token)).toHaveCount(0);
  await expect(row).toContainText(token.slice(0, 10));
  await expect(row).toContainText(/ UTC from /);

  await row.getByRole("button", { name: `Revoke ${name}` }).click();
  await expect(row).toContainText("Revoked");
  const refused = await api.get("/api/plans", { headers: { authorization: `Bearer ${token}` } });
  expect(refused.status()).toBe(401);
  expect(await refused.json()).toEqual({ error: { code: "unauthenticated", message: "This API token was revoked." } });
  await api.dispose();
});

test("a token narrowed to one plan on the Tokens page reaches that plan and no other", async ({ asUser, createPlan, playwright, baseURL }) => {
  const suffix = uniqueSuffix();
  const chosen = await createPlan({ markdown: `# Narrowed ${suffix}\n\n## Deploy\n- [ ] Roll out\n` });
  const other = await createPlan({ markdown: `# Elsewhere ${suffix}\n\n## Deploy\n- [ ] Roll out\n` });
  const page = await asUser(LEAD.email);
  await page.goto("/tokens");
  await page.getByLabel("Token name").fill(`One plan ${suffix}`);
  await page.getByRole("group", { name: /Limit to these plans/ }).getByLabel(`Narrowed ${suffix}`).check();
  await page.getByRole("button", { name: "Create token" }).click();
  const token = (await page.getByTestId("new-token").textContent())!;
  await expect(page.getByRole("row").filter({ hasText: `One plan ${suffix}` })).toContainText("1 plan");

  const api = await playwright.request.newContext({ baseURL });
  const headers = { authorization: `Bearer ${token}` };
  expect((await api.get(`/api/plans/${chosen.id}`, { headers })).status()).toBe(200);
  expect((await api.get(`/api/plans/${other.id}`, { headers })).status()).toBe(404);
  await api.dispose();
});

test("an admin creates a service account and a token for it; the API reference lists every change type", async ({ asUser }) => {
  const name = `Deploy bot ${uniqueSuffix()}`;
  const page = await asUser(ADMIN.email);
  await page.goto("/admin/users");
  await page.getByLabel("Service account name").fill(name);
  await page.getByRole("button", { name: "Create service account" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Created the service account ${name}` })).toBeVisible();
  const section = page.getByRole("region", { name: `Create a token for ${name}` });
  await section.getByLabel("Token name").fill("GitHub Actions");
  await section.getByRole("button", { name: "Create token" }).click();
  await expect(section.getByTestId("new-token")).toHaveText(/^pfl_/);
  await expect(page.getByRole("table", { name: `Tokens of ${name}` })).toContainText("GitHub Actions");

  await page.locator("summary").filter({ hasText: "Account menu" }).click();
  await page.getByRole("link", { name: "API reference" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "API reference" })).toBeVisible();
  const changes = page.getByRole("article", { name: "POST /api/plans/{planId}/changes" });
  for (const type of ["item.status", "gate.sign", "gate.decide", "plan.lifecycle", "member.set"]) await expect(changes.getByText(type, { exact: true })).toBeVisible();
  await expectNoSeriousViolations(page);
});
