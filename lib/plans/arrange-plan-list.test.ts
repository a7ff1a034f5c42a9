import { describe, expect, it } from "vitest";
import { arrangePlanList, type ArrangeablePlan } from "@/lib/plans/arrange-plan-list";
import type { PlanStatusName } from "@/lib/plan-state/lifecycle";

const at = (iso: string) => new Date(iso);

function plan(id: string, status: PlanStatusName, dates: Partial<Omit<ArrangeablePlan, "status">> = {}): ArrangeablePlan & { id: string } {
  return { id, status, windowStart: null, startedAt: null, finishedAt: null, updatedAt: at("2026-12-01T00:00:00Z"), ...dates };
}

const ids = (plans: { id: string }[]) => plans.map((p) => p.id);

describe("arrangePlanList", () => {
  it("puts running plans first, longest running first, rolling back counting as running", () => {
    const arranged = arrangePlanList([
      plan("done", "COMPLETE", { finishedAt: at("2026-12-01T10:00:00Z") }),
      plan("late-start", "IN_PROGRESS", { startedAt: at("2026-12-02T10:00:00Z") }),
      plan("rolling-back", "ROLLING_BACK", { startedAt: at("2026-12-02T08:00:00Z") }),
    ]);
    expect(ids(arranged.running)).toEqual(["rolling-back", "late-start"]);
  });

  it("orders upcoming plans by window start, those without a window last (newest change first)", () => {
    const arranged = arrangePlanList([
      plan("no-window-old", "DRAFT", { updatedAt: at("2026-11-01T00:00:00Z") }),
      plan("friday", "SCHEDULED", { windowStart: at("2026-12-04T20:00:00Z") }),
      plan("no-window-new", "DRAFT", { updatedAt: at("2026-11-20T00:00:00Z") }),
      plan("tomorrow", "DRAFT", { windowStart: at("2026-12-03T20:00:00Z") }),
    ]);
    expect(ids(arranged.upcoming)).toEqual(["tomorrow", "friday", "no-window-new", "no-window-old"]);
    expect(arranged.running).toEqual([]);
    expect(arranged.finished).toEqual([]);
  });

  it("groups finished plans by the month they ran, newest first, by finish time rather than last update", () => {
    const sameUpdate = at("2026-12-02T09:00:00Z");
    const arranged = arrangePlanList([
      plan("oct", "ROLLED_BACK", { startedAt: at("2026-10-10T20:00:00Z"), finishedAt: at("2026-10-10T21:00:00Z"), updatedAt: sameUpdate }),
      plan("nov-early", "COMPLETE", { finishedAt: at("2026-11-03T21:00:00Z"), updatedAt: sameUpdate }),
      plan("dec", "PARTIAL", { finishedAt: at("2026-12-01T21:00:00Z"), updatedAt: sameUpdate }),
      plan("nov-late", "COMPLETE", { finishedAt: at("2026-11-28T21:00:00Z"), updatedAt: sameUpdate }),
    ]);
    expect(arranged.finished.map((group) => [group.key, group.label, ids(group.plans)])).toEqual([
      ["2026-12", "December 2026", ["dec"]],
      ["2026-11", "November 2026", ["nov-late", "nov-early"]],
      ["2026-10", "October 2026", ["oct"]],
    ]);
  });

  it("dates a plan aborted before it started by its last change", () => {
    const arranged = arrangePlanList([plan("aborted", "ABORTED", { updatedAt: at("2026-09-15T12:00:00Z") })]);
    expect(arranged.finished).toEqual([{ key: "2026-09", label: "September 2026", plans: [expect.objectContaining({ id: "aborted" })] }]);
  });
});
