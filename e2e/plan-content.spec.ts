import type { Page } from "@playwright/test";
import { LEAD } from "./support/accounts";
import { expect, test, type TestPlan } from "./support/fixtures";
import { uniqueSuffix } from "./support/test-plans";

/** A plan whose document holds every kind of part besides its checklist. */
const richPlan = (title: string) => `# ${title}

**Service**: search-indexer
**Change ticket**: OPS-4411

## Timeline

| When | What | Length | Who |
|------|------|--------|-----|
| T-30m | Disable shard allocation | 5 min | Alex |
| T+0 | Upgrade node one of three | 20 min | Sam |

## Risks

| Risk | Likelihood | Severity | Mitigation | Owner |
|------|------------|----------|------------|-------|
| Shard relocation storms | Medium | High | Throttle recoveries | Alex |

## Escalation

| Escalation Level | Role | Person | E-mail | Mobile |
|------------------|------|--------|--------|--------|
| 1 | On-call SRE | Sam Lee | sam@example.com | +1 555 0100 |

## Deploy (T-0)

Upgrade the nodes **one at a time**; see [the runbook](https://runbooks.example.com/search).

- [ ] **CRITICAL** drain \`es-1\` before the upgrade
- [ ] Upgrade es-1 <script>window.__pwned = 1</script> [details](javascript:window.__pwned=2)

## Rollback Triggers

- Cluster health red for 5 minutes
- Query latency p95 above 800 ms

## Rollback Procedure

- [ ] Restore the snapshot

## Post-Deploy Monitoring

| Time Window | Check Frequency | Owner | Checks |
|-------------|-----------------|-------|--------|
| First hour | Every 5 minutes | Sam | Query latency, rejected requests |

## Communication Templates

### Support handover

\`\`\`markdown
Subject: Search upgrade is live

Support team, watch for slow searches and tag tickets search-upgrade.
\`\`\`

## Nothing here
`;

async function openPlan(page: Page, plan: TestPlan): Promise<Page> {
  await page.goto(plan.path);
  await expect(page.getByRole("heading", { level: 1, name: plan.title })).toBeVisible();
  return page;
}

/** The section card under a heading; a heading's name may go on with its time offset ("Deploy T-0"). */
const section = (page: Page, title: string) => page.locator("section").filter({ has: page.getByRole("heading", { level: 2, name: new RegExp(`^${title}( |$)`) }) });

test("the plan page shows every stored part of the document, and nothing for an empty part", async ({ asUser, createPlan }) => {
  const title = `Search cluster upgrade ${uniqueSuffix()}`;
  const plan = await createPlan({ markdown: richPlan(title) });
  const page = await openPlan(await asUser(LEAD.email), plan);

  const timeline = section(page, "Timeline").getByTestId("timeline-table");
  await expect(timeline).toContainText("Disable shard allocation");
  await expect(timeline).toContainText("T-30m");
  await expect(timeline).toContainText("Upgrade node one of three");

  await expect(section(page, "Risks").getByTestId("risks-table")).toContainText("Shard relocation storms");
  await expect(section(page, "Risks").getByTestId("risks-table")).toContainText("Throttle recoveries");

  const contacts = section(page, "Escalation").getByTestId("contacts");
  await expect(contacts).toContainText("Sam Lee");
  await expect(contacts).toContainText("On-call SRE");
  await expect(contacts.getByRole("link", { name: "+1 555 0100" })).toHaveAttribute("href", "tel:+15550100");
  await expect(contacts.getByRole("link", { name: "sam@example.com" })).toHaveAttribute("href", "mailto:sam@example.com");

  const triggers = section(page, "Rollback Triggers").getByTestId("rollback-triggers");
  await expect(triggers).toContainText("Cluster health red for 5 minutes");
  await expect(triggers).toContainText("Query latency p95 above 800 ms");

  await expect(section(page, "Post-Deploy Monitoring").getByTestId("monitoring-table")).toContainText("Query latency, rejected requests");

  const comms = page.getByTestId("comms-template").filter({ hasText: "Support handover" });
  await expect(comms).toContainText("Subject: Search upgrade is live");
  await expect(comms).toContainText("Support team, watch for slow searches");

  // Fields the header does not show are kept too.
  await expect(page.getByTestId("plan-intro")).toContainText("OPS-4411");
  // A heading with nothing under it shows no card.
  await expect(page.getByRole("heading", { name: "Nothing here" })).toHaveCount(0);
});

test("step text and notes render inline Markdown, and never run script from the document", async ({ asUser, createPlan }) => {
  const title = `Search cluster upgrade ${uniqueSuffix()}`;
  const plan = await createPlan({ markdown: richPlan(title) });
  const page = await openPlan(await asUser(LEAD.email), plan);
  const deploy = section(page, "Deploy");

  await expect(deploy.locator('[data-role="item-text"] strong', { hasText: "CRITICAL" })).toBeVisible();
  await expect(deploy.locator('[data-role="item-text"] code', { hasText: "es-1" })).toBeVisible();
  await expect(deploy.locator("strong", { hasText: "one at a time" })).toBeVisible();
  const runbook = deploy.getByRole("link", { name: "the runbook" });
  await expect(runbook).toHaveAttribute("href", "https://runbooks.example.com/search");
  await expect(runbook).toHaveAttribute("rel", "noopener noreferrer");

  await expect(deploy.locator("script")).toHaveCount(0);
  await expect(deploy.locator('a[href^="javascript:"]')).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
});

test("the big screen's headline is the run's state; failed steps are named; a clean run ignores the rollback procedure and ends at 100%", async ({ apiAs, asUser, createPlan }) => {
  const plan = await createPlan({ markdown: richPlan(`Search cluster upgrade ${uniqueSuffix()}`) });
  const lead = await apiAs(LEAD.email);
  const critical = await plan.itemId("drain `es-1`");
  const upgrade = await plan.itemId("Upgrade es-1");
  await lead.change(plan, { type: "plan.lifecycle", action: "start" });

  const screen = await asUser(LEAD.email);
  await screen.goto(`${plan.path}/screen`);
  await expect(screen.getByTestId("screen-state")).toHaveText(/In progress/);
  await expect(screen.getByTestId("screen-progress")).toHaveText("0%");

  await lead.change(plan, { type: "item.status", itemId: upgrade, status: "FAILED", note: "node did not rejoin", expectedVersion: 0 });
  await expect(screen.getByTestId("screen-state")).toHaveText(/In progress, with failures/);
  await expect(screen.getByTestId("screen-failed")).toContainText("1 failed:");
  await expect(screen.getByTestId("screen-failed")).toContainText("Upgrade es-1");
  // Each latest change says when, in the plan's time zone.
  await expect(screen.getByTestId("screen-activity").locator("li").first().locator("time")).toHaveText(/^\d\d:\d\d$/);

  await lead.change(plan, { type: "item.status", itemId: upgrade, status: "DONE", expectedVersion: 1 });
  await lead.change(plan, { type: "item.status", itemId: critical, status: "DONE", expectedVersion: 0 });
  await expect(screen.getByTestId("screen-failed")).toHaveCount(0);
  // The rollback procedure ("Restore the snapshot") is still open and does not count.
  await expect(screen.getByTestId("screen-progress")).toHaveText("100%");
  await lead.change(plan, { type: "plan.lifecycle", action: "complete" });
  await expect(screen.getByTestId("screen-state")).toHaveText(/Complete/);
  await expect(screen.getByTestId("screen-state")).toHaveAttribute("data-state", "COMPLETE");
  await expect(screen.getByTestId("screen-rollback-progress")).toHaveCount(0);
});
