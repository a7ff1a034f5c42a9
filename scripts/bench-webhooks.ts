/**
 * `npm run bench:webhooks`: how fast the webhook outbox delivers. A benchmark, not a test: it
 * prints figures and asserts nothing.
 *
 *   1. creates a scratch database (on DATABASE_URL's server if set, which must be local, else the
 *      embedded PostgreSQL of the test suite) with a plan of 20 steps and its lead;
 *   2. starts 3 local receivers (HTTP servers answering 200) and subscribes each to the plan
 *      (Preflight JSON, all events), allowed by WEBHOOK_ALLOWED_HOSTS=127.0.0.1;
 *   3. starts one delivery worker (lib/webhooks/delivery-worker.ts, as server.ts does) in this process;
 *   4. records 1 000 ticks through applyPlanChange, one after another, as fast as they commit;
 *   5. waits until every receiver has all 1 000 events (the live phase);
 *   6. stops the worker, records 1 000 more ticks, starts it again and times how fast it drains
 *      the 3 000 queued deliveries (the backlog phase: the worker's own throughput).
 *
 * Commit → receipt: from the moment applyPlanChange returned (after its transaction committed)
 * to the moment the receiver had read the request body, both on this process's clock (Date.now()).
 * Live throughput: deliveries (events × receivers) divided by the time from the first commit to
 * the last receipt; it cannot exceed the rate at which events are recorded.
 *
 *   DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres npm run bench:webhooks
 *
 * Options: --events N [1000], --receivers N [3].
 */
import { createTestDatabase, startTestDatabaseServer } from "@/lib/testing/test-database";

const argv = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const index = argv.indexOf(`--${name}`);
  return index >= 0 && argv[index + 1] ? Number(argv[index + 1]) : fallback;
};
const EVENTS = option("events", 1000);
const RECEIVERS = option("receivers", 3);
const ITEMS = 20;
const APP_SECRET = "bench-webhooks-secret-0123456789abcdef";

const log = (line: string) => console.log(`[bench:webhooks] ${line}`);

/** Nearest-rank percentile. */
function pct(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
}

const server = await startTestDatabaseServer(process.env.DATABASE_URL, log);
const database = await createTestDatabase(server.serverUrl, { prefix: "preflight_bench_webhooks", migrate: true });
log(`scratch database ${database.name}`);
// Every module below reads its settings once, on first use: set them before importing.
process.env.DATABASE_URL = database.url;
process.env.AUTH_SECRET = APP_SECRET;
process.env.WEBHOOK_ALLOWED_HOSTS = "127.0.0.1";
process.env.LOG_LEVEL = "warn";

const { closeDatabaseConnections } = await import("@/lib/db");
const { createTickingPlan, setStatus } = await import("@/lib/faults/fault-fixture");
const { applyPlanChange } = await import("@/lib/plan-state/apply-plan-change");
const { startWebhookReceiver } = await import("@/lib/testing/webhook-receiver");
const { startDeliveryWorker } = await import("@/lib/webhooks/delivery-worker");
const { createWebhook } = await import("@/lib/webhooks/subscriptions");

const receivers: Awaited<ReturnType<typeof startWebhookReceiver>>[] = [];
let worker: ReturnType<typeof startDeliveryWorker> | undefined;
try {
  const { planId, itemIds, lead } = await createTickingPlan(ITEMS);
  const actor = { ...lead, isAdmin: false };
  for (let index = 0; index < RECEIVERS; index += 1) {
    const receiver = await startWebhookReceiver();
    receivers.push(receiver);
    await createWebhook(actor, { planId }, { url: receiver.url, events: ["*"], format: "json" });
  }
  const startWorker = () => startDeliveryWorker({ databaseUrl: database.url, appSecret: APP_SECRET, retryBaseMs: 1_000, timeoutMs: 5_000, pollMs: 1_000, log });
  const versions = new Map(itemIds.map((itemId) => [itemId, 0]));
  /** Records `EVENTS` ticks one after another; the time each applyPlanChange returned, by sequence number. */
  const produce = async () => {
    const committedAt = new Map<number, number>();
    for (let index = 0; index < EVENTS; index += 1) {
      const itemId = itemIds[index % itemIds.length]!;
      const version = versions.get(itemId)!;
      const { message } = await applyPlanChange(actor, planId, setStatus(itemId, version));
      committedAt.set(message.seq, Date.now());
      versions.set(itemId, version + 1);
    }
    return committedAt;
  };
  const allReceived = async (count: number) => {
    const deadline = Date.now() + 300_000;
    while (receivers.some((receiver) => receiver.requests.length < count) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    return Math.max(...receivers.flatMap((receiver) => receiver.requests.map((request) => request.receivedAt)));
  };
  const sequencesOf = (receiver: (typeof receivers)[number]) => receiver.requests.map((request) => Number(String(request.headers["preflight-event-id"]).split(":")[1]));
  const inOrder = () => receivers.every((receiver) => sequencesOf(receiver).every((seq, index, all) => index === 0 || seq > all[index - 1]!));

  log("method: one process runs applyPlanChange (1 writer, ticks one after another), the delivery worker (one loop: up to 20 subscriptions at once, runs of up to 50 deliveries each sent in order, NOTIFY wake-up) and the receivers; PostgreSQL on DATABASE_URL's server");
  log("commit time = when applyPlanChange returned (after COMMIT); receipt = when the receiver had the whole request; both Date.now() in this process");

  // 1. Live: the worker runs while the events are recorded.
  worker = startWorker();
  const started = Date.now();
  const committedAt = await produce();
  const producedIn = Date.now() - started;
  const lastReceipt = await allReceived(EVENTS);
  const latencies = receivers.flatMap((receiver) => sequencesOf(receiver).map((seq, index) => receiver.requests[index]!.receivedAt - committedAt.get(seq)!));
  const delivered = receivers.reduce((sum, receiver) => sum + receiver.requests.length, 0);
  log(`live: ${EVENTS} events committed in ${(producedIn / 1000).toFixed(2)} s (${Math.round(EVENTS / (producedIn / 1000))} events/s)`);
  log(`live: ${delivered} of ${EVENTS * RECEIVERS} deliveries received by ${RECEIVERS} receivers, in order per subscription: ${inOrder() ? "yes" : "NO"}`);
  log(`live: throughput ${Math.round(delivered / ((lastReceipt - started) / 1000))} deliveries/s (first commit → last receipt: ${((lastReceipt - started) / 1000).toFixed(2)} s; bounded by how fast events are recorded)`);
  log(`live: commit → receipt p50 ${pct(latencies, 50)} ms, p95 ${pct(latencies, 95)} ms, max ${pct(latencies, 100)} ms (n=${latencies.length})`);

  // 2. Backlog: the same number of events queued while no worker runs, then drained.
  await worker.stop();
  worker = undefined;
  await produce();
  const drainStarted = Date.now();
  worker = startWorker();
  const drained = await allReceived(2 * EVENTS);
  log(`backlog: ${EVENTS * RECEIVERS} queued deliveries drained in ${((drained - drainStarted) / 1000).toFixed(2)} s: ${Math.round((EVENTS * RECEIVERS) / ((drained - drainStarted) / 1000))} deliveries/s, in order: ${inOrder() ? "yes" : "NO"}`);
} finally {
  await worker?.stop();
  for (const receiver of receivers) await receiver.close();
  await closeDatabaseConnections();
  await database.drop().then(
    () => log(`dropped ${database.name}`),
    (error: unknown) => log(`could not drop ${database.name}: ${String(error)}`),
  );
  await server.stop();
}
