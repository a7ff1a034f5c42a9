import { beforeAll, describe, expect, it, vi } from "vitest";
import type { PlanAudience } from "@/lib/notifications/rules/plan-audience";
import { signoffRequests, signoffScopeOf, type SignoffRequestInput } from "@/lib/notifications/rules/signoff-requested";
import { readSignoffToken } from "@/lib/notifications/signoff-link";
import type { ItemLiveState } from "@/lib/plan-state/events";
import { gateStatus, type GateConfig, type SignatureLiveState } from "@/lib/signoffs/gate-rules";

const pre: GateConfig = { id: "pre", kind: "PRE_DEPLOYMENT", title: "Pre-deployment sign-off", decisionMakerRole: null, blocks: "START", requiredItemIds: [], roles: [{ title: "QA Lead", quorum: 1 }] };
const go: GateConfig = { id: "go", kind: "GO_NO_GO", title: "Go/No-Go", decisionMakerRole: "CTO", blocks: "START", requiredItemIds: [], roles: [] };
const post: GateConfig = { id: "post", kind: "POST_DEPLOYMENT", title: "Post-deployment sign-off", decisionMakerRole: null, blocks: "COMPLETE", requiredItemIds: ["smoke"], roles: [{ title: "Product Manager", quorum: 1 }] };

const plan: PlanAudience = {
  planId: "p1",
  title: "Release 4.2",
  status: "SCHEDULED",
  allowSelfApproval: false,
  members: [
    { userId: "lee", role: "LEAD", titles: ["QA Lead"] },
    { userId: "quinn", role: "APPROVER", titles: ["QA Lead"] },
    { userId: "casey", role: "APPROVER", titles: ["CTO"] },
    { userId: "pam", role: "APPROVER", titles: ["Product Manager"] },
    { userId: "eve", role: "EXECUTOR", titles: ["QA Lead"] },
    { userId: "ann", role: "APPROVER", titles: [] },
  ],
};

const signed = (overrides: Partial<SignatureLiveState>): SignatureLiveState => ({
  id: "s1",
  gateId: "pre",
  title: "QA Lead",
  userId: "quinn",
  userName: "Quinn",
  decision: "APPROVE",
  comment: null,
  at: "2026-12-01T10:00:00.000Z",
  stale: false,
  staleReason: null,
  ...overrides,
});

function requests(overrides: Partial<SignoffRequestInput> & { signatures?: SignatureLiveState[]; settled?: string[] } = {}) {
  const { signatures = [], settled = [], ...rest } = overrides;
  const gates = [pre, go, post].map((gate) => ({ gate, status: gateStatus(gate, signatures, (itemId) => (settled.includes(itemId) ? "DONE" : "PENDING")) }));
  return signoffRequests({ plan, gates, gateIds: "all", round: () => 0, ...rest });
}

const who = (list: ReturnType<typeof requests>) => list.map((request) => `${request.userId}:${request.dedupeKey}`);

beforeAll(() => {
  vi.stubEnv("AUTH_SECRET", "a-test-secret-of-enough-length-0123456789");
});

