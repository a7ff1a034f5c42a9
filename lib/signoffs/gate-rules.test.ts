import { describe, expect, it } from "vitest";
import { checkSignature, coveredItemsAt, gateStatus, type GateConfig, type SignatureLiveState } from "@/lib/signoffs/gate-rules";

const preDeployment: GateConfig = {
  id: "pre",
  kind: "PRE_DEPLOYMENT",
  title: "Pre-deployment sign-off",
  decisionMakerRole: null,
  blocks: "START",
  requiredItemIds: [],
  roles: [
    { title: "QA Lead", quorum: 2 },
    { title: "Tech Lead", quorum: 1 },
  ],
};
const goNoGo: GateConfig = { id: "go", kind: "GO_NO_GO", title: "Go/No-Go", decisionMakerRole: "CTO", blocks: "START", requiredItemIds: [], roles: [] };

let counter = 0;
const signature = (overrides: Partial<SignatureLiveState>): SignatureLiveState => ({
  id: `sig${++counter}`,
  gateId: "pre",
  title: "QA Lead",
  userId: `u${counter}`,
  userName: "Someone",
  decision: "APPROVE",
  comment: null,
  at: new Date(Date.UTC(2026, 11, 1, 10, counter)).toISOString(),
  stale: false,
  staleReason: null,
  ...overrides,
});
const noItems = () => undefined;

describe("gateStatus", () => {
  it("is satisfied only when every title has its quorum of fresh approvals", () => {
    const one = [signature({}), signature({ title: "Tech Lead" })];
    expect(gateStatus(preDeployment, one, noItems)).toMatchObject({ state: "pending", roles: [{ state: "pending" }, { state: "signed" }] });
    const two = [...one, signature({})];
    expect(gateStatus(preDeployment, two, noItems).state).toBe("satisfied");
  });

  it("is blocked by a fresh rejection, whatever the approvals", () => {
    const signatures = [signature({}), signature({}), signature({ title: "Tech Lead", decision: "REJECT", comment: "Load test failed" })];
    const status = gateStatus(preDeployment, signatures, noItems);
    expect(status.state).toBe("rejected");
    expect(status.roles[1]).toMatchObject({ state: "rejected", rejections: [{ comment: "Load test failed" }] });
  });

  it("is no longer satisfied once a signature goes stale", () => {
    const signatures = [signature({}), signature({ stale: true, staleReason: "Backup changed" }), signature({ title: "Tech Lead" })];
    const status = gateStatus(preDeployment, signatures, noItems);
    expect(status.state).toBe("pending");
    expect(status.roles[0]).toMatchObject({ state: "stale", approvals: [{}], stale: [{ staleReason: "Backup changed" }] });
  });

  it("waits for the items the gate requires", () => {
    const gate = { ...preDeployment, roles: [{ title: "QA Lead", quorum: 1 }], requiredItemIds: ["backup", "tests"] };
    const status = gateStatus(gate, [signature({})], (id) => (id === "backup" ? "DONE" : "PENDING"));
    expect(status).toMatchObject({ state: "pending", openRequiredItemIds: ["tests"] });
  });

  it("takes the newest Go/No-Go decision, and only a fresh GO satisfies it", () => {
    const deferred = signature({ gateId: "go", title: null, decision: "DEFER" });
    const go = signature({ gateId: "go", title: null, decision: "GO" });
    expect(gateStatus(goNoGo, [deferred], noItems)).toMatchObject({ state: "pending", decision: { decision: "DEFER" } });
    expect(gateStatus(goNoGo, [deferred, go], noItems)).toMatchObject({ state: "satisfied", decision: { decision: "GO" } });
    expect(gateStatus(goNoGo, [{ ...go, stale: true }], noItems).state).toBe("pending");
    expect(gateStatus(goNoGo, [signature({ gateId: "go", title: null, decision: "NO_GO" })], noItems).state).toBe("rejected");
  });
});

