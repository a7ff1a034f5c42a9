import pg from "pg";
import { afterAll, beforeAll, expect, it } from "vitest";
import { db } from "@/lib/db";
import { parsePlanMarkdown } from "@/lib/import/parse-plan-markdown";
import { createPlanFromDocument } from "@/lib/plans/create-plan";
import { integrationDatabase } from "@/lib/testing/integration-env";
import { connectClient, startServerProcess, waitFor, type LiveClient, type ServerProcess } from "@/lib/testing/live-harness";
import { resetDatabase } from "@/lib/testing/reset-database";

/**
 * The PostgreSQL adapter's traffic, read by LISTENing on its channel: a process alone
 * publishes no relay for a tick (nor for presence), and once a second process is there, ticks
 * cross to it again.
 */
const CHANNEL = "socket.io#/";
/** socket.io-adapter's MessageType: the adapter's own heartbeats, and what carries our relay. */
const HEARTBEAT = 2;
const SERVER_SIDE_EMIT = 9;
const BROADCAST = 3;

interface Notice {
  uid: string;
  type: number;
}

let listener: pg.Client;
const notices: Notice[] = [];
const servers: ServerProcess[] = [];
const clients: LiveClient[] = [];

beforeAll(async () => {
  await resetDatabase();
  listener = new pg.Client({ connectionString: integrationDatabase().url });
  await listener.connect();
  listener.on("notification", (message) => {
    if (message.channel !== CHANNEL || !message.payload) return;
    const { uid, type } = JSON.parse(message.payload) as Notice;
    notices.push({ uid, type });
  });
  await listener.query(`LISTEN "${CHANNEL}"`);
});

afterAll(async () => {
  clients.forEach((client) => client.close());
  await Promise.all(servers.map((server) => server.stop()));
  await listener?.end();
});

async function client(server: ServerProcess, who: { id: string; name: string }): Promise<LiveClient> {
  const connected = await connectClient(server.url, who);
  clients.push(connected);
  return connected;
}

it("a single process sends no NOTIFY for ticks or presence; with a second one, ticks cross again", async () => {
  const lead = await db().user.create({ data: { name: "Lee Lead", email: "lead@example.com", passwordHash: "not-used" }, select: { id: true, name: true } });
  const planId = (await createPlanFromDocument({ document: parsePlanMarkdown("# Adapter\n\n## Steps\n- [ ] One\n- [ ] Two\n- [ ] Three\n").document, createdById: lead.id })).id;
  const itemIds = (await db().planItem.findMany({ where: { planId }, orderBy: { position: "asc" }, select: { id: true } })).map((item) => item.id);
  const tick = (index: number) => ({ type: "item.status", itemId: itemIds[index], status: "DONE", expectedVersion: 0 });

  const first = await startServerProcess(integrationDatabase().url);
  servers.push(first);
  await waitFor(() => notices.length > 0, 30_000);
  const firstUid = notices[0]!.uid;

  // Alone: a join (presence) and two ticks, delivered to this process's own watcher.
  const lee = await client(first, lead);
  await lee.join(planId, 0);
  const from = notices.length;
  expect(await lee.change(planId, tick(0))).toMatchObject({ ok: true });
  expect(await lee.change(planId, tick(1))).toMatchObject({ ok: true });
  await waitFor(() => lee.events.length === 2);
  // The adapter beats every 5 s through the same one-connection pool as any publish, so a
  // publish made for the ticks would have arrived before the second beat after them.
  await waitFor(() => notices.slice(from).filter((notice) => notice.uid === firstUid && notice.type === HEARTBEAT).length >= 2, 30_000);
  expect(notices.slice(from).filter((notice) => notice.type === SERVER_SIDE_EMIT || notice.type === BROADCAST)).toEqual([]);

  // A second process: its first heartbeat makes it known, and ticks are relayed to it.
  const second = await startServerProcess(integrationDatabase().url);
  servers.push(second);
  await waitFor(() => notices.some((notice) => notice.uid !== firstUid));
  const watcherOnSecond = await client(second, lead);
  await watcherOnSecond.join(planId, 2);
  const relayedFrom = notices.length;
  expect(await lee.change(planId, tick(2))).toMatchObject({ ok: true });
  await waitFor(() => watcherOnSecond.events.some((message) => message.seq === 3));
  expect(notices.slice(relayedFrom).some((notice) => notice.uid === firstUid && notice.type === SERVER_SIDE_EMIT)).toBe(true);
});
