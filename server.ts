/**
 * Preflight's server: one HTTP server on one port serving Next.js and socket.io.
 *
 * Start-up: validate settings → pick the database (DATABASE_URL, or an embedded PostgreSQL)
 * → apply migrations → load demo data where appropriate → serve. Ctrl-C / SIGTERM stop
 * everything it started, the embedded database included.
 *
 * With WEB_CONCURRENCY above 1 (production only) it serves with a cluster of workers: this
 * process does the start-up once and becomes the primary, and each worker serves
 * (lib/boot/cluster-primary.ts). Unset (one process) is the default for now: on the 2-core
 * machine we measure on, two workers made ticks slower (README, "How fast a tick reaches
 * everyone"), and one full test run with two workers failed a webhook restart test whose
 * cause is not found yet. `npm run dev` is always one process.
 */
import cluster from "node:cluster";
import { rmSync } from "node:fs";
import { createServer } from "node:http";
import next from "next";
import { stopAccepting } from "@/lib/boot/close-http-server";
import { reportWorkerReady, runWorkers } from "@/lib/boot/cluster-primary";
import { developmentAuthSecret } from "@/lib/boot/development-secret";
import { resolveDatabase } from "@/lib/boot/resolve-database";
import { installShutdown } from "@/lib/boot/shutdown";
import { applyMigrations } from "@/lib/db/migrate";
import { ConfigurationError, parseSettings } from "@/lib/env";

// A cluster's worker says which it is: several print the same lines.
const log = (line: string) => console.log(`[preflight${cluster.worker ? ` w${cluster.worker.id}` : ""}] ${line}`);

// First, so that a signal during start-up already stops what has been started.
const shutdown = installShutdown({ log });

async function main() {
  // The custom server resolves two settings itself and hands them to everything else
  // (Next's bundles and the workers included) through the environment, before anything reads it.
  const initial = parseSettings(process.env);
  const dev = initial.NODE_ENV !== "production";
  // A worker of a cluster: the primary has picked the database and applied the migrations.
  if (cluster.isWorker) return serve(dev, process.env.PREFLIGHT_DATABASE_DESCRIPTION ?? "");
  if (!initial.AUTH_SECRET) process.env.AUTH_SECRET = await developmentAuthSecret();
  process.env.AUTH_TRUST_HOST ??= String(initial.AUTH_TRUST_HOST);
  process.env.NEXT_TELEMETRY_DISABLED ??= "1";

  const database = await resolveDatabase({ databaseUrl: initial.DATABASE_URL, embeddedPort: initial.EMBEDDED_DATABASE_PORT, log });
  process.env.DATABASE_URL = database.url;
  shutdown.add("database", "embedded database", () => database.stop());

  const migrations = await applyMigrations(database.url, { log });
  if (migrations.unknownInDatabase.length) {
    log(`warning: the database has migrations this version does not know: ${migrations.unknownInDatabase.join(", ")}`);
  }

  // Loaded only now so that every module sees the final environment.
  const { settings } = await import("@/lib/env");
  const { shouldSeedDemoData, seedDemoData } = await import("@/lib/demo/seed-demo-data");
  if (await shouldSeedDemoData(settings().DEMO_DATA, !dev)) {
    const { createdAccounts, createdPlan, pastPlans } = await seedDemoData();
    if (createdAccounts || createdPlan) {
      log(`loaded demo data: ${createdAccounts} accounts (password: preflight-demo)${createdPlan ? `, 1 plan and ${pastPlans} past deployments` : ""}`);
    }
  }

  // `npm run dev` stays one process (one Next compiler, one place to debug).
  const workers = dev ? 1 : (initial.WEB_CONCURRENCY ?? 1);
  if (workers === 1) return serve(dev, database.description);
  // The primary needs no database connection of its own from here on.
  await (await import("@/lib/db")).closeDatabaseConnections();
  const { workerSocketPath } = await import("@/lib/realtime/worker-sessions");
  await runWorkers({
    count: workers,
    env: { PREFLIGHT_DATABASE_DESCRIPTION: database.description },
    log,
    shutdown,
    // A worker that was killed could not remove its Unix socket; its id is never used again.
    afterExit: (workerId) => rmSync(workerSocketPath(process.pid, workerId), { force: true }),
  });
  log(`ready on http://localhost:${initial.PORT} (production, ${workers} workers) · database: ${database.description}`);
}

