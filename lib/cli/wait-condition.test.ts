import { describe, expect, it } from "vitest";
import { judgeWait } from "@/lib/cli/wait-condition";
import type { RunStatusGate } from "@/lib/plans/plan-run-status-shape";

const goNoGo = (overrides: Partial<RunStatusGate> = {}): RunStatusGate => ({
  id: "g1",
  title: "Go/No-Go",
  kind: "GO_NO_GO",
  state: "pending",
  decision: null,
  roles: [],
  rejections: [],
  ...overrides,
});

const decision = (value: "GO" | "NO_GO" | "DEFER", stale = false) => ({ decision: value, by: "Dana", rationale: "Error rate 3%", stale });

describe("when `preflight wait` stops", () => {
  it("a gate holds once satisfied, is refused on a NO-GO or a rejection, and keeps waiting on DEFER", () => {
    expect(judgeWait({ status: "SCHEDULED", gates: [goNoGo({ state: "satisfied", decision: decision("GO") })] }, { gateId: "g1" })).toEqual({ outcome: "holds", message: "Go/No-Go: GO by Dana." });
    expect(judgeWait({ status: "SCHEDULED", gates: [goNoGo({ state: "rejected", decision: decision("NO_GO") })] }, { gateId: "g1" })).toEqual({
      outcome: "refused",
      message: "Go/No-Go: NO-GO by Dana — Error rate 3%.",
    });
    const rejected = goNoGo({ kind: "PRE_DEPLOYMENT", title: "Pre-deploy", state: "rejected", rejections: [{ title: "QA Lead", by: "Quinn", reason: "Smoke tests red" }] });
    expect(judgeWait({ status: "SCHEDULED", gates: [rejected] }, { gateId: "g1" })).toEqual({ outcome: "refused", message: "Pre-deploy: rejected by Quinn (QA Lead) — Smoke tests red." });
    expect(judgeWait({ status: "SCHEDULED", gates: [goNoGo({ decision: decision("DEFER") })] }, { gateId: "g1" })).toEqual({ outcome: "pending", message: "Go/No-Go: waiting for a decision (deferred)." });
    // A GO made stale by a later change no longer counts.
    const stale = goNoGo({ decision: decision("GO", true), roles: [{ title: "CAB", quorum: 1, state: "pending" }] });
    expect(judgeWait({ status: "SCHEDULED", gates: [stale] }, { gateId: "g1" })).toEqual({ outcome: "pending", message: "Go/No-Go: waiting for the Go/No-Go decision, CAB." });
    expect(judgeWait({ status: "SCHEDULED", gates: [] }, { gateId: "g1" }).outcome).toBe("refused");
  });

  it("a status holds when reached and is refused once the plan can no longer reach it", () => {
    expect(judgeWait({ status: "COMPLETE", gates: [] }, { status: "COMPLETE" }).outcome).toBe("holds");
    expect(judgeWait({ status: "IN_PROGRESS", gates: [] }, { status: "COMPLETE" })).toEqual({ outcome: "pending", message: "The plan is in progress; waiting for complete." });
    expect(judgeWait({ status: "ABORTED", gates: [] }, { status: "COMPLETE" })).toEqual({ outcome: "refused", message: "The plan is aborted; it can no longer become complete." });
    expect(judgeWait({ status: "ROLLING_BACK", gates: [] }, { status: "COMPLETE" }).outcome).toBe("refused");
    expect(judgeWait({ status: "COMPLETE", gates: [] }, { status: "ROLLED_BACK" }).outcome).toBe("pending");
  });
});
