/**
 * What the Automation actor (the system account that runs steps' HTTP checks) may do, and
 * that nobody else may pretend to be it. Pure; the one writer asks it for every tick that
 * Automation sends or that carries a check result.
 *
 * Automation holds no plan role. It may only settle a step that carries a check, only as
 * Done when the check passed or Failed when it did not, and only with the check's result
 * as evidence. A person may never send a check result: they run the check instead.
 */
export type AutomationDecision = { ok: true } | { ok: false; code: "forbidden" | "unprocessable"; message: string };

export function decideAutomationTick(input: {
  actorIsAutomation: boolean;
  changeType: string;
  itemHasCheck: boolean;
  status?: string;
  checkResult?: { ok: boolean };
}): AutomationDecision {
  if (!input.actorIsAutomation) {
    return input.checkResult ? { ok: false, code: "forbidden", message: "Only Automation records a check's result; run the step's check instead." } : { ok: true };
  }
  if (input.changeType !== "item.status" || !input.checkResult) return { ok: false, code: "forbidden", message: "Automation only settles steps by running their HTTP check." };
  if (!input.itemHasCheck) return { ok: false, code: "forbidden", message: "Automation only settles steps that carry an HTTP check." };
  const expected = input.checkResult.ok ? "DONE" : "FAILED";
  if (input.status !== expected) return { ok: false, code: "unprocessable", message: `A ${input.checkResult.ok ? "passed" : "failed"} check marks the step ${expected === "DONE" ? "Done" : "Failed"}.` };
  return { ok: true };
}
