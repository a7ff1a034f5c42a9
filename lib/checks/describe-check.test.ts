import { describe, expect, it } from "vitest";
import { describeEvent } from "@/lib/plan-state/describe-event";
import type { PlanEventMessage, PlanEventPayload } from "@/lib/plan-state/events";
import { evidenceNote } from "@/lib/checks/run-item-check";

const automation = (event: PlanEventPayload): PlanEventMessage => ({ planId: "p", seq: 1, at: "2026-12-07T10:00:00.000Z", actor: { id: "preflight-automation", name: "Automation" }, event });
const item = (status: "DONE" | "FAILED") => ({ id: "i1", status, statusNote: null, measuredValue: null, statusAt: null, changedBy: "Automation", version: 1 });
const text = () => "Health endpoint answers";
const result = { ok: true, status: 200, ms: 35, excerpt: '{"status":"ok"}', reason: null, attempts: 1, at: "2026-12-07T10:00:00.000Z" };

describe("the feed and the tick's note name Automation and what the check found", () => {
  it("describes a passed and a failed check, and a check set or removed", () => {
    expect(describeEvent(automation({ type: "item.changed", item: item("DONE"), previousStatus: "PENDING", check: result }), text)).toBe(
      "Automation marked “Health endpoint answers” done — check passed: 200 in 35 ms",
    );
    const failed = { ...result, ok: false, status: 503, reason: "Expected status 200, got 503.", attempts: 3, excerpt: "down" };
    expect(describeEvent(automation({ type: "item.changed", item: item("FAILED"), previousStatus: "PENDING", check: failed }), text)).toBe(
      "Automation marked “Health endpoint answers” failed — check failed: Expected status 200, got 503. (503 in 35 ms, 3 tries)",
    );
    const check = { method: "GET" as const, url: "https://x/health", expectedStatus: 200, timeoutMs: 5000, retries: 0, auto: false };
    const lead = (event: PlanEventPayload) => ({ ...automation(event), actor: { id: "u", name: "Lee" } });
    expect(describeEvent(lead({ type: "item.checkSet", item: { ...item("DONE"), status: "PENDING" }, check }), text)).toBe("Lee set the HTTP check of “Health endpoint answers”: GET https://x/health");
    expect(describeEvent(lead({ type: "item.checkSet", item: { ...item("DONE"), status: "PENDING" }, check: null }), text)).toBe("Lee removed the HTTP check of “Health endpoint answers”");
  });

  it("writes the evidence into the tick's note, the response with a failure", () => {
    expect(evidenceNote(result)).toBe("Check passed: 200 in 35 ms.");
    expect(evidenceNote({ ...result, ok: false, status: 500, reason: "Expected status 200, got 500.", excerpt: "boom" })).toBe("Check failed: Expected status 200, got 500. (500 in 35 ms).\nResponse: boom");
    expect(evidenceNote({ ...result, ok: false, status: null, reason: "Timed out after 5000 ms.", excerpt: "Timed out after 5000 ms." })).toBe("Check failed: Timed out after 5000 ms. (no answer after 35 ms).");
  });
});
