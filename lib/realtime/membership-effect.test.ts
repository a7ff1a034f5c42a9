import { describe, expect, it } from "vitest";
import type { PlanEventMessage, PlanEventPayload } from "@/lib/plan-state/events";
import { membershipEffectOf } from "@/lib/realtime/membership-effect";

const message = (event: PlanEventPayload): PlanEventMessage => ({ planId: "plan-1", seq: 3, at: "2026-12-03T10:00:00.000Z", actor: { id: "lead", name: "Lee" }, event });
const member = { userId: "u1", name: "Sam", titles: [] };

describe("membershipEffectOf", () => {
  it("makes a removed member leave the plan", () => {
    expect(membershipEffectOf(message({ type: "member.removed", userId: "u1", name: "Sam" }))).toEqual({ kind: "removed", planId: "plan-1", userId: "u1" });
  });

  it("hands a changed role to the member's sockets, lowered or raised", () => {
    expect(membershipEffectOf(message({ type: "member.set", member: { ...member, role: "VIEWER" }, previousRole: "EXECUTOR" }))).toEqual({
      kind: "role",
      planId: "plan-1",
      userId: "u1",
      role: "VIEWER",
    });
    expect(membershipEffectOf(message({ type: "member.set", member: { ...member, role: "LEAD" }, previousRole: "VIEWER" }))?.kind).toBe("role");
  });

  it("leaves everything else alone: new members join by themselves, titles do not change rights to watch", () => {
    expect(membershipEffectOf(message({ type: "member.set", member: { ...member, role: "VIEWER" }, previousRole: null }))).toBeNull();
    expect(membershipEffectOf(message({ type: "member.set", member: { ...member, role: "VIEWER" }, previousRole: "VIEWER" }))).toBeNull();
    expect(membershipEffectOf(message({ type: "share.revoked", linkId: "l1" }))).toBeNull();
  });
});
