import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { expectNoSeriousViolations } from "./support/accessibility";
import { LEAD } from "./support/accounts";
import { expect, test } from "./support/fixtures";
import { uniqueSuffix } from "./support/test-plans";

/** A receiver on this machine (allow-listed for the e2e server by WEBHOOK_ALLOWED_HOSTS=127.0.0.1). */
async function startReceiver() {
  const received: IncomingHttpHeaders[] = [];
  const server = createServer((request, response) => {
    request.resume();
    request.on("end", () => {
      received.push(request.headers);
      response.writeHead(200, { "content-type": "text/plain" }).end("ok from the receiver");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, received, close: () => new Promise((resolve) => server.close(resolve)) };
}

test("a lead adds a webhook, is told why a private address is refused, sees the delivery log and redelivers", async ({ asUser, apiAs, createPlan }) => {
  const plan = await createPlan({ markdown: `# Webhook plan ${uniqueSuffix()}\n\n## Deployment phase\n- [ ] Route 25% of traffic\n- [ ] Route all traffic\n` });
  const receiver = await startReceiver();
  try {
    const page = await asUser(LEAD.email);
    await page.goto(`${plan.path}/members`);
    await page.getByRole("link", { name: "Webhooks", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Webhooks" })).toBeVisible();

    // A private address is refused, with the reason beside the form.
    await page.getByLabel("URL").fill("http://10.0.0.5/hook");
    await page.getByRole("button", { name: "Add webhook" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "10.0.0.5 is a private address" })).toBeVisible();

    await page.getByLabel("URL").fill(receiver.url);
    await page.getByLabel("Format").selectOption("slack");
    await page.getByRole("button", { name: "Add webhook" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Copy its signing secret now" })).toBeVisible();
    await expect(page.getByText(/whsec_/)).toBeVisible();
    await expectNoSeriousViolations(page);

    // A tick is delivered; the log shows it once the page is refreshed.
    await (await apiAs(LEAD.email)).change(plan, { type: "item.status", itemId: await plan.itemId("Route 25%"), status: "DONE", expectedVersion: 0 });
    await expect.poll(() => receiver.received.length).toBe(1);
    const webhook = page.getByRole("region", { name: `Webhook ${receiver.url}` });
    await expect(async () => {
      await page.getByRole("link", { name: "Refresh the log" }).click();
      await expect(webhook.getByRole("row").filter({ hasText: "item.changed" })).toContainText("delivered", { timeout: 1_000 });
    }).toPass();
    await expect(webhook.getByRole("row").filter({ hasText: "item.changed" })).toContainText("ok from the receiver");

    await webhook.getByRole("button", { name: "Redeliver" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Queued again" })).toBeVisible();
    await expect.poll(() => receiver.received.length).toBe(2);
    expect(receiver.received[1]!["preflight-event-id"]).toBe(receiver.received[0]!["preflight-event-id"]);

    await webhook.getByRole("button", { name: "Pause" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Webhook paused" })).toBeVisible();
    await expect(webhook).toContainText("Paused");
    await webhook.getByRole("button", { name: "Resume" }).click();
    await expect(webhook.getByRole("button", { name: "Pause" })).toBeVisible();
  } finally {
    await receiver.close();
  }
});
