import { describe, expect, it } from "vitest";
import { handshakeRetryDelayMs, isRetriableRefusal } from "@/lib/realtime/handshake-retry";

describe("handshake retries", () => {
  it("retries only refusals the server marked retriable", () => {
    const outage = Object.assign(new Error("The database is unavailable; try again in a moment."), { data: { retriable: true, status: 503, retryAfterSeconds: 5 } });
    expect(isRetriableRefusal(outage)).toBe(true);
    expect(isRetriableRefusal(new Error("unauthenticated"))).toBe(false);
    expect(isRetriableRefusal(Object.assign(new Error("x"), { data: { retriable: "yes" } }))).toBe(false);
    expect(isRetriableRefusal(null)).toBe(false);
  });

  it("backs off 1 s, 2 s, 4 s, then 5 s, within ±50 %", () => {
    const middle = () => 0.5;
    expect([0, 1, 2, 3, 10].map((attempt) => handshakeRetryDelayMs(attempt, middle))).toEqual([1000, 2000, 4000, 5000, 5000]);
    expect(handshakeRetryDelayMs(0, () => 0)).toBe(500);
    expect(handshakeRetryDelayMs(5, () => 0.999999)).toBe(7500);
  });
});