describe("who is asked to sign", () => {
  it("asks each approver holding a title a Start gate still needs, and the Go/No-Go decision maker, when scheduled", () => {
    expect(who(requests())).toEqual(["quinn:signoff-requested:pre:QA Lead:0", "casey:signoff-requested:go:go-no-go:0"]);
  });

  it("does not ask the lead while the plan does not allow self-approval, and does once it does", () => {
    expect(who(requests()).some((entry) => entry.startsWith("lee:"))).toBe(false);
    const allowing = requests({ plan: { ...plan, allowSelfApproval: true } });
    expect(who(allowing)).toContain("lee:signoff-requested:pre:QA Lead:0");
  });

  it("never asks an executor or a member without the title", () => {
    expect(who(requests()).some((entry) => entry.startsWith("eve:") || entry.startsWith("ann:"))).toBe(false);
  });

  it("does not ask who already signed, nor for a title whose quorum is met", () => {
    expect(who(requests({ signatures: [signed({})] }))).toEqual(["casey:signoff-requested:go:go-no-go:0"]);
  });

  it("asks again in a new round once a signature went stale", () => {
    const list = requests({ signatures: [signed({ stale: true })], round: (gateId, title) => (gateId === "pre" && title === "QA Lead" ? 1 : 0) });
    expect(who(list)).toContain("quinn:signoff-requested:pre:QA Lead:1");
  });

  it("asks nobody on a draft or a finished plan", () => {
    expect(requests({ plan: { ...plan, status: "DRAFT" } })).toEqual([]);
    expect(requests({ plan: { ...plan, status: "COMPLETE" } })).toEqual([]);
  });

  it("after the start, asks for the Complete gates only once their required items are settled", () => {
    const running = { ...plan, status: "IN_PROGRESS" as const };
    expect(requests({ plan: running })).toEqual([]);
    expect(who(requests({ plan: running, settled: ["smoke"] }))).toEqual(["pam:signoff-requested:post:Product Manager:0"]);
  });

  it("keeps to the gates and the member the event is about", () => {
    expect(who(requests({ gateIds: new Set(["go"]) }))).toEqual(["casey:signoff-requested:go:go-no-go:0"]);
    expect(who(requests({ userId: "quinn" }))).toEqual(["quinn:signoff-requested:pre:QA Lead:0"]);
  });

  it("names the title and the plan, links to the gate, and mails a signed link for that person and gate", () => {
    const [request] = requests({ gateIds: new Set(["pre"]) });
    expect(request).toMatchObject({ kind: "SIGNOFF_REQUESTED", title: "Sign-off needed: QA Lead for “Release 4.2”", href: "/plans/p1/gates/pre" });
    expect(request!.mailAction!.label).toBe("Review and sign");
    const token = new URL(request!.mailAction!.url).searchParams.get("token")!;
    expect(readSignoffToken(token)).toEqual({ ok: true, payload: expect.objectContaining({ planId: "p1", gateId: "pre", userId: "quinn" }) });
  });
});

describe("which events ask", () => {
  const item = (status: ItemLiveState["status"]): ItemLiveState => ({ id: "smoke", status, statusNote: null, measuredValue: null, statusAt: null, changedBy: null, version: 1 });
  const lifecycle = { reason: null, trigger: null, startedAt: null, finishedAt: null };

  it("scheduling and starting look at every gate; other status changes at none", () => {
    expect(signoffScopeOf({ type: "plan.status", status: "SCHEDULED", previousStatus: "DRAFT", ...lifecycle })).toEqual({ kind: "all-gates" });
    expect(signoffScopeOf({ type: "plan.status", status: "IN_PROGRESS", previousStatus: "SCHEDULED", ...lifecycle })).toEqual({ kind: "all-gates" });
    expect(signoffScopeOf({ type: "plan.status", status: "ABORTED", previousStatus: "SCHEDULED", ...lifecycle })).toBeNull();
  });

  it("a step settling looks at the gates requiring it; un-ticking only at stale signatures", () => {
    expect(signoffScopeOf({ type: "item.changed", item: item("DONE"), previousStatus: "PENDING" })).toEqual({ kind: "gates-requiring", itemId: "smoke", staleSignatureIds: [] });
    expect(signoffScopeOf({ type: "item.changed", item: item("SKIPPED"), previousStatus: "DONE" })).toBeNull();
    expect(signoffScopeOf({ type: "item.changed", item: item("PENDING"), previousStatus: "DONE", staleSignatureIds: ["s1"] })).toEqual({ kind: "stale-signatures", staleSignatureIds: ["s1"] });
  });

  it("configuring a gate looks at it; setting a member at every gate for them alone", () => {
    expect(signoffScopeOf({ type: "gate.configured", gateId: "pre", config: { requiredItemIds: [], quorums: [] } })).toEqual({ kind: "gates", gateIds: ["pre"] });
    expect(signoffScopeOf({ type: "member.set", member: { userId: "quinn", name: "Quinn", role: "APPROVER", titles: ["QA Lead"] }, previousRole: null })).toEqual({ kind: "all-gates", userId: "quinn" });
    expect(signoffScopeOf({ type: "share.created", linkId: "l1" })).toBeNull();
  });
});
