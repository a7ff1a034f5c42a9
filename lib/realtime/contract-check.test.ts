import { afterEach, describe, expect, it, vi } from "vitest";
import { checkedAck, ContractViolation, isValidAck, isValidServerEvent } from "@/lib/realtime/contract-check";
import type { CatchUp, PlanHead } from "@/lib/realtime/socket-contract";

const message = { planId: "p", seq: 3, at: "2026-01-01T00:00:00.000Z", actor: null, event: { type: "plan.status", status: "RUNNING" } } as const;

/** Values that claim a type the server broke: what a drifted server would send. */
function drifted<T>(value: unknown): T {
  return value as T;
}

describe("the browser's check of the socket contract", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
  });

  it("passes what the contract allows, whatever a plan event's own payload", () => {
    const answer: CatchUp = { ok: true, events: [drifted(message)] };
    expect(checkedAck("plan:join", answer)).toBe(answer);
    expect(checkedAck("plan:sync", { ok: true, reload: true })).toEqual({ ok: true, reload: true });
    expect(checkedAck("plan:change", { ok: false, status: 409, error: { code: "conflict", message: "Changed meanwhile.", current: {} } })).toMatchObject({ status: 409 });
    expect(isValidServerEvent("plan:event", drifted(message))).toBe(true);
    expect(isValidServerEvent("plan:presence", { kind: "delta", planId: "p", source: "A", seq: 2, upserted: [], left: ["u1"] })).toBe(true);
    expect(isValidAck("dashboard:watch", { ok: true })).toBe(true);
  });

  it("reports a broken acknowledgement and treats it as a failure", () => {
    const report = vi.spyOn(console, "error").mockImplementation(() => {});
    expect(() => checkedAck("plan:join", drifted<CatchUp>({ ok: true, events: [{ ...message, seq: "3" }] }))).toThrow(ContractViolation);
    expect(() => checkedAck("plan:change", drifted({ ok: false, status: 500 }))).toThrow(/answer to "plan:change"/);
    expect(isValidAck("dashboard:watch", drifted({}))).toBe(false);
    expect(report).toHaveBeenCalledTimes(3);
    expect(String(report.mock.calls[0]![0])).toMatch(/socket contract violation in the answer to "plan:join"/);
  });

  it("reports a broken server event, so the page ignores it", () => {
    const report = vi.spyOn(console, "error").mockImplementation(() => {});
    expect(isValidServerEvent("plan:head", drifted<PlanHead>({ planId: "p" }))).toBe(false);
    expect(isValidServerEvent("plan:presence", drifted({ kind: "everyone", planId: "p", source: "A", seq: 1 }))).toBe(false);
    expect(report).toHaveBeenCalledTimes(2);
    expect(String(report.mock.calls[0]![0])).toMatch(/the "plan:head" event/);
  });

  it("skips the parse in production", () => {
    vi.stubEnv("NODE_ENV", "production");
    const report = vi.spyOn(console, "error").mockImplementation(() => {});
    expect(isValidServerEvent("plan:head", drifted<PlanHead>({ planId: "p" }))).toBe(true);
    expect(checkedAck("plan:sync", drifted<CatchUp>({ nonsense: true }))).toEqual({ nonsense: true });
    expect(report).not.toHaveBeenCalled();
  });
});
