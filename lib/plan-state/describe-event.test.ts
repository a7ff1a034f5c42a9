import { describe, expect, it } from "vitest";
import { describeEvent } from "@/lib/plan-state/describe-event";
import type { PlanEventMessage, PlanEventPayload } from "@/lib/plan-state/events";

const message = (event: PlanEventPayload): PlanEventMessage => ({ planId: "p", seq: 1, at: "2026-11-22T10:00:00.000Z", actor: { id: "u", name: "Lee" }, event });
const item = (status: "DONE" | "SKIPPED" | "FAILED" | "PENDING", extra: Partial<{ statusNote: string; measuredValue: number }> = {}) => ({
  id: "i1",
  status,
  statusNote: extra.statusNote ?? null,
  measuredValue: extra.measuredValue ?? null,
  statusAt: null,
  changedBy: "Lee",
  version: 1,
});
const text = (id: string) => (id === "i1" ? "Backup taken" : undefined);

describe("describeEvent", () => {
  it("says who did what to which item, with the reason", () => {
    expect(describeEvent(message({ type: "item.changed", item: item("DONE"), previousStatus: "PENDING" }), text)).toBe("Lee marked “Backup taken” done");
    expect(describeEvent(message({ type: "item.changed", item: item("SKIPPED", { statusNote: "not needed" }), previousStatus: "PENDING" }), text)).toBe(
      "Lee skipped “Backup taken”: not needed",
    );
    expect(describeEvent(message({ type: "item.changed", item: item("PENDING", { measuredValue: 142 }), previousStatus: "PENDING" }), text)).toBe(
      "Lee recorded 142 for “Backup taken”",
    );
  });

  it("describes lifecycle changes", () => {
    const status = (to: "ROLLING_BACK" | "IN_PROGRESS", reason: string | null, trigger: string | null) =>
      message({ type: "plan.status", status: to, previousStatus: "IN_PROGRESS", reason, trigger, startedAt: null, finishedAt: null });
    expect(describeEvent(status("IN_PROGRESS", null, null), text)).toBe("Lee started the deployment");
    expect(describeEvent(status("ROLLING_BACK", "errors", "Error rate above 5%"), text)).toBe("Lee triggered a rollback — Error rate above 5% (errors)");
    const override = { id: "o1", action: "START" as const, reason: "Hotfix", gates: [{ gateId: "g", title: "Pre-deployment sign-off", missing: [] }], byName: "Lee", at: "2026-12-01T10:00:00.000Z" };
    const overridden = message({ type: "plan.status", status: "IN_PROGRESS", previousStatus: "DRAFT", reason: null, trigger: null, startedAt: null, finishedAt: null, override });
    expect(describeEvent(overridden, text)).toBe("Lee started the deployment over “Pre-deployment sign-off”: Hotfix");
  });
});
