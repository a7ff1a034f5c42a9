import { afterAll, beforeAll, expect, it } from "vitest";
import { createTickingPlan, setStatus, storedRun } from "@/lib/faults/fault-fixture";
import { startAppProcess, UNLIMITED_CHANGES, type ControlledAppProcess } from "@/lib/testing/app-process";
import { integrationDatabase } from "@/lib/testing/integration-env";
import { waitFor } from "@/lib/testing/live-harness";
import { HttpPlanClient, SocketPlanClient, type ChangeOutcome } from "@/lib/testing/plan-clients";
import { resetDatabase } from "@/lib/testing/reset-database";

/**
 * `kill -9` of the app in the middle of a run, while two people tick: one over the socket, one
 * over HTTP, each going round its own items (done, pending, done, …). After a restart on the
 * same database, every acknowledged change is stored (event and item state) and has reached
 * both clients once they caught up, and none was applied twice, not even the changes that were
 * in flight at the kill and are sent again.
 */

const ITEMS = 40;
const CHANGES_PER_CLIENT = 150;
const KILL_AFTER_ACKNOWLEDGED = 100;

const apps: ControlledAppProcess[] = [];
let socketClient: SocketPlanClient | undefined;

beforeAll(async () => {
  await resetDatabase();
});
afterAll(async () => {
  socketClient?.disconnect();
  for (const app of apps) await app.stop().catch(() => {});
});

interface Attempt {
  itemId: string;
  expectedVersion: number;
  outcome: ChangeOutcome;
  resent?: boolean;
}

type Send = (change: ReturnType<typeof setStatus>) => Promise<ChangeOutcome>;

