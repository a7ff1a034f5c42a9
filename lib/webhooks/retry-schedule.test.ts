import { describe, expect, it } from "vitest";
import { GIVE_UP_AFTER_MS, nextAttemptAt } from "@/lib/webhooks/retry-schedule";

const queuedAt = new Date("2026-12-07T10:00:00Z");
const after = (ms: number) => new Date(queuedAt.getTime() + ms);

describe("nextAttemptAt", () => {
  it("doubles the delay after each failure, between half and all of it", () => {
    const delays = [1, 2, 3, 4].map((attempts) => nextAttemptAt({ attempts, queuedAt, now: queuedAt, baseMs: 10_000, random: 0.999999 })!.getTime() - queuedAt.getTime());
    expect(delays.map((delay) => Math.round(delay / 1000))).toEqual([10, 20, 40, 80]);
    const lowest = nextAttemptAt({ attempts: 3, queuedAt, now: queuedAt, baseMs: 10_000, random: 0 })!;
    expect(lowest.getTime() - queuedAt.getTime()).toBe(20_000);
  });

  it("never waits more than an hour between attempts", () => {
    const next = nextAttemptAt({ attempts: 25, queuedAt, now: queuedAt, baseMs: 10_000, random: 0.999999 })!;
    expect(next.getTime() - queuedAt.getTime()).toBeLessThanOrEqual(60 * 60 * 1000);
  });

  it("gives up when the next attempt would fall more than 24 hours after the delivery was queued", () => {
    expect(nextAttemptAt({ attempts: 20, queuedAt, now: after(GIVE_UP_AFTER_MS - 10 * 60 * 1000), baseMs: 10_000, random: 0 })).toBeNull();
    expect(nextAttemptAt({ attempts: 20, queuedAt, now: after(GIVE_UP_AFTER_MS - 2 * 60 * 60 * 1000), baseMs: 10_000, random: 0 })).not.toBeNull();
  });
});
