import { createAdapter as createPostgresAdapter } from "@socket.io/postgres-adapter";
import { createAdapter as createRedisAdapter } from "@socket.io/redis-adapter";
import { createClient } from "redis";
import { createPool } from "@/lib/db";

/**
 * How broadcasts reach clients connected to other app processes. PostgreSQL's
 * LISTEN/NOTIFY needs no extra server, so it is the default; with REDIS_URL set, Redis
 * pub/sub carries them instead.
 */
export async function createClusterAdapter(options: { databaseUrl: string; redisUrl?: string }) {
  if (options.redisUrl) {
    const publisher = createClient({ url: options.redisUrl });
    const subscriber = publisher.duplicate();
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
  // the order they were sent.
  const pool = createPool(options.databaseUrl, 2);
  return {
    adapter: createPostgresAdapter(pool, { tableName: "socket_io_attachments" }),
    description: "postgres",
    close: () => pool.end(),
  };
}
