import { createAdapter as createPostgresAdapter } from "@socket.io/postgres-adapter";
import { createAdapter as createRedisAdapter } from "@socket.io/redis-adapter";
import { createClient } from "redis";
import { isShuttingDown } from "@/lib/boot/shutdown-state";
import { createPool, endPool } from "@/lib/db";
import { logger } from "@/lib/logger";
import { isDatabaseUnavailable } from "@/lib/db/database-unavailable";
import { noteDatabaseReachable, noteDatabaseUnavailable } from "@/lib/db/outage-log";
import pg from "pg";

/**
 * How broadcasts reach clients connected to other app processes. PostgreSQL's
 * LISTEN/NOTIFY needs no extra server, so it is the default; with REDIS_URL set, Redis
 * pub/sub carries them instead.
 *
 * Every client here has an error listener: a database or Redis outage is logged (once, see
 * lib/db/outage-log.ts), and must never end the process as an uncaughtException.
 *
 * Healing after a blip:
 * - postgres: the adapter re-acquires its LISTEN connection when the old one emits `end`
 *   (with a 1-3 s delay, and again until it succeeds). pg emits `end` after `error` only if
 *   the error was handled, which the listeners here do. The LISTEN connection is one of its
 *   own, outside the pool (see listenOutsideThePool).
 * - redis: node-redis reconnects by itself and resubscribes.
 * Either way, events relayed while the channel was down are lost in transit; `onReconnected`
 * tells the socket server, which announces its rooms' latest sequence numbers so that
 * watchers fetch what they missed (lib/realtime/plan-heartbeat.ts).
 */
export async function createClusterAdapter(options: { databaseUrl: string; redisUrl?: string }) {
  const reconnectedListeners: (() => void)[] = [];
  let lost = false;
  const reportError = (error: Error) => {
    // On Ctrl-C an embedded database is signalled too and may close connections first.
    if (isShuttingDown()) return logger.debug("live updates across processes: connection closed during shutdown", error.message);
    lost = true;
    if (isDatabaseUnavailable(error)) noteDatabaseUnavailable(error.message);
    else logger.warn("live updates across processes: connection problem", error.message);
  };
  const connected = () => {
    if (!lost) return;
    lost = false;
    logger.warn("live updates across processes: connection restored");
    for (const listener of reconnectedListeners) listener();
  };
  const onReconnected = (listener: () => void) => void reconnectedListeners.push(listener);
  if (options.redisUrl) {
    const publisher = createClient({ url: options.redisUrl });
    const subscriber = publisher.duplicate();
    publisher.on("error", reportError);
    subscriber.on("error", reportError);
    subscriber.on("ready", connected);
    await Promise.all([publisher.connect(), subscriber.connect()]);
    return {
      adapter: createRedisAdapter(publisher, subscriber),
      description: "redis",
      onReconnected,
      close: async () => {
        await Promise.allSettled([publisher.quit(), subscriber.quit()]);
      },
    };
  }
  // One pooled connection for NOTIFY, so relayed events leave in the order they were sent,
  // and the adapter's LISTEN connection of its own. createPool gives each an error listener.
  const pool = createPool(options.databaseUrl, 1);
  pool.on("connect", (client) => {
    client.on("error", reportError);
    connected();
  });
  const adapterPool = listenOutsideThePool(pool, options.databaseUrl, { onError: reportError, onConnected: connected });
  return {
    adapter: createPostgresAdapter(adapterPool, { tableName: "socket_io_attachments", errorHandler: reportError }),
    description: "postgres",
    onReconnected,
    close: () => endPool(pool),
  };
}

type ConnectCallback = (error: Error | undefined, client: pg.PoolClient | undefined, done: (release?: unknown) => void) => void;

/**
 * What the postgres adapter gets as its pool. The adapter takes its LISTEN connection with
 * `pool.connect()` and, when that connection ends (a database blip), takes a new one without
 * releasing the dead one (@socket.io/postgres-adapter 0.5.0, the latest). A pg pool counts a
 * connection until it is released, so after a blip or two the pool is full of dead LISTEN
 * connections and every NOTIFY waits for a slot that never frees: instances stop hearing each
 * other. Here `connect()` opens a connection of its own instead, whose `release()` closes it;
 * the adapter's queries (NOTIFY, large-message attachments, clean-up) go to the shared pool:
 * pg's `query()` takes its connection with `connect(callback)`, which is handed to that pool.
 * This pool itself never opens a connection. The adapter only calls these two methods.
 */
class ListenOutsideThePool extends pg.Pool {
  constructor(
    private readonly queries: pg.Pool,
    private readonly databaseUrl: string,
    private readonly hooks: { onError: (error: Error) => void; onConnected: () => void },
  ) {
    super({ max: 1 });
  }

  override connect(): Promise<pg.PoolClient>;
  override connect(callback: ConnectCallback): void;
  override connect(callback?: ConnectCallback): Promise<pg.PoolClient> | void {
    if (callback) return this.queries.connect(callback);
    return this.listenConnection();
  }

  private async listenConnection(): Promise<pg.PoolClient> {
    const client = new pg.Client({ connectionString: this.databaseUrl, connectionTimeoutMillis: 5_000 });
    client.on("error", this.hooks.onError);
    try {
      await client.connect();
    } catch (error) {
      await client.end().catch(() => {});
      throw error;
    }
    noteDatabaseReachable();
    this.hooks.onConnected();
    return Object.assign(client, { release: () => void client.end().catch(() => {}) });
  }
}

function listenOutsideThePool(pool: pg.Pool, databaseUrl: string, hooks: { onError: (error: Error) => void; onConnected: () => void }): pg.Pool {
  return new ListenOutsideThePool(pool, databaseUrl, hooks);
}
