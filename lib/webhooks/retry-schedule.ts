/**
 * When a failed delivery is tried again: exponential backoff from a base (10 s by default,
 * WEBHOOK_RETRY_BASE_MS), each delay at most an hour, with "equal jitter" (half fixed, half
 * random) so that many deliveries failing together do not all come back at once. A delivery
 * still failing 24 hours after it was queued is given up.
 */

export const GIVE_UP_AFTER_MS = 24 * 60 * 60 * 1000;
const MAX_DELAY_MS = 60 * 60 * 1000;

export interface RetryInput {
  /** Attempts made so far, the failed one included (1 after the first failure). */
  attempts: number;
  queuedAt: Date;
  now: Date;
  baseMs: number;
  /** A number in [0, 1); Math.random in production, fixed in tests. */
  random: number;
}

/** The time of the next attempt, or null when the delivery should be marked failed. */
export function nextAttemptAt({ attempts, queuedAt, now, baseMs, random }: RetryInput): Date | null {
  const exponent = Math.min(Math.max(attempts - 1, 0), 30);
  const ceiling = Math.min(baseMs * 2 ** exponent, MAX_DELAY_MS);
  const delay = ceiling / 2 + (ceiling / 2) * random;
  const next = new Date(now.getTime() + delay);
  return next.getTime() - queuedAt.getTime() > GIVE_UP_AFTER_MS ? null : next;
}
