import { RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import { settings } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { memoryRateLimiter } from "@/lib/limits/memory-rate-limiter";

/**
 * How fast one person may send plan changes (ticks, comments, every other kind), over HTTP
 * and the socket alike: CHANGE_RATE_LIMIT per CHANGE_RATE_WINDOW_SECONDS (by default 100 per
 * 5 s: a sustained 20 a second, in bursts of up to 100), keyed by user id.
 *
 * Counted in memory (lib/limits/memory-rate-limiter.ts): no database round trip is added to a
 * tick, the workers of one server share one count, and the count is lost on restart. With
 * several servers behind a load balancer, a person whose requests are spread over them gets up
 * to that many times the limit; with sticky sessions they stay on one.
 *
 * One instance per process, on globalThis: route handlers run in Next's bundles, which load
 * their own copy of this module, and must count against the same limiter as the socket.
 */
const registry = globalThis as unknown as { preflightChangeLimiter?: RateLimiterAbstract };

function limiter(): RateLimiterAbstract {
  registry.preflightChangeLimiter ??= memoryRateLimiter({
    keyPrefix: "changes",
    points: settings().CHANGE_RATE_LIMIT,
    duration: settings().CHANGE_RATE_WINDOW_SECONDS,
  });
  return registry.preflightChangeLimiter;
}

/** A refusal because someone sent changes too fast; `retryAfterSeconds` says when to try again. */
export class RateLimitedError extends AppError {
  constructor(public readonly retryAfterSeconds: number) {
    super("rate_limited", `You are sending changes faster than this server accepts. Wait ${retryAfterSeconds} s and try again; nothing was changed.`, {
      retryAfterSeconds,
    });
  }
}

/** Counts one change for the user; throws RateLimitedError when they are over the limit. */
export async function countChange(userId: string): Promise<void> {
  try {
    await limiter().consume(userId);
  } catch (error) {
    if (error instanceof RateLimiterRes) throw new RateLimitedError(Math.max(1, Math.ceil(error.msBeforeNext / 1000)));
    throw error;
  }
}