it("loses no acknowledged change and applies none twice when the app is killed with SIGKILL mid-run", async () => {
  const { planId, itemIds, lead, executor } = await createTickingPlan(ITEMS);
  const database = integrationDatabase().url;
  const first = await startAppProcess(database, { processGroup: true, env: UNLIMITED_CHANGES });
  apps.push(first);

  socketClient = await SocketPlanClient.open(first.url, lead, planId);
  const httpClient = await HttpPlanClient.open(first.url, executor, planId);
  const attempts: Attempt[] = [];
  const acknowledged = () => attempts.filter((attempt) => attempt.outcome.status === 201).length;
  let killed = false;

  /** One person's run: change their items in turn; `version` is what they last saw of each. */
  const person = (items: string[]) => {
    const version = new Map(items.map((itemId) => [itemId, 0]));
    let sent = 0;
    let inFlight: { itemId: string; expectedVersion: number } | undefined;
    return {
      /** Sends changes until `total` are done or the connection breaks. */
      async run(send: Send) {
        while (sent < CHANGES_PER_CLIENT) {
          const itemId = inFlight?.itemId ?? items[sent % items.length]!;
          const expectedVersion = inFlight?.expectedVersion ?? version.get(itemId)!;
          const outcome = await send(setStatus(itemId, expectedVersion));
          attempts.push({ itemId, expectedVersion, outcome, resent: Boolean(inFlight) });
          if (outcome.status === null) {
            inFlight = { itemId, expectedVersion };
            return;
          }
          // 409 only for a resent change that had been recorded before the kill: it is not applied again.
          if (outcome.status !== 201 && !(inFlight && outcome.status === 409)) throw new Error(`change of ${itemId} answered ${outcome.status}: ${outcome.message}`);
          inFlight = undefined;
          version.set(itemId, expectedVersion + 1);
          sent += 1;
          if (!killed && acknowledged() >= KILL_AFTER_ACKNOWLEDGED) {
            killed = true;
            first.signalGroup("SIGKILL");
          }
        }
      },
      get inFlight() {
        return inFlight;
      },
    };
  };
  const socketPerson = person(itemIds.filter((_, index) => index % 2 === 0));
  const httpPerson = person(itemIds.filter((_, index) => index % 2 === 1));
  const sendOverSocket: Send = (change) => socketClient!.change(change);
  const sendOverHttp: Send = (change) => httpClient.change(change);

  await Promise.all([socketPerson.run(sendOverSocket), httpPerson.run(sendOverHttp)]);
  expect(await first.exited).toMatchObject({ signal: "SIGKILL" });
  const acknowledgedBeforeKill = acknowledged();
  const inFlightAtKill = [socketPerson.inFlight, httpPerson.inFlight].filter(Boolean).length;

  // The same database, a new process; the clients come back, catch up, and finish the run,
  // starting with the change each had in flight, sent again against the same version.
  const second = await startAppProcess(database, { processGroup: true, env: UNLIMITED_CHANGES });
  apps.push(second);
  await socketClient.connect(second.url);
  httpClient.moveTo(second.url);
  await httpClient.catchUp();
  await Promise.all([socketPerson.run(sendOverSocket), httpPerson.run(sendOverHttp)]);

  const stored = await storedRun(planId);
  await waitFor(() => socketClient!.plan.lastSeq === stored.lastSeq, 60_000);
  await httpClient.catchUp();

  const acknowledgedAttempts = attempts.filter((attempt) => attempt.outcome.status === 201);
  const lost = acknowledgedAttempts.filter((attempt) => {
    const change = stored.changeBySeq.get(attempt.outcome.seq!);
    return change?.itemId !== attempt.itemId || change.version !== attempt.expectedVersion + 1;
  });
  const resent = attempts.filter((attempt) => attempt.resent);
  const inClient = (client: { plan: { applied: { seq: number }[] } }) => {
    const seqs = new Set(client.plan.applied.map((message) => message.seq));
    return { seqs, acknowledged: acknowledgedAttempts.filter((attempt) => seqs.has(attempt.outcome.seq!)).length, twice: client.plan.applied.length - seqs.size };
  };
  const inSocketClient = inClient(socketClient);
  const inHttpClient = inClient(httpClient);
  console.log(
    `[faults] kill -9: sent ${attempts.length}, acknowledged ${acknowledgedAttempts.length} (${acknowledgedBeforeKill} before the kill), ` +
      `in flight at the kill ${inFlightAtKill} (resent after the restart: ${resent.filter((attempt) => attempt.outcome.status === 409).length} had been recorded and were refused with 409, ` +
      `${resent.filter((attempt) => attempt.outcome.status === 201).length} had not and were recorded now), found ${acknowledgedAttempts.length - lost.length}, ` +
      `in client A (socket) ${inSocketClient.acknowledged}, in client B (HTTP) ${inHttpClient.acknowledged}, events ${stored.seqs.length} (gap-free: ${stored.gapFree}), ` +
      `half-written ${stored.halfWritten}, duplicated ${stored.duplicated}, lost ${lost.length}`,
  );

  expect(acknowledgedBeforeKill).toBeGreaterThanOrEqual(KILL_AFTER_ACKNOWLEDGED);
  expect(lost).toEqual([]);
  expect(stored.duplicated).toBe(0);
  expect(stored.halfWritten).toBe(0);
  expect(stored.gapFree).toBe(true);
  // Both people finished their runs: every change is recorded exactly once, acknowledged or (in flight) refused as already there.
  expect(stored.seqs.length).toBe(2 * CHANGES_PER_CLIENT);
  expect(acknowledgedAttempts.length + resent.filter((attempt) => attempt.outcome.status === 409).length).toBe(2 * CHANGES_PER_CLIENT);
  for (const client of [inSocketClient, inHttpClient]) {
    expect(client.acknowledged).toBe(acknowledgedAttempts.length);
    expect(client.twice).toBe(0);
    expect([...client.seqs].sort((a, b) => a - b)).toEqual(stored.seqs);
  }
  const live = await httpClient.liveState();
  expect(socketClient.plan.state.items).toEqual(live.items);
  expect(httpClient.plan.state.items).toEqual(live.items);
  expect(second.output()).not.toMatch(/uncaughtException/);
}, 300_000);
