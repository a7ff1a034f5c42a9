import pg from "pg";
import { afterAll, beforeAll, expect, it } from "vitest";
import { DATABASE_UNAVAILABLE_MESSAGE } from "@/lib/db/database-unavailable";
import { createTickingPlan, setStatus, storedRun } from "@/lib/faults/fault-fixture";
import { startAppProcess, UNLIMITED_CHANGES, type ControlledAppProcess } from "@/lib/testing/app-process";
import { integrationDatabase, useDatabaseInThisProcess } from "@/lib/testing/integration-env";
import { waitFor } from "@/lib/testing/live-harness";
import { HttpPlanClient, SocketPlanClient, type ChangeOutcome } from "@/lib/testing/plan-clients";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-database";

/**
 * A database blip with two app instances on one database and a watcher on each: every
 * connection of the app's database is terminated and new ones are refused for 5 s, as a
 * failover or an administrator would. Afterwards the instances must hear each other again
 * (the cluster adapter's LISTEN connection comes back), watchers must get what happened
 * without a reload (the rooms' heartbeat tells them they are behind), a socket that tried to
 * connect during the blip must end up connected by itself, changes during the blip are
 * refused with 503 and Retry-After, and each app logs the outage once and the recovery once.
 */

const ITEMS = 20;
const BLIP_MS = 5_000;
const HEARTBEAT_SECONDS = 5;

let database: TestDatabase;
let admin: pg.Client;
const apps: ControlledAppProcess[] = [];
const sockets: SocketPlanClient[] = [];

beforeAll(async () => {
  // A database of its own, so that refusing connections touches nothing else on the server.
  database = await createTestDatabase(integrationDatabase().serverUrl, { prefix: "blip", migrate: true });
  useDatabaseInThisProcess(database.url);
  // The administrator's connection is to another database of the server; it survives the blip.
  admin = new pg.Client({ connectionString: `${integrationDatabase().serverUrl}/postgres` });
  await admin.connect();
}, 120_000);

afterAll(async () => {
  for (const socket of sockets) socket.disconnect();
  for (const app of apps) await app.stop().catch(() => {});
  await admin?.query(`ALTER DATABASE "${database.name}" WITH ALLOW_CONNECTIONS true`).catch(() => {});
  await admin?.end().catch(() => {});
  const { closeDatabaseConnections } = await import("@/lib/db");
  await closeDatabaseConnections();
  await database?.drop().catch(() => {});
}, 60_000);

async function blip(): Promise<void> {
  await admin.query(`ALTER DATABASE "${database.name}" WITH ALLOW_CONNECTIONS false`);
  await admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()", [database.name]);
}

async function restore(): Promise<void> {
  await admin.query(`ALTER DATABASE "${database.name}" WITH ALLOW_CONNECTIONS true`);
}

