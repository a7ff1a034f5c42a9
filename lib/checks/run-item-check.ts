import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { applyPlanChange, type AppliedChange } from "@/lib/plan-state/apply-plan-change";
import { assertMay, planRoleOf, type Actor } from "@/lib/plan-state/plan-access";
import { isSettled } from "@/lib/plans/progress";
import { guardedFetch, OutboundRefusedError } from "@/lib/outbound/guarded-fetch";
import type { AllowedHosts } from "@/lib/outbound/address-policy";
import { automationActor, ensureAutomationUser } from "@/lib/checks/automation-actor";
import { EXCERPT_CHARS, httpCheckSchema, type HttpCheck, type HttpCheckResult } from "@/lib/checks/check-spec";
import { describeCheckEvidence } from "@/lib/checks/describe-check";
import { judgeResponse } from "@/lib/checks/judge-response";

/**
 * Runs a step's HTTP check on the server, through the outbound guard (WEBHOOK_ALLOWED_HOSTS
 * governs checks as it governs webhooks), and records what it found by ticking the step Done
 * or Failed as Automation through applyPlanChange, the result as the tick's evidence.
 *
 * `by` is the person who pressed Run check (the lead or an executor); null when the check
 * runs by itself (auto-run.ts).
 */
export async function runItemCheck(planId: string, itemId: string, by: Actor | null, options: { allowedHosts?: AllowedHosts } = {}): Promise<{ result: HttpCheckResult; applied: AppliedChange }> {
  if (by) assertMay(await planRoleOf(planId, by.id), "tick", by);
  const item = await db().planItem.findFirst({ where: { id: itemId, planId }, select: { id: true, status: true, version: true, httpCheck: true } });
  if (!item) throw new AppError("not_found", "This item is not part of the plan.");
  const check = httpCheckSchema.safeParse(item.httpCheck);
  if (!item.httpCheck || !check.success) throw new AppError("unprocessable", "This step has no HTTP check to run.");
  if (isSettled(item.status)) throw new AppError("conflict", "This step is settled already; reset it to pending to run its check again.");

  const result = await performCheck(check.data, options.allowedHosts);
  await ensureAutomationUser();
  const applied = await applyPlanChange(automationActor, planId, {
    type: "item.status",
    itemId,
    status: result.ok ? "DONE" : "FAILED",
    expectedVersion: item.version,
    note: evidenceNote(result),
    checkResult: result,
  });
  return { result, applied };
}

/** Sends the request (again after a failure, `retries` times) and judges the answer. */
export async function performCheck(check: HttpCheck, allowedHosts?: AllowedHosts): Promise<HttpCheckResult> {
  const started = performance.now();
  let last: Omit<HttpCheckResult, "attempts" | "at" | "ms"> = { ok: false, status: null, excerpt: "", reason: "The check did not run." };
  let attempts = 0;
  for (let attempt = 0; attempt <= check.retries; attempt += 1) {
    attempts += 1;
    try {
      const response = await guardedFetch(check.url, {
        method: check.method,
        timeoutMs: check.timeoutMs,
        headers: { "User-Agent": "Preflight-Check/1", Accept: "application/json, text/plain, */*" },
        ...(allowedHosts ? { allowedHosts } : {}),
      });
      const judgement = judgeResponse(check, { status: response.status, body: response.excerpt });
      last = { ok: judgement.ok, status: response.status, excerpt: response.excerpt.slice(0, EXCERPT_CHARS), reason: judgement.ok ? null : judgement.reason };
      if (judgement.ok) break;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      last = { ok: false, status: null, excerpt: message.slice(0, EXCERPT_CHARS), reason: message.slice(0, 1000) };
      // A refused address is the setup's problem, not the step's: nothing is ticked.
      if (error instanceof OutboundRefusedError) throw new AppError("unprocessable", `${message} (WEBHOOK_ALLOWED_HOSTS governs step checks too.)`);
    }
  }
  return { ...last, attempts, ms: Math.round(performance.now() - started), at: new Date().toISOString() };
}

/** The tick's note: the verdict, and for a failure the response that caused it. */
export function evidenceNote(result: HttpCheckResult): string {
  const line = describeCheckEvidence(result);
  const sentence = `${line.charAt(0).toUpperCase()}${line.slice(1)}.`;
  return result.ok || !result.excerpt || result.status === null ? sentence : `${sentence}\nResponse: ${result.excerpt}`;
}
