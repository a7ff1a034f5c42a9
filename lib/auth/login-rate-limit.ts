import { createHash } from "node:crypto";
import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import { createPool } from "@/lib/db";
import { databaseUrl, settings } from "@/lib/env";

/**
 * Sign-in attempts are limited in PostgreSQL (the `rate_limits` table from our migrations), so
 * the limits hold across app instances and restarts. Two limits apply to every attempt, and
 * the attempt is counted before its password is checked, so a parallel burst cannot slip
 * through between a check and a count:
 *
 * - per account and client address: LOGIN_MAX_ATTEMPTS per LOGIN_WINDOW_SECONDS (the address is
 *   the TCP peer unless TRUSTED_PROXIES says otherwise, lib/http/client-address.ts);
 * - per account, across all addresses: after LOGIN_MAX_ATTEMPTS consecutive attempts without a
 *   success (as many as one address may make), each further attempt must wait 1, 2, 4, …
 *   seconds (at most ACCOUNT_MAX_DELAY_SECONDS) after the one before. That slows a guesser with
 *   many addresses to a crawl but never locks the owner out for long.
 *
 * A successful sign-in clears both for that account (and address).
 */

export const ACCOUNT_MAX_DELAY_SECONDS = 60;
/** Consecutive failures of an account are forgotten a day after the first of them. */
const ACCOUNT_MEMORY_SECONDS = 24 * 60 * 60;

interface Limiters {
  perAddress: RateLimiterPostgres;
  accountAttempts: RateLimiterPostgres;
  /** One point per account: held for the current delay by the attempt that passed it. */
  accountGate: RateLimiterPostgres;
}

const globalForLimiter = globalThis as unknown as { preflightLoginLimiters?: Limiters; preflightLoginPool?: ReturnType<typeof createPool> };

function limiters(): Limiters {
  if (!globalForLimiter.preflightLoginLimiters) {
    const pool = createPool(databaseUrl(), 2);
    globalForLimiter.preflightLoginPool = pool;
    const common = { storeClient: pool, storeType: "pool", tableName: "rate_limits", tableCreated: true } as const;
    globalForLimiter.preflightLoginLimiters = {
      perAddress: new RateLimiterPostgres({
        ...common,
        keyPrefix: "login",
        points: settings().LOGIN_MAX_ATTEMPTS,
        duration: settings().LOGIN_WINDOW_SECONDS,
      }),
      // The table is shared: one limiter sweeping expired rows is enough.
      accountAttempts: new RateLimiterPostgres({ ...common, clearExpiredByTimeout: false, keyPrefix: "login-account", points: 1_000_000, duration: ACCOUNT_MEMORY_SECONDS }),
      accountGate: new RateLimiterPostgres({ ...common, clearExpiredByTimeout: false, keyPrefix: "login-gate", points: 1, duration: 1 }),
    };
  }
  return globalForLimiter.preflightLoginLimiters;
}

/**
 * The limiter keys of an account (and address). The email is hashed so that a key always fits
 * the table's 255 characters; an operator finds a key with `loginLimitKeys(email, address)`.
 */
export function loginLimitKeys(email: string, clientAddress: string): { account: string; accountAndAddress: string } {
  const account = createHash("sha256").update(email.trim().toLowerCase()).digest("hex").slice(0, 40);
  return { account, accountAndAddress: `${account}|${clientAddress.slice(0, 100)}` };
}

/** How long the attempt after `attempt` consecutive unsuccessful ones must wait, in seconds. */
export function accountDelaySeconds(attempt: number, freeAttempts = settings().LOGIN_MAX_ATTEMPTS): number {
  if (attempt <= freeAttempts) return 0;
  const doublings = Math.min(attempt - freeAttempts - 1, 30);
  return Math.min(2 ** doublings, ACCOUNT_MAX_DELAY_SECONDS);
}

export type LoginAttemptVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number; reason: "address" | "account" };

function secondsOf(refusal: RateLimiterRes): number {
  return Math.max(1, Math.ceil(refusal.msBeforeNext / 1000));
}

/** Rejections of rate-limiter-flexible are RateLimiterRes answers ("no points left"); anything else is a real error. */
async function consumeOrRefusal(consume: Promise<RateLimiterRes>): Promise<RateLimiterRes | { refused: RateLimiterRes }> {
  try {
    return await consume;
  } catch (error) {
    if (error instanceof RateLimiterRes) return { refused: error };
    throw error;
  }
}

/**
 * Counts a sign-in attempt and says whether its password may be checked. Call it before
 * checking the password; call `loginSucceeded` after a correct one. An attempt refused here
 * is given back, so waiting does not use up the budget.
 */
export async function beginLoginAttempt(email: string, clientAddress: string): Promise<LoginAttemptVerdict> {
  const { perAddress, accountAttempts, accountGate } = limiters();
  const keys = loginLimitKeys(email, clientAddress);

  const addressAnswer = await consumeOrRefusal(perAddress.consume(keys.accountAndAddress));
  if ("refused" in addressAnswer) return { allowed: false, reason: "address", retryAfterSeconds: secondsOf(addressAnswer.refused) };

  // Each concurrent attempt gets its own number here, so a burst cannot all read "no failures yet".
  const attempt = (await accountAttempts.consume(keys.account)).consumedPoints;
  const delay = accountDelaySeconds(attempt);
  if (delay === 0) return { allowed: true };

  // Only one attempt at a time passes the gate; it then stays shut for `delay` seconds.
  const gateAnswer = await consumeOrRefusal(accountGate.consume(keys.account, 1, { customDuration: delay }));
  if (!("refused" in gateAnswer)) return { allowed: true };
  await Promise.all([accountAttempts.reward(keys.account, 1), perAddress.reward(keys.accountAndAddress, 1)]);
  return { allowed: false, reason: "account", retryAfterSeconds: secondsOf(gateAnswer.refused) };
}

/** A correct password: the account's failures (and this address's) are forgotten. */
export async function loginSucceeded(email: string, clientAddress: string): Promise<void> {
  const { perAddress, accountAttempts, accountGate } = limiters();
  const keys = loginLimitKeys(email, clientAddress);
  await Promise.all([perAddress.delete(keys.accountAndAddress), accountAttempts.delete(keys.account), accountGate.delete(keys.account)]);
}
