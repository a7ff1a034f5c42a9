/**
 * Preflight's server: one HTTP server on one port serving Next.js and socket.io.
 *
 * Start-up: validate settings → pick the database (DATABASE_URL, or an embedded PostgreSQL)
 * → apply migrations → load demo data where appropriate → serve. Ctrl-C / SIGTERM stop
 * everything it started, the embedded database included.
 */
import { createServer } from "node:http";
import next from "next";
import { stopAccepting } from "@/lib/boot/close-http-server";
import { developmentAuthSecret } from "@/lib/boot/development-secret";
import { resolveDatabase } from "@/lib/boot/resolve-database";
import { installShutdown } from "@/lib/boot/shutdown";
import { applyMigrations } from "@/lib/db/migrate";
import { ConfigurationError, parseSettings } from "@/lib/env";

const log = (line: string) => console.log(`[preflight] ${line}`);

// First, so that a signal during start-up already stops what has been started.
const shutdown = installShutdown({ log });

async function main() {
  // The custom server resolves two settings itself and hands them to everything else
  // (Next's bundles included) through the environment, before anything reads it.
  const initial = parseSettings(process.env);
  const dev = initial.NODE_ENV !== "production";
  if (!initial.AUTH_SECRET) process.env.AUTH_SECRET = await developmentAuthSecret();
  process.env.AUTH_TRUST_HOST ??= String(initial.AUTH_TRUST_HOST);
  process.env.NEXT_TELEMETRY_DISABLED ??= "1";

  const database = await resolveDatabase({ databaseUrl: initial.DATABASE_URL, embeddedPort: initial.EMBEDDED_DATABASE_PORT, log });
  process.env.DATABASE_URL = database.url;
  shutdown.add("database", "embedded database", () => database.stop());
  // The tsx-loaded copy of lib/db closes every pool of the process, Next's bundles' included.
  shutdown.add("pools", "database connections", async () => (await import("@/lib/db")).closeDatabaseConnections());

  const migrations = await applyMigrations(database.url, { log });
  if (migrations.unknownInDatabase.length) {
    log(`warning: the database has migrations this version does not know: ${migrations.unknownInDatabase.join(", ")}`);
  }

  // Loaded only now so that every module sees the final environment.
  const { settings } = await import("@/lib/env");
  const { shouldSeedDemoData, seedDemoData } = await import("@/lib/demo/seed-demo-data");
  const { attachSocketServer } = await import("@/lib/realtime/socket-server");
  const { createClusterAdapter } = await import("@/lib/realtime/cluster-adapter");
  const { stampClientAddress } = await import("@/lib/http/client-address");
  const { serveFastChanges } = await import("@/lib/http/fast-changes-route");
  const config = settings();
  if (await shouldSeedDemoData(config.DEMO_DATA, !dev)) {
    const { createdAccounts, createdPlan, pastPlans } = await seedDemoData();
    if (createdAccounts || createdPlan) {
      log(`loaded demo data: ${createdAccounts} accounts (password: preflight-demo)${createdPlan ? `, 1 plan and ${pastPlans} past deployments` : ""}`);
    }
  }

  const app = next({ dev, hostname: config.HOST, port: config.PORT });
  const handle = app.getRequestHandler();
  await app.prepare();

  // Next does not see the TCP peer: hand it the client address (as TRUSTED_PROXIES allows) in a header of ours.
  const httpServer = createServer((request, response) => {
    stampClientAddress(request);
    // POST /api/plans/:id/changes is answered here, before Next's router (see the module for why).
    if (!serveFastChanges(request, response)) void handle(request, response);
  });
  const cluster = await createClusterAdapter({ databaseUrl: database.url, redisUrl: config.REDIS_URL });
  const io = attachSocketServer(httpServer, {
    authSecret: config.AUTH_SECRET!,
    adapter: cluster.adapter,
    appUrl: config.AUTH_URL,
    heartbeatIntervalMs: config.PLAN_HEARTBEAT_SECONDS * 1000,
    onClusterReconnected: cluster.onReconnected,
  });
  let drainHttp: (graceMs: number) => Promise<void> = async () => {};
  shutdown.add("http", "HTTP server", async () => void (drainHttp = stopAccepting(httpServer)));
  shutdown.add("sockets", "socket.io", () => new Promise<void>((resolve) => io.close(() => resolve())));
  shutdown.add("sockets", "HTTP requests in flight", () => drainHttp(5_000));
  shutdown.add("sockets", "Next.js", () => app.close?.() ?? Promise.resolve());
  shutdown.add("cluster", "cluster adapter", () => cluster.close());

  // The webhook outbox's sender: one loop per process; several instances share the work safely.
  const { startDeliveryWorker } = await import("@/lib/webhooks/delivery-worker");
  const webhooks = startDeliveryWorker({
    databaseUrl: database.url,
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
    databaseUrl: database.url,
    smtpUrl: config.SMTP_URL,
    mailFrom: config.MAIL_FROM,
    retryBaseMs: config.MAIL_RETRY_BASE_MS,
    pollMs: config.MAIL_POLL_MS,
    log,
  });
  shutdown.add("cluster", "mail", () => mail.stop());
  // The notification outbox's worker: turns committed events into bell entries and mail, one loop per process.
  const { startNotificationWorker } = await import("@/lib/notifications/notification-worker");
  const notifications = startNotificationWorker({ databaseUrl: database.url, pollMs: config.WEBHOOK_POLL_MS, log });
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
  log(`ready on http://localhost:${config.PORT} (${dev ? "development" : "production"}) · database: ${database.description} · live updates: socket.io via ${cluster.description}`);
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
