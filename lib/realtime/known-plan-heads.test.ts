import { describe, expect, it } from "vitest";
import { createKnownPlanHeads } from "@/lib/realtime/known-plan-heads";

describe("known plan heads", () => {
  it("lets a join skip its catch-up only at or past the highest number emitted here", () => {
    const heads = createKnownPlanHeads();
    expect(heads.isUpToDate("p", 0)).toBe(false);
    heads.note("p", 7);
    heads.note("p", 5);
    expect(heads.isUpToDate("p", 6)).toBe(false);
    expect(heads.isUpToDate("p", 7)).toBe(true);
    expect(heads.isUpToDate("p", 9)).toBe(true);
    expect(heads.isUpToDate("q", 7)).toBe(false);
  });

  it("forgets plans no longer watched, and everything after the adapter's connection came back", () => {
    const heads = createKnownPlanHeads();
    heads.note("p", 3);
    heads.note("q", 4);
    heads.retainOnly(["q"]);
    expect([heads.isUpToDate("p", 3), heads.isUpToDate("q", 4)]).toEqual([false, true]);
    heads.forget();
    expect(heads.isUpToDate("q", 4)).toBe(false);
  });
});
