import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Page, TestInfo } from "@playwright/test";
import { expectNoSeriousViolations } from "./support/accessibility";
import { ADMIN, LEAD } from "./support/accounts";
import { expect, test } from "./support/fixtures";
import { uniqueSuffix } from "./support/test-plans";

// A plan whose deployment phase is planned for five minutes from T-0, so running past it is
// a matter of moving the browser's clock forward six minutes.
// Each test imports its own copy under a title of its own: the dashboard lists every plan.
const planMarkdown = (title: string) => `# ${title}

- **Environment**: staging
- **Estimated Duration**: 20 minutes
- **Expected Downtime**: 5 minutes

## Deploy (T-0) (5 min)
- [ ] Stop search workers
- [ ] Swap the index alias

## Verify (T+5 min) (15 min)
- [ ] Smoke test the search page
`;

/** Screenshots the test run keeps, for people to look at (CI keeps e2e/artifacts/). */
const ARTIFACTS = path.resolve("e2e/artifacts");

async function saveScreenshot(page: Page, testInfo: TestInfo, name: string) {
  mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, name);
  await page.screenshot({ path: file, fullPage: true });
  await testInfo.attach(name, { path: file, contentType: "image/png" });
}

const item = (page: Page, text: string) => page.locator("li[data-item-id]").filter({ has: page.locator('[data-role="item-text"]', { hasText: text }) });
const phaseRow = (page: Page, title: string) => page.locator(`[data-phase-row="${title}"]`);
const nowLineX = async (page: Page) => Number(await page.getByTestId("now-line").getAttribute("data-x"));
/** The T-clock ("T+00:06:12") in seconds since T-0. */
async function tClockSeconds(page: Page): Promise<number> {
  const text = (await page.getByTestId("t-clock").textContent()) ?? "";
  const match = /^T\+(\d\d):(\d\d):(\d\d)$/.exec(text);
  if (!match) throw new Error(`unexpected T-clock: ${text}`);
  return Number(match[1]) * 3600 + Number(match[2]) * 60 + Number(match[3]);
}

test("the dashboard lists a plan another browser starts, live; the timeline moves and turns a phase behind schedule without reload", async ({ asUser, createPlan }, testInfo) => {
  test.slow();
  const PLAN_TITLE = `Timeline test: Search 3.1 run ${uniqueSuffix()}`;
  const plan = await createPlan({ markdown: planMarkdown(PLAN_TITLE) });
  const lead = await asUser(LEAD.email);
  await lead.goto(plan.path);
  await expect(lead.getByRole("heading", { level: 1, name: PLAN_TITLE })).toBeVisible();
  const planPath = plan.path;
  await expect(lead.getByRole("status", { name: "Connection: Live" })).toBeVisible();

  // Someone else watches the dashboard; the plan is not running yet.
  const watcher = await asUser(ADMIN.email);
  await watcher.goto("/dashboard");
  await expect(watcher.getByRole("status", { name: "Connection: Live" }).or(watcher.getByText("Connection: Live"))).toBeVisible();
  const runningNow = watcher.getByRole("region", { name: "Running now" });
  await expect(runningNow.getByRole("link", { name: PLAN_TITLE })).toHaveCount(0);

  await lead.getByRole("button", { name: "Start deployment" }).click();
  await expect(lead.getByTestId("plan-status")).toHaveText("In progress");
  // No reload: the dashboard hears of the start and shows the plan under "Running now".
  await expect(runningNow.getByRole("link", { name: PLAN_TITLE })).toBeVisible();

  // The timeline page runs on a clock the test can move; time flows normally until then.
  const timeline = await asUser(LEAD.email);
  await timeline.clock.install();
  await timeline.goto(`${planPath}/timeline`);
  await expect(timeline.getByRole("status", { name: "Connection: Live" })).toBeVisible();
  await expect(timeline.getByTestId("t-clock")).toHaveText(/^T\+00:0/);
  await expect(phaseRow(timeline, "Deploy").getByTestId("phase-state")).toHaveText("Upcoming");

  // The now-line moves on its own.
  const before = await nowLineX(timeline);
  await expect.poll(() => nowLineX(timeline)).toBeGreaterThan(before);

  // A tick on the plan page shows on the timeline as the phase's actual bar, live.
  await item(lead, "Stop search workers").getByRole("checkbox", { name: /^Done:/ }).click();
  await expect(phaseRow(timeline, "Deploy").getByTestId("phase-state")).toHaveText("On schedule");
  await expect(timeline.locator('[data-phase="Deploy"]')).toHaveAttribute("data-state", "running");

  // Six minutes later the deployment phase (planned for five) is still open: behind schedule.
  // The clock moves on from where it stands: the run itself takes real time since the start
  // (over two minutes on a busy machine), so "T+00:06" cannot be taken for granted.
  const beforeJump = await tClockSeconds(timeline);
  await timeline.clock.fastForward("06:00");
  await expect(phaseRow(timeline, "Deploy").getByTestId("phase-state")).toHaveText("Behind schedule");
  await expect(timeline.locator('[data-phase="Deploy"]')).toHaveAttribute("data-state", "behind");
  await expect(timeline.getByTestId("behind-count")).toHaveText("1 phase");
  await expect(timeline.getByTestId("estimated-finish")).toContainText("behind plan");
  await expect.poll(() => tClockSeconds(timeline)).toBeGreaterThanOrEqual(beforeJump + 6 * 60);
  expect(await tClockSeconds(timeline)).toBeLessThan(beforeJump + 6 * 60 + 120);
  await expectNoSeriousViolations(timeline, [lead]);
  await saveScreenshot(timeline, testInfo, "timeline.png");
  await saveScreenshot(watcher, testInfo, "dashboard.png");
});

