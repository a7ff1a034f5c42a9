import { afterAll, beforeAll, expect, it } from "vitest";
import { db } from "@/lib/db";
import { parsePlanMarkdown } from "@/lib/import/parse-plan-markdown";
import { createPlanFromDocument } from "@/lib/plans/create-plan";
import { integrationDatabase } from "@/lib/testing/integration-env";
import { connectClient, startServerProcess, waitFor, type LiveClient, type ServerProcess } from "@/lib/testing/live-harness";
import { resetDatabase } from "@/lib/testing/reset-database";

/**
 * plan:join skips its catch-up query when the page is at the plan's head as this process
 * knows it (known-plan-heads.ts). What must not change: a page behind still gets what it
 * missed, one at the head gets the next event live, and the membership check still refuses.
 */
let server: ServerProcess;
const clients: LiveClient[] = [];

beforeAll(async () => {
  await resetDatabase();
  server = await startServerProcess(integrationDatabase().url);
});

afterAll(async () => {
  clients.forEach((client) => client.close());
  await server?.stop();
});

async function client(who: { id: string; name: string }): Promise<LiveClient> {
  const connected = await connectClient(server.url, who);
  clients.push(connected);
  return connected;
}

it("a join at the known head gets no catch-up and the next event live; one behind still catches up; an outsider is still refused", async () => {
  const person = (name: string, email: string) => db().user.create({ data: { name, email, passwordHash: "not-used" }, select: { id: true, name: true } });
  const [lead, outsider] = await Promise.all([person("Lee Lead", "lead@example.com"), person("Oz Outsider", "oz@example.com")]);
  const planId = (await createPlanFromDocument({ document: parsePlanMarkdown("# Joins\n\n## Steps\n- [ ] One\n- [ ] Two\n- [ ] Three\n- [ ] Four\n").document, createdById: lead.id })).id;
  const itemIds = (await db().planItem.findMany({ where: { planId }, orderBy: { position: "asc" }, select: { id: true } })).map((item) => item.id);
  const tick = (index: number) => ({ type: "item.status", itemId: itemIds[index], status: "DONE", expectedVersion: 0 });

  const writer = await client(lead);
  expect(await writer.join(planId, 0)).toEqual({ ok: true, events: [] });
  for (const index of [0, 1, 2]) expect(await writer.change(planId, tick(index))).toMatchObject({ ok: true });
  // Emitted on this process, so its head (3) is known here.
  await waitFor(() => writer.events.length === 3);

  const upToDate = await client(lead);
  expect(await upToDate.join(planId, 3)).toEqual({ ok: true, events: [] });
  const behind = await client(lead);
  const caughtUp = await behind.join(planId, 1);
  expect(caughtUp.ok && "events" in caughtUp ? caughtUp.events.map((message) => message.seq) : caughtUp).toEqual([2, 3]);

  expect(await writer.change(planId, tick(3))).toMatchObject({ ok: true });
  await waitFor(() => upToDate.events.some((message) => message.seq === 4) && behind.events.some((message) => message.seq === 4));

  const stranger = await client(outsider);
  expect(await stranger.join(planId, 4)).toMatchObject({ ok: false, status: 404 });
});
