import { createAdapter as createPostgresAdapter } from "@socket.io/postgres-adapter";
import { createAdapter as createRedisAdapter } from "@socket.io/redis-adapter";
import { createClient } from "redis";
import { isShuttingDown } from "@/lib/boot/shutdown-state";
import { createPool, endPool } from "@/lib/db";
import { logger } from "@/lib/logger";

/**
 * How broadcasts reach clients connected to other app processes. PostgreSQL's
 * LISTEN/NOTIFY needs no extra server, so it is the default; with REDIS_URL set, Redis
 * pub/sub carries them instead.
 *
 * Every client here has an error listener: a database or Redis outage is logged, and must
 * never end the process as an uncaughtException. (The postgres adapter re-acquires its LISTEN
 * connection when the old one ends; a full resubscription story is for a later issue.)
 */
export async function createClusterAdapter(options: { databaseUrl: string; redisUrl?: string }) {
  const reportError = (error: Error) => {
    // On Ctrl-C an embedded database is signalled too and may close connections first.
    if (isShuttingDown()) logger.debug("live updates across processes: connection closed during shutdown", error.message);
    else logger.warn("live updates across processes: connection problem", error.message);
  };
  if (options.redisUrl) {
    const publisher = createClient({ url: options.redisUrl });
    const subscriber = publisher.duplicate();
    publisher.on("error", reportError);
    subscriber.on("error", reportError);
    await Promise.all([publisher.connect(), subscriber.connect()]);
    return {
      adapter: createRedisAdapter(publisher, subscriber),
      description: "redis",
      close: async () => {
        await Promise.allSettled([publisher.quit(), subscriber.quit()]);
      },
    };
  }
  // Two connections: the adapter's LISTEN, and one for NOTIFY, so relayed events leave in
  // the order they were sent. createPool gives each of them an error listener.
  const pool = createPool(options.databaseUrl, 2);
  return {
    adapter: createPostgresAdapter(pool, { tableName: "socket_io_attachments", errorHandler: reportError }),
    description: "postgres",
    close: () => endPool(pool),
  };
}