/** One app process: Next.js, socket.io and the outbox workers on one HTTP server (alone, or as a cluster's worker). */
async function serve(dev: boolean, databaseDescription: string) {
  // The tsx-loaded copy of lib/db closes every pool of the process, Next's bundles' included.
  shutdown.add("pools", "database connections", async () => (await import("@/lib/db")).closeDatabaseConnections());
  const { settings } = await import("@/lib/env");
  const { attachSocketServer } = await import("@/lib/realtime/socket-server");
  const { createClusterAdapter } = await import("@/lib/realtime/cluster-adapter");
  const { stampClientAddress } = await import("@/lib/http/client-address");
  const { serveFastChanges } = await import("@/lib/http/fast-changes-route");
  const config = settings();
  const databaseUrl = config.DATABASE_URL!;

  const app = next({ dev, hostname: config.HOST, port: config.PORT });
  const handle = app.getRequestHandler();
  await app.prepare();

  // Next does not see the TCP peer: hand it the client address (as TRUSTED_PROXIES allows) in a header of ours.
  const httpServer = createServer((request, response) => {
    stampClientAddress(request);
    // POST /api/plans/:id/changes is answered here, before Next's router (see the module for why).
    if (!serveFastChanges(request, response)) void handle(request, response);
  });
  // Idle keep-alive connections are kept longer than clients and load balancers keep theirs
  // (60 s is common). With Node's 5 s, a request sent on a connection the server is closing at
  // that moment gets a reset (a balancer turns it into a 502), and a POST cannot be retried
  // safely. (The e2e suite met it: a change posted 5 s after the previous one, under load.)
  httpServer.keepAliveTimeout = 65_000;
  httpServer.headersTimeout = 66_000;
  const crossProcess = await createClusterAdapter({ databaseUrl, redisUrl: config.REDIS_URL });
  const io = attachSocketServer(httpServer, {
    authSecret: config.AUTH_SECRET!,
    adapter: crossProcess.adapter,
    appUrl: config.AUTH_URL,
    heartbeatIntervalMs: config.PLAN_HEARTBEAT_SECONDS * 1000,
    onClusterReconnected: crossProcess.onReconnected,
  });
  const worker = cluster.worker;
  if (worker) {
    // A cluster's worker names its socket.io sessions after itself and passes other workers' on (lib/realtime/worker-sessions.ts).
    const { routeSessionsToTheirWorkers, sessionIdOfWorker, workerSocketPath } = await import("@/lib/realtime/worker-sessions");
    io.engine.generateId = () => sessionIdOfWorker(worker.id);
    const closeRouting = await routeSessionsToTheirWorkers(httpServer, { workerId: worker.id, socketPathOf: (id) => workerSocketPath(process.ppid, id) });
    shutdown.add("http", "requests from the other workers", closeRouting);
  }
  let drainHttp: (graceMs: number) => Promise<void> = async () => {};
  shutdown.add("http", "HTTP server", async () => void (drainHttp = stopAccepting(httpServer)));
  shutdown.add("sockets", "socket.io", () => new Promise<void>((resolve) => io.close(() => resolve())));
  shutdown.add("sockets", "HTTP requests in flight", () => drainHttp(5_000));
  shutdown.add("sockets", "Next.js", () => app.close?.() ?? Promise.resolve());
  shutdown.add("cluster", "cluster adapter", () => crossProcess.close());

  // The webhook outbox's sender: one loop per process; several instances share the work safely.
  const { startDeliveryWorker } = await import("@/lib/webhooks/delivery-worker");
  const webhooks = startDeliveryWorker({
    databaseUrl,
    appSecret: config.AUTH_SECRET!,
    retryBaseMs: config.WEBHOOK_RETRY_BASE_MS,
    timeoutMs: config.WEBHOOK_TIMEOUT_MS,
    pollMs: config.WEBHOOK_POLL_MS,
    log,
  });
  shutdown.add("cluster", "webhook deliveries", () => webhooks.stop());

  // The mail outbox's sender, likewise one per process (without SMTP_URL it only marks mail as kept for /dev/mail).
  const { startMailWorker } = await import("@/lib/mail/mail-worker");
  const mail = startMailWorker({
    databaseUrl,
    smtpUrl: config.SMTP_URL,
    mailFrom: config.MAIL_FROM,
    retryBaseMs: config.MAIL_RETRY_BASE_MS,
    pollMs: config.MAIL_POLL_MS,
    log,
  });
  shutdown.add("cluster", "mail", () => mail.stop());
  // The notification outbox's worker: turns committed events into bell entries and mail, one loop per process.
  const { startNotificationWorker } = await import("@/lib/notifications/notification-worker");
  const notifications = startNotificationWorker({ databaseUrl, pollMs: config.WEBHOOK_POLL_MS, log });
  shutdown.add("cluster", "notification jobs", () => notifications.stop());
  // What time brings (a plan starting soon, a check due, no status update for a while); each notification is recorded once, so every process may sweep.
  const { startNotificationScheduler } = await import("@/lib/notifications/scheduler");
  const { db } = await import("@/lib/db");
  const { userRoom } = await import("@/lib/realtime/broadcast");
  const scheduler = startNotificationScheduler({
    database: db(),
    intervalMs: config.NOTIFY_SWEEP_MS,
    log,
    push: (pushes) => pushes.forEach(({ userId, payload }) => io.to(userRoom(userId)).emit("notification:new", payload)),
  });
  shutdown.add("cluster", "notification scheduler", () => scheduler.stop());

  await new Promise<void>((resolve, reject) => {
    httpServer.once("error", reject);
    httpServer.listen(config.PORT, config.HOST, resolve);
  });
  if (worker) {
    log(`worker ${worker.id} ready (pid ${process.pid}) · live updates: socket.io via ${crossProcess.description}`);
    reportWorkerReady();
  } else {
    log(`ready on http://localhost:${config.PORT} (${dev ? "development" : "production"}) · database: ${databaseDescription} · live updates: socket.io via ${crossProcess.description}`);
  }
}

main().catch((error: unknown) => {
  // A signal during start-up closes what start-up still uses; that is not a failure to report.
  if (shutdown.started) return;
  if (error instanceof ConfigurationError) {
    console.error(`[preflight] cannot start. ${error.message}\nSee .env.example for every setting.`);
  } else {
    console.error("[preflight] cannot start:", error instanceof Error ? error.message : error);
  }
  process.exit(1);
});
