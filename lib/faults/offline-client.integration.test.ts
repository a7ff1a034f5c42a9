import { isDeepStrictEqual } from "node:util";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createTickingPlan, setStatus, storedRun } from "@/lib/faults/fault-fixture";
import { startAppProcess, UNLIMITED_CHANGES, type ControlledAppProcess } from "@/lib/testing/app-process";
import { integrationDatabase } from "@/lib/testing/integration-env";
import { HttpPlanClient, SocketPlanClient } from "@/lib/testing/plan-clients";
import { resetDatabase } from "@/lib/testing/reset-database";

/**
 * A client is offline (a laptop lid closed) while 200 events happen: ticks, un-ticks and
 * comments by someone else. When it comes back it joins with the last sequence number it
 * applied, receives exactly what it missed, and its state is then the server's, field for field.
 */

const ITEMS = 20;
const EVENTS_WHILE_OFFLINE = 200;

let app: ControlledAppProcess | undefined;
const sockets: SocketPlanClient[] = [];

beforeAll(async () => {
  await resetDatabase();
  app = await startAppProcess(integrationDatabase().url, { env: UNLIMITED_CHANGES });
}, 120_000);
afterAll(async () => {
  sockets.forEach((client) => client.disconnect());
  await app?.stop();
});

it("catches a client that was offline for 200 events up to exactly the server's state", async () => {
  const { planId, itemIds, lead, executor } = await createTickingPlan(ITEMS);
  const offline = await SocketPlanClient.open(app!.url, executor, planId);
  const writer = await SocketPlanClient.open(app!.url, lead, planId);
  sockets.push(offline, writer);
  const reader = await HttpPlanClient.open(app!.url, lead, planId);
  const seqBefore = offline.plan.lastSeq;
  offline.disconnect();

  const version = new Map(itemIds.map((itemId) => [itemId, 0]));
  for (let index = 0; index < EVENTS_WHILE_OFFLINE; index++) {
    const itemId = itemIds[index % itemIds.length]!;
    // Every fifth event is a comment, the others move the item between done and pending.
    const change = index % 5 === 4 ? { type: "item.comment", itemId, body: `Comment ${index}` } : setStatus(itemId, version.get(itemId)!);
    const outcome = await writer.change(change);
    expect(outcome).toMatchObject({ status: 201 });
    if (change.type === "item.status") version.set(itemId, version.get(itemId)! + 1);
  }
  const missed = offline.plan.applied.length;

  await offline.connect(app!.url);
  const caughtUp = offline.plan.applied.length - missed;
  const live = await reader.liveState();
  const stored = await storedRun(planId);
  // loadedAt says when a snapshot was read, not what the plan is: the only field allowed to differ.
  const planOf = ({ loadedAt: _readAt, ...state }: typeof live) => state;
  const asJson = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;
  const equal = isDeepStrictEqual(asJson(planOf(offline.plan.state)), asJson(planOf(live)));
  console.log(
    `[faults] offline client: ${EVENTS_WHILE_OFFLINE} events while offline (seq ${seqBefore} → ${stored.lastSeq}), ` +
      `received on return ${caughtUp}, applied twice ${offline.plan.applied.length - new Set(offline.plan.applied.map((message) => message.seq)).size}, ` +
      `state equal to GET /api/plans/:id/live (all ${Object.keys(planOf(live)).length} fields but loadedAt): ${equal}`,
  );

  expect(stored.lastSeq).toBe(seqBefore + EVENTS_WHILE_OFFLINE);
  expect(caughtUp).toBe(EVENTS_WHILE_OFFLINE);
  expect(offline.plan.applied.map((message) => message.seq)).toEqual(stored.seqs.filter((seq) => seq > seqBefore));
  expect(planOf(offline.plan.state)).toEqual(planOf(live));
}, 300_000);
