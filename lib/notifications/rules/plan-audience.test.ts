import { describe, expect, it } from "vitest";
import { planEventOf, quoted } from "@/lib/notifications/rules/plan-audience";

const committed = (payload: unknown) => ({ id: "e1", planId: "p1", seq: 1, type: "plan.status", actorId: null, payload, createdAt: new Date() });

describe("planEventOf", () => {
  it("reads the event out of a PlanEvent row's payload, and accepts a bare event", () => {
    const event = { type: "share.created", linkId: "l1" };
    expect(planEventOf(committed({ actor: null, event }))).toEqual(event);
    expect(planEventOf(committed(event))).toEqual(event);
  });

  it("gives null for anything else", () => {
    expect(planEventOf(committed(null))).toBeNull();
    expect(planEventOf(committed({ actor: null }))).toBeNull();
    expect(planEventOf(committed("text"))).toBeNull();
  });
});

describe("quoted", () => {
  it("quotes a name on one line and cuts a long one", () => {
    expect(quoted("  Release\n4.2 ")).toBe("“Release 4.2”");
    expect(quoted("x".repeat(200))).toHaveLength(82);
  });

  it("folds 100 KB of worst-case whitespace in linear time", () => {
    const worst = " \t".repeat(50_000) + "x";
    expect(quoted(worst)).toBe("“x”");
  });
});
