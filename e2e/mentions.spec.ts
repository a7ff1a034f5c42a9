import type { Page } from "@playwright/test";
import { LEAD, QA_LEAD, VIEWER } from "./support/accounts";
import { expect, test, type TestPlan } from "./support/fixtures";
import { uniqueSuffix } from "./support/test-plans";

const planMarkdown = (title: string) => `# ${title}

- **Environment**: staging

## Verify
- [ ] Announce the window
- [ ] Warm the caches
`;

const item = (page: Page, text: string) => page.locator("li[data-item-id]").filter({ has: page.locator('[data-role="item-text"]', { hasText: text }) });

async function database() {
  const { db } = await import("@/lib/db");
  return db();
}

async function accountId(email: string): Promise<string> {
  return (await (await database()).user.findUniqueOrThrow({ where: { email }, select: { id: true } })).id;
}

/**
 * Runs the mention rule on the plan's newest comment and records what it returns, as the
 * notification worker does with every committed event (running it twice records nothing new:
 * each notification has its dedupeKey). Returns the comment's body as stored.
 */
async function notifyFromNewestComment(plan: TestPlan): Promise<string> {
  const { notify } = await import("@/lib/notifications/notify");
  const { mentionedRule } = await import("@/lib/notifications/rules/mentioned");
  const database_ = await database();
  const event = await database_.planEvent.findFirstOrThrow({ where: { planId: plan.id, type: "comment.added" }, orderBy: { seq: "desc" } });
  await database_.$transaction(async (tx) => {
    for (const notification of await mentionedRule(event, tx)) await notify(tx, notification);
  });
  return (await database_.planComment.findFirstOrThrow({ where: { planId: plan.id }, orderBy: { createdAt: "desc" }, select: { body: true } })).body;
}

const mentionsOn = async (plan: TestPlan) =>
  (await database()).notification.findMany({ where: { planId: plan.id, kind: "MENTIONED" }, select: { userId: true, title: true, href: true } });

async function openCommentBox(page: Page, plan: TestPlan, step: string) {
  await page.goto(plan.path);
  await expect(page.getByRole("heading", { level: 1, name: plan.title })).toBeVisible();
  await expect(page.getByRole("status", { name: "Connection: Live" })).toBeVisible();
  await page.keyboard.press("j");
  await expect(item(page, step)).toBeFocused();
  await page.keyboard.press("c");
  const box = item(page, step).getByRole("combobox", { name: `Comment on ${step}` });
  await expect(box).toBeFocused();
  return box;
}

test("@ offers the plan's members, inserts the chosen one, and the mentioned member is notified", async ({ asUser, createPlan }) => {
  const plan = await createPlan({ markdown: planMarkdown(`Mentions ${uniqueSuffix()}`), members: [{ email: QA_LEAD.email, role: "EXECUTOR" }] });
  const lead = await asUser(LEAD.email);
  const box = await openCommentBox(lead, plan, "Announce the window");
  const step = item(lead, "Announce the window");

  // Only members are offered: Vic has an account but is not on this plan.
  await lead.keyboard.type("Please @vi");
  await expect(box).toHaveAttribute("aria-expanded", "false");
  await lead.keyboard.press("Backspace");
  await lead.keyboard.press("Backspace");
  await lead.keyboard.type("qu");
  await expect(box).toHaveAttribute("aria-expanded", "true");
  const listbox = lead.getByRole("listbox", { name: "Members to mention" });
  await expect(listbox.getByRole("option")).toHaveText([QA_LEAD.name]);
  await expect(box).toHaveAttribute("aria-activedescendant", (await listbox.getByRole("option").first().getAttribute("id"))!);

  // Esc closes the list, not the comment box; the letters typed never ticked a step.
  await lead.keyboard.press("Escape");
  await expect(listbox).toBeHidden();
  await expect(box).toBeFocused();
  await expect(step).toHaveAttribute("data-status", "PENDING");

  // Typing on brings it back; Enter inserts the member instead of sending.
  await lead.keyboard.type("i");
  await expect(listbox.getByRole("option", { name: QA_LEAD.name })).toHaveAttribute("aria-selected", "true");
  await lead.keyboard.press("Enter");
  await expect(listbox).toBeHidden();
  await expect(box).toHaveValue(new RegExp(`^Please @\\[${QA_LEAD.name}\\]\\([\\w-]+\\) $`));
  await lead.keyboard.type("can you check the caches?");
  await lead.keyboard.press("Enter");

  await expect(step.locator("p").filter({ hasText: "can you check the caches?" })).toHaveText(`${LEAD.name}: Please @${QA_LEAD.name} can you check the caches?`);
  await expect(step.locator('[data-role="mention"]')).toHaveText(`@${QA_LEAD.name}`);

  const quinn = await accountId(QA_LEAD.email);
  expect(await notifyFromNewestComment(plan)).toBe(`Please @[${QA_LEAD.name}](${quinn}) can you check the caches?`);
  const itemId = await plan.itemId("Announce the window");
  expect(await mentionsOn(plan)).toEqual([{ userId: quinn, title: `${LEAD.name} mentioned you on “Announce the window”`, href: `/plans/${plan.id}#item-${itemId}` }]);
});

test("a mention of someone not on the plan, or of no one, notifies nobody and shows just as typed", async ({ asUser, createPlan }) => {
  const plan = await createPlan({ markdown: planMarkdown(`Mentions outside ${uniqueSuffix()}`) });
  const lead = await asUser(LEAD.email);
  const box = await openCommentBox(lead, plan, "Announce the window");
  const vic = await accountId(VIEWER.email);
  const typed = `@[${VIEWER.name}](${vic}) and @[Ghost](no-such-account) look`;
  await box.fill(typed);
  await lead.keyboard.press("Enter");

  const step = item(lead, "Announce the window");
  await expect(step.locator("p").filter({ hasText: "look" })).toHaveText(`${LEAD.name}: @${VIEWER.name} and @Ghost look`);
  expect(await notifyFromNewestComment(plan)).toBe(typed);
  expect(await mentionsOn(plan)).toEqual([]);
});
