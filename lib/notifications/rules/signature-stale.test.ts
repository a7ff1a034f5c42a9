import { describe, expect, it } from "vitest";
import type { PlanAudience } from "@/lib/notifications/rules/plan-audience";
import { staleSignatureIdsOf, staleSignatureNotices, type StaleSignature } from "@/lib/notifications/rules/signature-stale";

const plan: Pick<PlanAudience, "planId" | "title" | "members"> = {
  planId: "p1",
  title: "Release 4.2",
  members: [{ userId: "quinn", role: "APPROVER", titles: ["QA Lead"] }],
};

const signature = (overrides: Partial<StaleSignature>): StaleSignature => ({
  id: "s1",
  gateId: "g1",
  gateTitle: "Pre-deployment sign-off",
  title: "QA Lead",
  userId: "quinn",
  staleReason: "“Backup taken” changed after this was signed.",
  ...overrides,
});

describe("stale signatures", () => {
  it("finds the signatures a tick or a rewording made stale", () => {
    const item = { id: "i1", status: "PENDING" as const, statusNote: null, measuredValue: null, statusAt: null, changedBy: null, version: 2 };
    expect(staleSignatureIdsOf({ type: "item.changed", item, previousStatus: "DONE", staleSignatureIds: ["s1"] })).toEqual(["s1"]);
    expect(staleSignatureIdsOf({ type: "item.changed", item, previousStatus: "DONE" })).toEqual([]);
    expect(staleSignatureIdsOf({ type: "share.created", linkId: "l1" })).toEqual([]);
  });

  it("tells each signer still on the plan, at the gate, once per signature", () => {
    const notices = staleSignatureNotices(plan, [signature({}), signature({ id: "s2", userId: "gone" }), signature({ id: "s3", title: null, gateTitle: "Go/No-Go" })]);
    expect(notices).toEqual([
      expect.objectContaining({ userId: "quinn", kind: "SIGNATURE_STALE", title: "Your QA Lead sign-off on “Pre-deployment sign-off” is stale (“Release 4.2”)", href: "/plans/p1/gates/g1", dedupeKey: "signature-stale:s1" }),
      expect.objectContaining({ userId: "quinn", title: "Your Go/No-Go decision on “Go/No-Go” is stale (“Release 4.2”)", dedupeKey: "signature-stale:s3" }),
    ]);
    expect(notices[0]!.body).toBe("“Backup taken” changed after this was signed. Check the change and sign again.");
  });
});
