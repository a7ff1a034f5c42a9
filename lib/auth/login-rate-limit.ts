import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import { createPool } from "@/lib/db";
import { databaseUrl, settings } from "@/lib/env";

/**
 * Failed sign-ins are counted per email and client address in PostgreSQL (the
 * `rate_limits` table from our migrations), so the limit holds across app instances and
 * restarts. A successful sign-in clears the count.
 */

const globalForLimiter = globalThis as unknown as { preflightLoginLimiter?: RateLimiterPostgres; preflightLoginPool?: ReturnType<typeof createPool> };

function limiter(): RateLimiterPostgres {
  if (!globalForLimiter.preflightLoginLimiter) {
    const pool = createPool(databaseUrl(), 2);
    globalForLimiter.preflightLoginPool = pool;
    globalForLimiter.preflightLoginLimiter = new RateLimiterPostgres({
      storeClient: pool,
      storeType: "pool",
      tableName: "rate_limits",
      tableCreated: true,
      keyPrefix: "login",
      points: settings().LOGIN_MAX_ATTEMPTS,
      duration: settings().LOGIN_WINDOW_SECONDS,
    });
  }
  return globalForLimiter.preflightLoginLimiter;
}

function keyFor(email: string, clientAddress: string): string {
  return `${email}|${clientAddress}`;
}

/** Seconds until another attempt is allowed, or 0 when the caller may try now. */
export async function secondsUntilLoginAllowed(email: string, clientAddress: string): Promise<number> {
  const state = await limiter().get(keyFor(email, clientAddress));
  if (!state || state.consumedPoints < settings().LOGIN_MAX_ATTEMPTS) return 0;
  return Math.max(1, Math.ceil(state.msBeforeNext / 1000));
}

export async function recordFailedLogin(email: string, clientAddress: string): Promise<void> {
  await limiter()
    .consume(keyFor(email, clientAddress))
    .catch((error: unknown) => {
      // Running out of points is the expected outcome here, not a failure.
      if (!(error instanceof RateLimiterRes)) throw error;
    });
}

export async function clearFailedLogins(email: string, clientAddress: string): Promise<void> {
  await limiter().delete(keyFor(email, clientAddress));
}