describe("checkSignature", () => {
  const options = { allowSelfApproval: false, openRequiredItemIds: [] };
  const approve = { kind: "sign", title: "QA Lead", decision: "APPROVE" } as const;

  it("lets only holders of a title sign for it", () => {
    expect(checkSignature(preDeployment, { role: "APPROVER", titles: ["QA Lead"] }, approve, options)).toEqual({ ok: true });
    expect(checkSignature(preDeployment, { role: "APPROVER", titles: ["Tech Lead"] }, approve, options)).toMatchObject({ ok: false, code: "forbidden" });
    expect(checkSignature(preDeployment, { role: "EXECUTOR", titles: ["QA Lead"] }, approve, options)).toMatchObject({ ok: false, code: "forbidden" });
    expect(checkSignature(preDeployment, { role: "VIEWER", titles: ["QA Lead"] }, approve, options)).toMatchObject({ ok: false, code: "forbidden" });
    expect(checkSignature(preDeployment, { role: "APPROVER", titles: ["CTO"] }, { ...approve, title: "CTO" }, options)).toMatchObject({ ok: false, code: "unprocessable" });
  });

  it("keeps the lead from approving their own plan unless the plan allows it (separation of duties)", () => {
    const lead = { role: "LEAD", titles: ["QA Lead"] } as const;
    expect(checkSignature(preDeployment, lead, approve, options)).toMatchObject({ ok: false, code: "forbidden", message: expect.stringMatching(/cannot approve it yourself/) });
    expect(checkSignature(preDeployment, lead, { ...approve, decision: "REJECT" }, options)).toEqual({ ok: true });
    expect(checkSignature(preDeployment, lead, approve, { ...options, allowSelfApproval: true })).toEqual({ ok: true });
    const leadCto = { role: "LEAD", titles: ["CTO"] } as const;
    expect(checkSignature(goNoGo, leadCto, { kind: "decide", decision: "GO" }, options)).toMatchObject({ ok: false, code: "forbidden" });
    expect(checkSignature(goNoGo, leadCto, { kind: "decide", decision: "NO_GO" }, options)).toEqual({ ok: true });
  });

  it("leaves the Go/No-Go decision to its decision maker, or to the lead when it names none", () => {
    expect(checkSignature(goNoGo, { role: "APPROVER", titles: ["CTO"] }, { kind: "decide", decision: "GO" }, options)).toEqual({ ok: true });
    expect(checkSignature(goNoGo, { role: "APPROVER", titles: ["QA Lead"] }, { kind: "decide", decision: "GO" }, options)).toMatchObject({ ok: false, code: "forbidden" });
    const leadDecides = { ...goNoGo, decisionMakerRole: null };
    expect(checkSignature(leadDecides, { role: "LEAD", titles: [] }, { kind: "decide", decision: "GO" }, options)).toEqual({ ok: true });
    expect(checkSignature(preDeployment, { role: "LEAD", titles: [] }, { kind: "decide", decision: "GO" }, options)).toMatchObject({ ok: false, code: "unprocessable" });
  });

  it("refuses an approval while the gate's required items are open, but not a rejection", () => {
    const open = { ...options, openRequiredItemIds: ["tests"] };
    expect(checkSignature(preDeployment, { role: "APPROVER", titles: ["QA Lead"] }, approve, open)).toMatchObject({ ok: false, code: "conflict" });
    expect(checkSignature(preDeployment, { role: "APPROVER", titles: ["QA Lead"] }, { ...approve, decision: "REJECT" }, open)).toEqual({ ok: true });
  });
});

describe("coveredItemsAt", () => {
  it("records the versions of the settled items only", () => {
    expect(
      coveredItemsAt([
        { id: "a", status: "DONE", version: 3 },
        { id: "b", status: "PENDING", version: 0 },
        { id: "c", status: "SKIPPED", version: 1 },
        { id: "d", status: "FAILED", version: 2 },
      ]),
    ).toEqual({ a: 3, c: 1 });
  });
});
