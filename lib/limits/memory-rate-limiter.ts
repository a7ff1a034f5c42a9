import cluster from "node:cluster";
import { RateLimiterCluster, RateLimiterClusterMaster, RateLimiterMemory, type RateLimiterAbstract } from "rate-limiter-flexible";

/**
 * A rate limiter counted in memory (no database round trip per request), the same count for
 * the whole server: in a single process its own memory; in a worker of `npm start`'s cluster
 * (lib/boot/cluster-primary.ts) the primary's, asked over the cluster's IPC channel, so a limit
 * holds whichever worker a request lands on. This is rate-limiter-flexible's own design for
 * node:cluster (RateLimiterCluster in the workers, RateLimiterClusterMaster in the primary).
 */
export function memoryRateLimiter(options: { keyPrefix: string; points: number; duration: number }): RateLimiterAbstract {
  // An answer from the primary takes well under a millisecond; a second means it is gone.
  return cluster.isWorker ? new RateLimiterCluster({ ...options, timeoutMs: 1_000 }) : new RateLimiterMemory(options);
}

/** In the cluster's primary, before any worker starts: keeps the counts for the workers' limiters. */
export function keepWorkerRateLimits(): void {
  new RateLimiterClusterMaster();
}
