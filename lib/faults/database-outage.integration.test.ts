import { chmod, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { DATABASE_UNAVAILABLE_MESSAGE } from "@/lib/db/database-unavailable";
import { ensureDatabase, startEmbeddedPostgres, type EmbeddedDatabase } from "@/lib/db/embedded";
import { applyMigrations } from "@/lib/db/migrate";
import { createTickingPlan, setStatus, storedRun } from "@/lib/faults/fault-fixture";
import { startAppProcess, UNLIMITED_CHANGES, type ControlledAppProcess } from "@/lib/testing/app-process";
import { freePort } from "@/lib/testing/free-port";
import { useDatabaseInThisProcess } from "@/lib/testing/integration-env";
import { waitFor } from "@/lib/testing/live-harness";
import { HttpPlanClient, SocketPlanClient, type ChangeOutcome } from "@/lib/testing/plan-clients";

/**
 * PostgreSQL stops and starts again while people work. This test runs a PostgreSQL of its own
 * (embedded, so it can stop and start it) and points both itself and the app at it. While it is
 * down, every change is refused with a clear 503, over HTTP and over the socket, and nothing is
 * half-written; the app does not die, /api/health says 503, and once the database is back the
 * app serves again without a restart: health 200, the refused changes go through as they were.
 */

const ITEMS = 20;
const CHANGES_PER_PHASE = 10;

let dataRoot: string;
let port: number;
let databaseUrl: string;
let postgres: EmbeddedDatabase | undefined;
let app: ControlledAppProcess | undefined;
let socketClient: SocketPlanClient | undefined;

const startPostgres = () => startEmbeddedPostgres({ dataRoot, name: "outage-postgres", port });

beforeAll(async () => {
  dataRoot = await mkdtemp(path.join(tmpdir(), "preflight-outage-"));
  // PostgreSQL runs as its own user when the tests run as root; it must reach its directory.
  await chmod(dataRoot, 0o755);
  port = await freePort();
  postgres = await startPostgres();
  await ensureDatabase(postgres.serverUrl, "preflight");
  databaseUrl = `${postgres.serverUrl}/preflight`;
  await applyMigrations(databaseUrl);
  // This file's process works against this PostgreSQL, not the wrapper's throwaway database.
  useDatabaseInThisProcess(databaseUrl);
}, 120_000);

afterAll(async () => {
  socketClient?.disconnect();
  await app?.stop().catch(() => {});
  const { closeDatabaseConnections } = await import("@/lib/db");
  await closeDatabaseConnections();
  await postgres?.stop().catch(() => {});
  if (dataRoot) await rm(dataRoot, { recursive: true, force: true });
}, 60_000);

it("refuses changes with 503 while PostgreSQL is down, writes nothing half, and recovers without a restart", async () => {
  const { planId, itemIds, lead, executor } = await createTickingPlan(ITEMS);
  app = await startAppProcess(databaseUrl, { processGroup: true, env: UNLIMITED_CHANGES });
  socketClient = await SocketPlanClient.open(app.url, lead, planId);
  const httpClient = await HttpPlanClient.open(app.url, executor, planId);

  // Each person changes their own items in turn, against the version they last saw.
  const person = (items: string[], send: (change: ReturnType<typeof setStatus>) => Promise<ChangeOutcome>) => {
    const version = new Map(items.map((itemId) => [itemId, 0]));
    let next = 0;
    return async (count: number) => {
      const outcomes: (ChangeOutcome & { itemId: string })[] = [];
      for (let index = 0; index < count; index++) {
        const itemId = items[next % items.length]!;
        const outcome = await send(setStatus(itemId, version.get(itemId)!));
        outcomes.push({ ...outcome, itemId });
        // Only a recorded change moves on; a refused one is sent again, as it was, next time.
        if (outcome.status === 201) {
          version.set(itemId, version.get(itemId)! + 1);
          next += 1;
        }
      }
      return outcomes;
    };
  };
  const overSocket = person(itemIds.filter((_, index) => index % 2 === 0), (change) => socketClient!.change(change));
  const overHttp = person(itemIds.filter((_, index) => index % 2 === 1), (change) => httpClient.change(change));
  const healthSeen: number[] = [await httpClient.health()];

  const before = [...(await overSocket(CHANGES_PER_PHASE)), ...(await overHttp(CHANGES_PER_PHASE))];
  expect(before.every((outcome) => outcome.status === 201)).toBe(true);

  // PostgreSQL goes away.
  await postgres!.stop();
  await waitFor(async () => (await httpClient.health()) === 503, 120_000);
  healthSeen.push(503);
  const during = [...(await overSocket(CHANGES_PER_PHASE)), ...(await overHttp(CHANGES_PER_PHASE))];
  const refusedClearly = during.filter((outcome) => outcome.status === 503 && outcome.message === DATABASE_UNAVAILABLE_MESSAGE);
  expect(app.running()).toBe(true);
  expect(socketClient.connected).toBe(true);

  // It comes back; the app recovers by itself.
  postgres = await startPostgres();
  await waitFor(async () => (await httpClient.health()) === 200, 120_000);
  healthSeen.push(200);
  // The first changes are the very ones refused during the outage, against the same versions:
  // accepted now, so none of them had been written in part.
  const after = [...(await overSocket(CHANGES_PER_PHASE)), ...(await overHttp(CHANGES_PER_PHASE))];

  const { closeDatabaseConnections } = await import("@/lib/db");
  await closeDatabaseConnections(); // the test's own pool lost its connections in the outage too
  const stored = await storedRun(planId);
  await waitFor(() => socketClient!.plan.lastSeq === stored.lastSeq, 60_000);
  await httpClient.catchUp();
  const acknowledged = [...before, ...after].filter((outcome) => outcome.status === 201);
  const found = acknowledged.filter((outcome) => stored.changeBySeq.get(outcome.seq!)?.itemId === outcome.itemId);
  const writtenDuringOutage = stored.seqs.length - acknowledged.length;
  console.log(
    `[faults] database outage: before ${before.length} sent, ${before.filter((outcome) => outcome.status === 201).length} acknowledged; ` +
      `while down ${during.length} sent, ${refusedClearly.length} refused with 503 "${DATABASE_UNAVAILABLE_MESSAGE}", written ${writtenDuringOutage}; ` +
      `after recovery ${after.length} sent (starting with the changes refused while it was down, at the same versions), ${after.filter((outcome) => outcome.status === 201).length} acknowledged; ` +
      `events ${stored.seqs.length} (gap-free: ${stored.gapFree}), found ${found.length} of ${acknowledged.length}, half-written ${stored.halfWritten}, duplicated ${stored.duplicated}, ` +
      `lost ${acknowledged.length - found.length}; health ${healthSeen.join(" → ")}; app process alive throughout: ${app.running()}`,
  );

  expect(refusedClearly).toHaveLength(during.length);
  expect(after.every((outcome) => outcome.status === 201)).toBe(true);
  expect(writtenDuringOutage).toBe(0);
  expect(found).toHaveLength(acknowledged.length);
  expect(stored.gapFree).toBe(true);
  expect(stored.halfWritten).toBe(0);
  expect(stored.duplicated).toBe(0);
  expect(healthSeen).toEqual([200, 503, 200]);
  const live = await httpClient.liveState();
  expect(socketClient.plan.state.items).toEqual(live.items);
  expect(httpClient.plan.state.items).toEqual(live.items);
  expect(app.running()).toBe(true);
  expect(app.output()).not.toMatch(/uncaughtException|unhandledRejection/);
}, 400_000);
