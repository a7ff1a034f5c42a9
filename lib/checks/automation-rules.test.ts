import { describe, expect, it } from "vitest";
import { decideAutomationTick } from "@/lib/checks/automation-rules";

const automation = { actorIsAutomation: true, changeType: "item.status", itemHasCheck: true };

describe("what Automation may settle", () => {
  it("settles a step with a check: Done when it passed, Failed when it did not", () => {
    expect(decideAutomationTick({ ...automation, status: "DONE", checkResult: { ok: true } })).toEqual({ ok: true });
    expect(decideAutomationTick({ ...automation, status: "FAILED", checkResult: { ok: false } })).toEqual({ ok: true });
  });

  it("never settles a step without a check, without a result, or against the result", () => {
    expect(decideAutomationTick({ ...automation, itemHasCheck: false, status: "DONE", checkResult: { ok: true } })).toEqual({
      ok: false,
      code: "forbidden",
      message: "Automation only settles steps that carry an HTTP check.",
    });
    expect(decideAutomationTick({ ...automation, status: "DONE" })).toMatchObject({ ok: false, code: "forbidden" });
    expect(decideAutomationTick({ ...automation, changeType: "item.measurement", checkResult: { ok: true } })).toMatchObject({ ok: false, code: "forbidden" });
    expect(decideAutomationTick({ ...automation, status: "DONE", checkResult: { ok: false } })).toEqual({ ok: false, code: "unprocessable", message: "A failed check marks the step Failed." });
    expect(decideAutomationTick({ ...automation, status: "SKIPPED", checkResult: { ok: true } })).toMatchObject({ ok: false, code: "unprocessable" });
  });

  it("lets a person tick as before, but never send a check result as if Automation had run it", () => {
    expect(decideAutomationTick({ actorIsAutomation: false, changeType: "item.status", itemHasCheck: true, status: "DONE" })).toEqual({ ok: true });
    expect(decideAutomationTick({ actorIsAutomation: false, changeType: "item.status", itemHasCheck: true, status: "DONE", checkResult: { ok: true } })).toEqual({
      ok: false,
      code: "forbidden",
      message: "Only Automation records a check's result; run the step's check instead.",
    });
  });
});
