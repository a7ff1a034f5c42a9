import { describe, expect, it } from "vitest";
import { sessionIdOfWorker, sessionOwnerOf, workerSocketPath } from "@/lib/realtime/worker-sessions";

describe("which worker owns a socket.io request's session", () => {
  it("reads the worker from the sid of a socket.io request", () => {
    const sid = sessionIdOfWorker(3);
    expect(sid).toMatch(/^w3_[A-Za-z0-9_-]{20}$/);
    expect(sessionOwnerOf(`/socket.io/?EIO=4&transport=polling&sid=${sid}`)).toBe(3);
    expect(sessionOwnerOf(`/socket.io/?sid=${encodeURIComponent(sid)}&EIO=4&transport=websocket`)).toBe(3);
    expect(sessionOwnerOf("/socket.io/?EIO=4&transport=polling&sid=w12_abc")).toBe(12);
  });

  it("names no owner for a new session, another path, or a sid that is not ours", () => {
    expect(sessionOwnerOf("/socket.io/?EIO=4&transport=polling")).toBeNull();
    expect(sessionOwnerOf("/socket.io/")).toBeNull();
    expect(sessionOwnerOf("/api/plans?sid=w1_abc")).toBeNull();
    expect(sessionOwnerOf("/socket.iox/?sid=w1_abc")).toBeNull();
    expect(sessionOwnerOf("/socket.io/?sid=abc")).toBeNull();
    expect(sessionOwnerOf("/socket.io/?sid=w_abc")).toBeNull();
    expect(sessionOwnerOf("/socket.io/?sid=wabc_1")).toBeNull();
    expect(sessionOwnerOf(undefined)).toBeNull();
  });

  it("reads a long hostile URL in linear time", () => {
    const hostile = `/socket.io/?sid=w${"1".repeat(100_000)}`;
    const started = performance.now();
    expect(sessionOwnerOf(hostile)).toBeNull();
    expect(sessionOwnerOf(`/socket.io/?${"sid=w1&".repeat(20_000)}`)).toBeNull();
    // Generous: a quadratic scan of 100 KB would take seconds.
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it("gives each worker of each primary its own Unix socket", () => {
    expect(workerSocketPath(100, 1)).not.toBe(workerSocketPath(100, 2));
    expect(workerSocketPath(100, 1)).not.toBe(workerSocketPath(101, 1));
  });
});