test("downtime marked by the lead is compared with the expected downtime, and finishing schedules the monitoring checks", async ({ apiAs, asUser, createPlan }) => {
  // Where the test above leaves its plan: started, with the first deployment step done.
  const PLAN_TITLE = `Timeline test: Search 3.1 run ${uniqueSuffix()}`;
  const plan = await createPlan({ markdown: planMarkdown(PLAN_TITLE) });
  const api = await apiAs(LEAD.email);
  await api.change(plan, { type: "plan.lifecycle", action: "start" });
  await api.change(plan, { type: "item.status", itemId: await plan.itemId("Stop search workers"), status: "DONE", expectedVersion: 0 });
  const lead = await asUser(LEAD.email);
  await lead.goto(plan.path);
  await expect(lead.getByRole("status", { name: "Connection: Live" })).toBeVisible();
  const time = lead.getByRole("region", { name: "Time" });
  await time.getByRole("button", { name: "Mark downtime started" }).click();
  await expect(time.getByTestId("downtime")).toContainText("Down now");
  await expect(time.getByTestId("downtime")).toContainText("of 5 min expected");
  // The war-room screen says so too, with the elapsed T-clock.
  const screen = await lead.context().newPage();
  await screen.goto(`${new URL(lead.url()).pathname}/screen`);
  await expect(screen.getByTestId("screen-downtime")).toContainText("Service down for");
  await expect(screen.getByTestId("screen-downtime")).toContainText("(5 min expected)");
  await expect(screen.getByTestId("screen-clock")).toHaveText(/^T\+\d\d:\d\d:\d\d$/);
  await screen.close();
  await time.getByRole("button", { name: "Mark downtime ended" }).click();
  await expect(time.getByTestId("downtime")).not.toContainText("Down now");
  const timelinePage = await lead.context().newPage();
  await timelinePage.goto(`${new URL(lead.url()).pathname}/timeline`);
  await expect(timelinePage.getByTestId("downtime-band")).toHaveCount(1);
  await timelinePage.close();

  await item(lead, "Swap the index alias").getByRole("checkbox", { name: /^Done:/ }).click();
  await item(lead, "Smoke test the search page").getByRole("checkbox", { name: /^Done:/ }).click();
  await lead.getByRole("button", { name: "Complete" }).click();
  await lead.getByRole("dialog", { name: "Complete the plan?" }).getByRole("button", { name: "Complete the plan" }).click();
  await expect(lead.getByTestId("plan-status")).toHaveText("Complete");
  // No schedule in the document: the default checks at T+1h, T+24h and T+1 week.
  const checks = time.getByRole("region", { name: "Monitoring checks" });
  await expect(checks.locator("[data-check]")).toHaveCount(3);
  await checks.locator("[data-check]").first().getByRole("button", { name: "Check done" }).click();
  await expect(checks.locator("[data-check]").first()).toHaveAttribute("data-due", "done");
  await expect(checks.locator("[data-check]").first()).toContainText("Done by Lee Deploy");

  // The metrics, from the event log, on the plan and in the report.
  const metrics = lead.getByTestId("plan-metrics");
  await expect(metrics.getByRole("heading", { name: "Deployment metrics" })).toBeVisible();
  await expect(metrics.locator('[data-metric="Rollback"]')).toHaveText("No");
  await expect(metrics.locator('[data-metric="Downtime"]')).toContainText("5 min expected");
  await expect(metrics.locator('[data-metric="Failed items"]')).toHaveText("0");
  const planPath = new URL(lead.url()).pathname;
  await lead.goto(`${planPath}/report`);
  await expect(lead.getByTestId("plan-metrics").locator('[data-metric="Total duration"]')).toContainText("20 min planned");
  await lead.goto(planPath);

  // The calendar export carries the window, its phases and the checks.
  const ics = await lead.request.get(`/api${planPath}/calendar`);
  expect(ics.status()).toBe(200);
  expect(ics.headers()["content-type"]).toContain("text/calendar");
  const text = await ics.text();
  expect(text).toContain("BEGIN:VCALENDAR");
  expect(text.match(/BEGIN:VEVENT/g)).toHaveLength(1 + 2 + 3);
  expect(text).toContain(`SUMMARY:${PLAN_TITLE}`);
});
