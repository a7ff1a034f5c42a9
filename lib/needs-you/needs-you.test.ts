import { describe, expect, it } from "vitest";
import { needsYou, type NeedsYouInput } from "@/lib/needs-you/needs-you";
import { gateStatus, type GateConfig, type SignatureLiveState } from "@/lib/signoffs/gate-rules";

const pre: GateConfig = { id: "pre", kind: "PRE_DEPLOYMENT", title: "Pre-deployment sign-off", decisionMakerRole: null, blocks: "START", requiredItemIds: [], roles: [{ title: "QA Lead", quorum: 1 }, { title: "Tech Lead", quorum: 1 }] };
const go: GateConfig = { id: "go", kind: "GO_NO_GO", title: "Go/No-Go", decisionMakerRole: "Tech Lead", blocks: "START", requiredItemIds: [], roles: [] };

const signature = (overrides: Partial<SignatureLiveState>): SignatureLiveState => ({
  id: Math.random().toString(36),
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

const input = (overrides: Partial<NeedsYouInput> & { signatures?: SignatureLiveState[] }): NeedsYouInput => {
  const { signatures = [], ...rest } = overrides;
  return {
    userId: "quinn",
    role: "APPROVER",
    titles: ["QA Lead"],
    allowSelfApproval: false,
    status: "DRAFT",
    gates: [pre, go].map((gate) => ({ gate, status: gateStatus(gate, signatures, () => undefined) })),
    ...rest,
  };
};

describe("needsYou", () => {
  it("asks an approver for the signature of each title they hold on a pending gate", () => {
    expect(needsYou(input({}))).toEqual([
      { kind: "signature", gateId: "pre", gateTitle: "Pre-deployment sign-off", title: "QA Lead", message: "Waiting for your signature as QA Lead on “Pre-deployment sign-off”" },
    ]);
  });

  it("stops asking once they signed (approve or reject), but asks again when their approval went stale", () => {
    expect(needsYou(input({ signatures: [signature({})] }))).toEqual([]);
    expect(needsYou(input({ signatures: [signature({ decision: "REJECT", comment: "no" })] }))).toEqual([]);
    expect(needsYou(input({ signatures: [signature({ stale: true })] }))).toHaveLength(1);
  });

  it("does not ask when the title's quorum is met by someone else", () => {
    expect(needsYou(input({ signatures: [signature({ userId: "other" })] }))).toEqual([]);
  });

  it("asks the decision maker for the Go/No-Go decision before the start, and not after GO or after the start", () => {
    const tech = { userId: "taylor", titles: ["Tech Lead"] };
    expect(needsYou(input(tech)).map((entry) => entry.kind)).toEqual(["signature", "decision"]);
    expect(needsYou(input({ ...tech, signatures: [signature({ gateId: "go", title: null, userId: "taylor", decision: "GO" })] })).map((entry) => entry.kind)).toEqual(["signature"]);
    expect(needsYou(input({ ...tech, status: "IN_PROGRESS" })).map((entry) => entry.kind)).toEqual([]);
  });

  it("keeps the lead out of approving their own plan unless the plan allows it", () => {
    const lead = { userId: "lee", role: "LEAD" as const, titles: ["QA Lead", "Tech Lead"] };
    expect(needsYou(input(lead))).toEqual([]);
    expect(needsYou(input({ ...lead, allowSelfApproval: true })).map((entry) => entry.kind)).toEqual(["signature", "signature", "decision"]);
  });

  it("asks for the signatures that hold back the next step: Start before the start, Complete after it", () => {
    const post: GateConfig = { ...pre, id: "post", title: "Post-deployment sign-off", kind: "POST_DEPLOYMENT", blocks: "COMPLETE", roles: [{ title: "QA Lead", quorum: 1 }] };
    const gates = (status: "DRAFT" | "IN_PROGRESS") => input({ status, gates: [pre, post].map((gate) => ({ gate, status: gateStatus(gate, [], () => undefined) })) });
    expect(needsYou(gates("DRAFT")).map((entry) => entry.gateId)).toEqual(["pre"]);
    expect(needsYou(gates("IN_PROGRESS")).map((entry) => entry.gateId)).toEqual(["post"]);
  });

  it("asks nothing of viewers, executors, or on a finished plan", () => {
    expect(needsYou(input({ role: "VIEWER" }))).toEqual([]);
    expect(needsYou(input({ role: "EXECUTOR" }))).toEqual([]);
    expect(needsYou(input({ status: "COMPLETE" }))).toEqual([]);
  });
});
