import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Page } from "@playwright/test";
import { LEAD } from "./support/accounts";
import { expect, test } from "./support/fixtures";
import { uniqueSuffix } from "./support/test-plans";

/**
 * A step that checks itself, in the browser: the lead gives a step an HTTP check in the
 * editor's step form (a wrong line is refused in the form), then presses Run check; the
 * server calls a receiver this spec runs, and Automation ticks the step Done, in the feed.
 */
let receiver: Server;
let receiverUrl: string;

test.beforeAll(async () => {
  receiver = createServer((request, response) => {
    if (request.url === "/health") response.writeHead(200, { "Content-Type": "application/json" }).end('{"status":"ok"}');
    else response.writeHead(503).end("down");
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
});

test.afterAll(async () => {
  await new Promise<void>((resolve) => receiver.close(() => resolve()));
});

const item = (page: Page, text: string) => page.locator("li[data-item-id]").filter({ has: page.locator('[data-role="item-text"]', { hasText: text }) });

test("the lead sets a step's HTTP check in the editor and runs it; Automation ticks the step Done with the evidence", async ({ asUser, createPlan }) => {
  const title = `Self-checking ${uniqueSuffix()}`;
  const plan = await createPlan({ markdown: `# ${title}\n\n## Verify\n- [ ] Health endpoint answers\n` });
  const lead = await asUser(LEAD.email);
  await lead.goto(plan.path);
  await expect(lead.getByRole("status", { name: "Connection: Live" })).toBeVisible();
  // A second page on the plan, open before the check is set: it learns of the check live.
  const watcher = await asUser(LEAD.email);
  await watcher.goto(plan.path);
  await expect(watcher.getByRole("status", { name: "Connection: Live" })).toBeVisible();

  await lead.getByRole("button", { name: "Edit plan" }).click();
  const verify = lead.getByTestId("plan-editor").getByRole("region", { name: "Section: Verify" });
  await verify.locator("[data-editor-item]").first().getByRole("button", { name: "Edit" }).click();
  const check = verify.getByLabel("HTTP check");
  await check.fill(`PING ${receiverUrl}/health expect 200`);
  await verify.getByRole("button", { name: "Save step" }).click();
  await expect(verify.getByText('"PING" is not an HTTP method.', { exact: false })).toBeVisible();
  await check.fill(`GET ${receiverUrl}/health expect 200 json /status == "ok"`);
  await verify.getByRole("button", { name: "Save step" }).click();
  await expect(verify.getByLabel("HTTP check")).toHaveCount(0);
  await lead.getByRole("button", { name: "Done editing" }).click();

  const step = item(lead, "Health endpoint answers");
  await expect(step).toContainText(`Checks itself: GET ${receiverUrl}/health`);
  await expect(item(watcher, "Health endpoint answers")).toContainText(`Checks itself: GET ${receiverUrl}/health`);
  await step.getByRole("button", { name: "Run check" }).click();
  await expect(lead.getByText(/Automation marked “Health endpoint answers” done — check passed: 200 in \d+ ms/).first()).toBeVisible();
  await expect(step.getByRole("button", { name: "Run check" })).toHaveCount(0);
});