it("after a 5 s database blip, two instances hear each other again, watchers catch up without a reload, and refusals are honest", async () => {
  const { planId, itemIds, lead, executor } = await createTickingPlan(ITEMS);
  // LOG_LEVEL info: the apps' outage and recovery lines are part of what this test checks, and
  // they are counted per process, so each instance is one process (WEB_CONCURRENCY=1; each
  // worker of a cluster logs its own outage once, and lib/boot/cluster.integration.test.ts
  // covers what crosses workers).
  const env = { ...UNLIMITED_CHANGES, PLAN_HEARTBEAT_SECONDS: String(HEARTBEAT_SECONDS), LOG_LEVEL: "info", WEB_CONCURRENCY: "1" };
  const [appA, appB] = await Promise.all([startAppProcess(database.url, { env }), startAppProcess(database.url, { env })]);
  apps.push(appA!, appB!);

  // Ticks go in over HTTP on each instance; a watcher on each instance follows over the socket.
  const tickerA = await HttpPlanClient.open(appA!.url, executor, planId);
  const tickerB = await HttpPlanClient.open(appB!.url, lead, planId);
  const watcherA = await SocketPlanClient.open(appA!.url, lead, planId);
  const watcherB = await SocketPlanClient.open(appB!.url, executor, planId);
  sockets.push(watcherA, watcherB);
  const snapshotBeforeBlip = await tickerA.liveState();

  const versions = new Map(itemIds.map((itemId) => [itemId, 0]));
  let next = 0;
  /** One tick on an instance: the next item, against the version last recorded. */
  const tick = async (ticker: HttpPlanClient): Promise<ChangeOutcome> => {
    const itemId = itemIds[next % itemIds.length]!;
    const outcome = await ticker.change(setStatus(itemId, versions.get(itemId)!));
    if (outcome.status === 201) {
      versions.set(itemId, versions.get(itemId)! + 1);
      next += 1;
    }
    return outcome;
  };

  /**
   * Ticks on one instance until the other instance's watcher gets a tick as a live broadcast
   * (not through a catch-up), which needs the cluster adapter's LISTEN connection; returns
   * how long that took from `since`.
   */
  const crossedLive = async (ticker: HttpPlanClient, otherWatcher: SocketPlanClient, since: number): Promise<number> => {
    for (;;) {
      const outcome = await tick(ticker);
      if (outcome.status === 201) {
        const seq = outcome.seq!;
        const arrived = await waitFor(() => otherWatcher.plan.lastSeq >= seq, 2_000).then(
          () => true,
          () => false,
        );
        if (arrived && otherWatcher.receivedLive.has(seq)) return Date.now() - since;
      } else {
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      if (Date.now() - since > 60_000) {
        const tail = (app: ControlledAppProcess) => app.output().split("\n").slice(-30).join("\n");
        throw new Error(`ticks did not cross live within 60 s\n--- A ---\n${tail(appA!)}\n--- B ---\n${tail(appB!)}`);
      }
    }
  };

  // Before: ticks cross live in both directions (once each instance's LISTEN is up).
  const startedAt = Date.now();
  await crossedLive(tickerA, watcherB, startedAt);
  await crossedLive(tickerB, watcherA, startedAt);
  for (let index = 0; index < 5; index++) {
    expect((await tick(tickerA)).status).toBe(201);
    expect((await tick(tickerB)).status).toBe(201);
  }
  const beforeBlip = (await storedRun(planId)).lastSeq;
  await waitFor(() => watcherA.plan.lastSeq === beforeBlip && watcherB.plan.lastSeq === beforeBlip, 30_000);

  // The blip. What the apps log from here until ticks cross again is the outage's record.
  const logMark = [appA!, appB!].map((app) => app.output().length);
  await blip();
  const blipStartedAt = Date.now();
  // A page rendered before the blip connects during it: refused as retriable, it keeps trying.
  const latecomerOpening = SocketPlanClient.open(appB!.url, lead, planId, snapshotBeforeBlip);
  const duringHttp = [await tick(tickerA), await tick(tickerB)];
  const duringSocket = await watcherA.change(setStatus(itemIds[0]!, versions.get(itemIds[0]!)!));
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, BLIP_MS - (Date.now() - blipStartedAt))));
  await restore();
  const restoredAt = Date.now();

  // After: how long until ticks cross live again, in each direction.
  const aToB = await crossedLive(tickerA, watcherB, restoredAt);
  const bToA = await crossedLive(tickerB, watcherA, restoredAt);
  const blipLog = [appA!, appB!].map((app, index) => app.output().slice(logMark[index]));
  const latecomer = await latecomerOpening;
  sockets.push(latecomer);
  const latecomerConnectedAfterMs = Date.now() - restoredAt;

  // Everything that happened is at every watcher, without a reload.
  const stored = await storedRun(planId);
  await waitFor(() => [watcherA, watcherB, latecomer].every((watcher) => watcher.plan.lastSeq === stored.lastSeq), 30_000);
  const live = await tickerA.liveState();
  const caughtUpBySync = watcherA.receivedBySync.size + watcherB.receivedBySync.size;

  const logLines = (log: string, text: string) => log.split("\n").filter((line) => line.includes(text)).length;
  console.log(
    `[faults] database blip of ${BLIP_MS / 1000} s with two instances: ticks crossed live again A→B ${(aToB / 1000).toFixed(1)} s and B→A ${(bToA / 1000).toFixed(1)} s after the restore; ` +
      `a socket opened during the blip was refused ${latecomer.refusedHandshakes} time(s) as retriable and connected by itself ${(latecomerConnectedAfterMs / 1000).toFixed(1)} s after the restore; ` +
      `events ${stored.lastSeq} (gap-free: ${stored.gapFree}), caught up through the heartbeat ${caughtUpBySync}; ` +
      `during the blip HTTP answered ${duringHttp.map((outcome) => `${outcome.status} (Retry-After ${outcome.retryAfterSeconds})`).join(", ")}, the socket ${duringSocket.status}; ` +
      `log lines during the blip A: outage ${logLines(blipLog[0]!, "database unavailable (")}, recovery ${logLines(blipLog[0]!, "database available again")}; ` +
      `B: outage ${logLines(blipLog[1]!, "database unavailable (")}, recovery ${logLines(blipLog[1]!, "database available again")}`,
  );

  expect(aToB).toBeLessThan(10_000);
  expect(bToA).toBeLessThan(10_000);
  expect(latecomer.refusedHandshakes).toBeGreaterThan(0);
  expect(latecomer.connected).toBe(true);
  for (const watcher of [watcherA, watcherB, latecomer]) expect(watcher.plan.state.items).toEqual(live.items);
  expect(stored.gapFree).toBe(true);
  expect(stored.halfWritten).toBe(0);
  expect(stored.duplicated).toBe(0);
  for (const outcome of duringHttp) expect(outcome).toMatchObject({ status: 503, message: DATABASE_UNAVAILABLE_MESSAGE, retryAfterSeconds: 5 });
  expect(duringSocket).toMatchObject({ status: 503, message: DATABASE_UNAVAILABLE_MESSAGE, retryAfterSeconds: 5 });
  for (const log of blipLog) {
    expect(logLines(log, "database unavailable (")).toBe(1);
    expect(logLines(log, "database available again")).toBe(1);
  }
  for (const app of [appA!, appB!]) expect(app.output()).not.toMatch(/uncaughtException|unhandledRejection|unhandled error/);
}, 300_000);
