import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { MAX_PLAN_BYTES } from "@/lib/import/validate-plan-input";
import { parsePlanMarkdown } from "@/lib/import/parse-plan-markdown";
import { createPlanFromDocument } from "@/lib/plans/create-plan";
import { startAppProcess, UNLIMITED_CHANGES, type AppProcess } from "@/lib/testing/app-process";
import { integrationDatabase } from "@/lib/testing/integration-env";
import { connectClient, sessionCookie, type LiveClient } from "@/lib/testing/live-harness";
import { resetDatabase } from "@/lib/testing/reset-database";

/**
 * Imports are read in a worker thread of the real server (production build, `tsx server.ts`),
 * so a document that takes long to read does not hold up anyone's live plan. Proved by order,
 * not by timing: while the import request of a ~1 MB document is in flight, a tick on another
 * plan gets its acknowledgement and its broadcast, and only then does the import answer.
 */

// A full-size document that is slow to read per byte (a table of a hundred thousand cells),
// so the parse takes seconds while a tick takes milliseconds.
function slowDocument(): string {
  const header = "| Step | Owner | Time |\n|---|---|---|\n";
  const row = `| ${"a|".repeat(40)} x |\n`;
  return header + row.repeat(Math.floor((MAX_PLAN_BYTES - header.length - 200) / row.length));
}

let app: AppProcess;
let lead: { id: string; name: string };
let cookie: string;

beforeAll(async () => {
  // Long enough that the slow document is read to its end rather than refused.
  // eslint-disable-next-line no-restricted-properties -- the server process started below inherits it
  process.env.IMPORT_PARSE_TIMEOUT_MS = "120000";
  app = await startAppProcess(integrationDatabase().url, { env: UNLIMITED_CHANGES });
  await resetDatabase();
  lead = await db().user.create({ data: { name: "Lee Lead", email: "lead@example.com", passwordHash: "not-used" }, select: { id: true, name: true } });
  cookie = await sessionCookie(lead.id, lead.name);
}, 120_000);

afterAll(async () => {
  await app?.stop();
});

function preview(markdown: string): Promise<Response> {
  return fetch(`${app.url}/api/plans/import/preview`, {
    method: "POST",
    headers: { cookie, origin: app.url, "content-type": "text/markdown; charset=utf-8" },
    body: markdown,
  });
}

describe("import preview on the real server", () => {
  it("reads a document in the production build's worker and answers its summary", async () => {
    const response = await preview("# Release\n\n## Deploy\n\n- [ ] Deploy the API\n- [x] Announce\n");
    expect(response.status).toBe(200);
    const body = (await response.json()) as { title: string; summary: { items: number; checkedItems: number } };
    expect(body).toMatchObject({ title: "Release", summary: { items: 2, checkedItems: 1 } });
  }, 120_000);

  it("refuses a document without a checklist with 422 and the importer's message", async () => {
    const response = await preview("Just a paragraph.\n");
    expect(response.status).toBe(422);
    expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(/^No checklist found/);
  }, 120_000);

  it("lets a tick on another plan round-trip while a slow document is being read", async () => {
    const planId = (await createPlanFromDocument({ document: parsePlanMarkdown("# Other plan\n\n- [ ] Step one\n").document, createdById: lead.id })).id;
    const itemId = (await db().planItem.findFirstOrThrow({ where: { planId }, select: { id: true } })).id;
    const ticker: LiveClient = await connectClient(app.url, lead);
    const watcher: LiveClient = await connectClient(app.url, lead);
    try {
      await ticker.join(planId);
      await watcher.join(planId);
      const document = slowDocument();
      expect(Buffer.byteLength(document)).toBeGreaterThan(0.95 * MAX_PLAN_BYTES);
      let answered = false;
      const importing = preview(document).then((response) => {
        answered = true;
        return response.status;
      });
      // Tick back and forth until the import answers; each round trip counts only once its
      // acknowledgement and the other client's broadcast have both arrived. Had the parse run
      // on the event loop, no round trip could complete from the moment it started (the upload
      // itself takes a few milliseconds), so many completed round trips mean the loop was free.
      let roundTrips = 0;
      while (!answered) {
        const broadcast = new Promise<void>((resolve) => watcher.socket.once("plan:event", () => resolve()));
        const ack = await ticker.change(planId, { type: "item.status", itemId, status: roundTrips % 2 === 0 ? "DONE" : "PENDING", expectedVersion: roundTrips });
        expect(ack).toMatchObject({ ok: true });
        await broadcast;
        if (!answered) roundTrips += 1;
      }
      const status = await importing;
      console.log(`import of ${(Buffer.byteLength(document) / 1024).toFixed(0)} KB answered ${status}; ${roundTrips} tick round trips (ack and broadcast) completed while it was read`);
      expect(roundTrips).toBeGreaterThanOrEqual(10);
      // The slow document was read to its end: a plan of one generic table.
      expect(status).toBe(200);
    } finally {
      ticker.close();
      watcher.close();
    }
  }, 180_000);
});
