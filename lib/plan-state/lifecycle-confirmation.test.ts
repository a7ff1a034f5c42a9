import { describe, expect, it } from "vitest";
import { lifecycleConfirmation, type ConfirmationInput } from "@/lib/plan-state/lifecycle-confirmation";

const WINDOW = Date.parse("2026-12-03T02:00:00Z"); // Thu 03:00 in Berlin
const base: ConfirmationInput = {
  action: "complete",
  items: [
    { status: "DONE", required: true, isRollback: false },
    { status: "PENDING", required: false, isRollback: false },
    { status: "PENDING", required: false, isRollback: false },
    { status: "PENDING", required: true, isRollback: true },
  ],
  monitoringChecks: 3,
  rollbackChecks: 3,
  checksScheduled: false,
  windowStart: WINDOW,
  timeZone: "Europe/Berlin",
  now: WINDOW + 60_000,
};

describe("lifecycleConfirmation", () => {
  it("says how early a start before the window is, in the plan's time zone", () => {
    const early = lifecycleConfirmation({ ...base, action: "start", now: WINDOW - (23 * 60 + 10) * 60_000 });
    expect(early?.lines[0]).toBe("The window opens in 23 h 10 min (Thu 3 Dec, 03:00 Europe/Berlin). Start now?");
    expect(early?.confirmLabel).toBe("Start now");
  });

  it("does not ask for a start in or after the window, or without one", () => {
    expect(lifecycleConfirmation({ ...base, action: "start", now: WINDOW })).toBeNull();
    expect(lifecycleConfirmation({ ...base, action: "start", windowStart: null })).toBeNull();
  });

  it("names the steps left pending and the monitoring checks to come when completing", () => {
    expect(lifecycleConfirmation(base)?.lines).toEqual([
      "2 steps still pending will stay pending.",
      "3 monitoring checks will be scheduled, counted from now.",
      "After that the steps can no longer change.",
    ]);
    expect(lifecycleConfirmation({ ...base, checksScheduled: true })?.lines[1]).toBe("The monitoring checks already scheduled stay as they are.");
  });

  it("does not ask to complete while required steps are open: the refusal lists them", () => {
    expect(lifecycleConfirmation({ ...base, items: [...base.items, { status: "FAILED", required: true, isRollback: false }] })).toBeNull();
  });

  it("counts only the rollback procedure when finishing a rollback", () => {
    expect(lifecycleConfirmation({ ...base, action: "finish-rollback" })?.lines[0]).toBe("1 rollback step still pending will stay pending.");
  });

  it("says a finished rollback schedules only checks that the rollback holds, and skips the release's pending ones", () => {
    expect(lifecycleConfirmation({ ...base, action: "finish-rollback" })?.lines.at(-1)).toBe("3 checks that the rollback holds will be scheduled, counted from now.");
    expect(lifecycleConfirmation({ ...base, action: "finish-rollback", checksScheduled: true })?.lines.at(-1)).toBe(
      "The release's pending monitoring checks will be skipped. 3 checks that the rollback holds will be scheduled, counted from now.",
    );
    expect(lifecycleConfirmation({ ...base, action: "finish-rollback", rollbackChecks: 0 })?.lines.at(-1)).toBe("No monitoring checks will be scheduled.");
  });

  it("asks a reason to abort and says nothing will be scheduled", () => {
    const abort = lifecycleConfirmation({ ...base, action: "abort" });
    expect(abort?.needsReason).toBe(true);
    expect(abort?.lines.join(" ")).toContain("No monitoring checks will be scheduled.");
  });
});
