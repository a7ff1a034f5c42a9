import type { Browser, BrowserContext, Page } from "@playwright/test";
import { ADMIN, LEAD, QA_LEAD, VIEWER } from "./support/accounts";
import { storageStatePath } from "./support/api-sign-in";
import { expect, test, type TestPlan } from "./support/fixtures";
import { uniqueSuffix } from "./support/test-plans";

/**
 * Every page on a phone (390 × 844, touch): nothing scrolls sideways, the account menu is on
 * the screen and opens, and on the plan page every control is at least 44 px tall.
 */
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

const contexts: BrowserContext[] = [];
test.afterEach(async () => {
  await Promise.all(contexts.splice(0).map((context) => context.close()));
});

async function phone(browser: Browser, baseURL: string | undefined, email: string | null): Promise<Page> {
  const context = await browser.newContext({ ...PHONE, baseURL, ...(email ? { storageState: storageStatePath(email) } : {}) });
  contexts.push(context);
  return context.newPage();
}

async function visit(page: Page, path: string) {
  await page.goto(path);
  await expect(page.locator("h1").first()).toBeVisible();
}

async function expectNoSidewaysScroll(page: Page) {
  // "fits", or what is too wide: the element reaching furthest right, to name in the failure.
  const fit = () =>
    page.evaluate(() => {
      const root = document.documentElement;
      if (root.scrollWidth <= root.clientWidth) return "fits";
      // Named in the failure: the element reaching furthest right that no scrolling box holds.
      const scrolls = (element: Element | null): boolean => {
        for (let node = element; node && node !== document.body; node = node.parentElement) {
          if (getComputedStyle(node).overflowX !== "visible") return true;
        }
        return false;
      };
      let widest = "";
      let right = 0;
      for (const element of document.body.querySelectorAll("*")) {
        const box = element.getBoundingClientRect();
        if (box.right > right && !scrolls(element.parentElement)) {
          right = box.right;
          widest = `${element.tagName.toLowerCase()}.${String(element.getAttribute("class")).slice(0, 80)} (${Math.round(box.right)} px)`;
        }
      }
      return `${root.scrollWidth} px wide in ${root.clientWidth}; widest: ${widest}`;
    });
  // Soft, so one run names every page that does not fit.
  await expect.soft.poll(fit, { message: `${page.url()} scrolls sideways`, timeout: 10_000 }).toBe("fits");
}

async function expectAccountMenuOpens(page: Page) {
  const summary = page.locator("summary").filter({ hasText: "Account menu" });
  const box = await summary.boundingBox();
  expect(box, "the account menu is on the page").not.toBeNull();
  expect(box!.x + box!.width, "the account menu is on the screen").toBeLessThanOrEqual(390);
  await summary.click();
  const signOut = page.getByRole("button", { name: "Sign out", exact: true });
  await expect(signOut).toBeVisible();
  const menuBox = await signOut.boundingBox();
  expect(menuBox!.x).toBeGreaterThanOrEqual(0);
  expect(menuBox!.x + menuBox!.width).toBeLessThanOrEqual(390);
  await summary.click();
}

/** The smallest visible control on the page, by height, and what it is. */
function smallestControl(page: Page) {
  return page.evaluate(() => {
    let smallest = { height: Infinity, what: "" };
    for (const element of document.querySelectorAll<HTMLElement>("button, a, input, select, [role=checkbox]")) {
      const box = element.getBoundingClientRect();
      const style = getComputedStyle(element);
      if (!box.width || !box.height || style.visibility === "hidden" || (element instanceof HTMLInputElement && element.type === "hidden")) continue;
      if (box.height < smallest.height) smallest = { height: box.height, what: `${element.tagName.toLowerCase()} “${(element.textContent || element.getAttribute("aria-label") || "").trim().slice(0, 40)}”` };
    }
    return smallest;
  });
}

async function shareLinkOf(plan: TestPlan, request: import("@playwright/test").APIRequestContext): Promise<string> {
  const answer = await request.post(`/api/plans/${plan.id}/changes`, { data: { type: "share.create" } });
  expect(answer.status()).toBe(201);
  return `/share/${((await answer.json()) as { shareToken: string }).shareToken}`;
}

test("every signed-in page fits a phone, with the account menu on the screen", async ({ browser, baseURL, createPlan, apiAs }) => {
  test.slow();
  const plan = await createPlan({
    template: { templateId: "builtin-production-release", feature: `Payments API ${uniqueSuffix()}`, version: "2.4.0", environment: "production", deployLead: LEAD.name },
    members: [
      { email: QA_LEAD.email, role: "APPROVER", titles: ["QA Lead"] },
      { email: VIEWER.email, role: "VIEWER" },
    ],
  });
  const lead = await phone(browser, baseURL, LEAD.email);
  for (const path of ["/plans", plan.path, `${plan.path}/timeline`, `${plan.path}/report`, `${plan.path}/members`, "/dashboard", "/templates", "/plans/import"]) {
    await visit(lead, path);
    await expectNoSidewaysScroll(lead);
    await expectAccountMenuOpens(lead);
  }

  const admin = await phone(browser, baseURL, ADMIN.email);
  await visit(admin, "/admin/users");
  await expectNoSidewaysScroll(admin);
  await expectAccountMenuOpens(admin);

  const screen = await phone(browser, baseURL, LEAD.email);
  await visit(screen, `${plan.path}/screen`);
  await expectNoSidewaysScroll(screen);

  const visitor = await phone(browser, baseURL, null);
  await visit(visitor, await shareLinkOf(plan, (await apiAs(LEAD.email)).request));
  await expectNoSidewaysScroll(visitor);

  const signIn = await phone(browser, baseURL, null);
  await visit(signIn, "/sign-in");
  await expectNoSidewaysScroll(signIn);
});

test("on a phone every control of the plan page is at least 44 px tall, for the lead and for an approver", async ({ browser, baseURL, createPlan }) => {
  const plan = await createPlan({
    template: { templateId: "builtin-production-release", feature: `Search ${uniqueSuffix()}`, version: "1.2.0", environment: "production", deployLead: LEAD.name },
    members: [{ email: QA_LEAD.email, role: "APPROVER", titles: ["QA Lead"] }],
  });
  for (const email of [LEAD.email, QA_LEAD.email]) {
    const page = await phone(browser, baseURL, email);
    await visit(page, plan.path);
    await expect(page.getByRole("status", { name: "Connection: Live" })).toBeVisible();
    const smallest = await smallestControl(page);
    expect(smallest.height, `${email}: smallest control is ${smallest.what}`).toBeGreaterThanOrEqual(44);
  }
});
