import { PostgresAdapter } from "@socket.io/postgres-adapter";

/**
 * Whether another app process may hear what this one publishes over the cluster adapter, so
 * that a single process skips the publish (a pg_notify per tick, per presence change) that
 * nobody would receive.
 * - No adapter: socket.io's in-memory one, a single process by construction.
 * - The PostgreSQL adapter (a ClusterAdapterWithHeartbeat) counts the processes it has heard
 *   from: each announces itself when it starts (INITIAL_HEARTBEAT, answered by the others)
 *   and then beats every 5 s; one silent for 10 s is dropped. serverCount() reads that map,
 *   no round trip. A second process that starts is known here as soon as its first
 *   heartbeat arrives, normally before its first client has even connected; an event this
 *   process did not relay in that moment is one its watchers learn of from the plan
 *   heartbeat (plan-heartbeat.ts) and fetch, as they do for a relay lost in a database blip.
 * - Any other adapter (Redis): its serverCount() is a round trip, so it always publishes.
 */
export function peersOf(adapter: unknown): () => Promise<boolean> {
  if (adapter === undefined) return () => Promise.resolve(false);
  if (adapter instanceof PostgresAdapter) return async () => (await adapter.serverCount()) > 1;
  return () => Promise.resolve(true);
}
