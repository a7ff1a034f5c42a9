import { describe, expect, it } from "vitest";
import {
  defaultGateBlocks,
  describeOverride,
  gatedActionBlockedBy,
  isBeforeDeploymentPhase,
  isLateSignature,
  missingForGate,
} from "@/lib/signoffs/gate-blocks";
import { gateStatus, type GateConfig, type SignatureLiveState } from "@/lib/signoffs/gate-rules";

const pre: GateConfig = {
  id: "pre",
  kind: "PRE_DEPLOYMENT",
  title: "Pre-Deployment Sign-Off",
  decisionMakerRole: null,
  blocks: "START",
  requiredItemIds: [],
  roles: [{ title: "QA Lead", quorum: 1 }],
};
const post: GateConfig = { ...pre, id: "post", kind: "POST_DEPLOYMENT", title: "Post-Deployment Sign-Off", blocks: "COMPLETE", roles: [{ title: "Product Manager", quorum: 2 }] };
const goNoGo: GateConfig = { id: "go", kind: "GO_NO_GO", title: "Go/No-Go", decisionMakerRole: "CTO", blocks: "START", requiredItemIds: [], roles: [] };

let counter = 0;
const signature = (overrides: Partial<SignatureLiveState>): SignatureLiveState => ({
  id: `sig${++counter}`,
  gateId: "pre",
  title: "QA Lead",
  userId: `u${counter}`,
  userName: "Quinn QA",
  decision: "APPROVE",
  comment: null,
  at: "2026-12-01T10:00:00.000Z",
  stale: false,
  staleReason: null,
  ...overrides,
});
const noItems = () => undefined;
const withStatus = (gate: GateConfig, signatures: SignatureLiveState[] = []) => ({ gate, status: gateStatus(gate, signatures, noItems) });

describe("defaultGateBlocks", () => {
  it("has Go/No-Go and pre-deployment gates hold back Start, post-deployment ones Complete", () => {
    expect(defaultGateBlocks({ kind: "GO_NO_GO", title: "Decision" }, { beforeDeploymentPhase: false })).toBe("START");
    expect(defaultGateBlocks({ kind: "PRE_DEPLOYMENT", title: "Sign-off" }, { beforeDeploymentPhase: false })).toBe("START");
    expect(defaultGateBlocks({ kind: "POST_DEPLOYMENT", title: "Sign-off" }, { beforeDeploymentPhase: true })).toBe("COMPLETE");
  });

  it("reads a sign-off of no named kind by its title, then by its place", () => {
    expect(defaultGateBlocks({ kind: "CUSTOM", title: "Pre-deploy approval" }, { beforeDeploymentPhase: false })).toBe("START");
    expect(defaultGateBlocks({ kind: "CUSTOM", title: "Release readiness" }, { beforeDeploymentPhase: false })).toBe("START");
    expect(defaultGateBlocks({ kind: "CUSTOM", title: "Post-deployment verification" }, { beforeDeploymentPhase: true })).toBe("COMPLETE");
    expect(defaultGateBlocks({ kind: "CUSTOM", title: "Sign-off" }, { beforeDeploymentPhase: true })).toBe("START");
    expect(defaultGateBlocks({ kind: "CUSTOM", title: "Sign-off" }, { beforeDeploymentPhase: false })).toBe("COMPLETE");
  });

  it("finds the deployment phase among the top-level sections, skipping pre- and post- phases", () => {
    const titles = ["Pre-Deployment Checklist", "Preparation", "Deployment Steps", "Post-Deployment Verification", "Sign-Off"];
    expect(isBeforeDeploymentPhase(titles, 1)).toBe(true);
    expect(isBeforeDeploymentPhase(titles, 2)).toBe(false);
    expect(isBeforeDeploymentPhase(titles, 4)).toBe(false);
    expect(isBeforeDeploymentPhase(titles, null)).toBe(false);
    expect(isBeforeDeploymentPhase(["Checks", "Sign-Off"], 0)).toBe(false);
  });

  it("reads a long title in linear time", () => {
    const title = `${"pre ".repeat(25_000)}x`;
    const started = performance.now();
    defaultGateBlocks({ kind: "CUSTOM", title }, { beforeDeploymentPhase: false });
    isBeforeDeploymentPhase([title, "a".repeat(100_000)], 0);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

describe("gatedActionBlockedBy", () => {
  it("refuses Start while a pre-deployment sign-off is pending, naming the gate and what is missing", () => {
    const blocked = gatedActionBlockedBy("start", [withStatus(pre), withStatus(post)]);
    expect(blocked?.message).toBe("Start is blocked by “Pre-Deployment Sign-Off”: QA Lead has not approved (1 of 1 needed).");
    expect(blocked?.holds).toEqual([{ gateId: "pre", title: "Pre-Deployment Sign-Off", missing: ["QA Lead has not approved (1 of 1 needed)"] }]);
  });

  it("refuses Complete while a post-deployment sign-off is pending, and lets Start go once its gates are satisfied", () => {
    const signedPre = withStatus(pre, [signature({})]);
    const halfPost = withStatus(post, [signature({ gateId: "post", title: "Product Manager" })]);
    expect(gatedActionBlockedBy("start", [signedPre, halfPost])).toBeNull();
    expect(gatedActionBlockedBy("complete", [signedPre, halfPost])?.message).toBe("Complete is blocked by “Post-Deployment Sign-Off”: Product Manager has not approved (1 of 2 needed).");
  });

  it("says what a Go/No-Go gate lacks, and names every blocking gate", () => {
    expect(gatedActionBlockedBy("start", [withStatus(goNoGo), withStatus(pre)])?.message).toBe(
      "Start is blocked by “Go/No-Go”: The CTO has not said GO yet. Also by “Pre-Deployment Sign-Off”: QA Lead has not approved (1 of 1 needed).",
    );
    const deferred = withStatus(goNoGo, [signature({ gateId: "go", title: null, decision: "DEFER" })]);
    expect(missingForGate(deferred.gate, deferred.status)).toEqual(["the CTO says DEFER"]);
  });

  it("names rejections, stale approvals and open required items", () => {
    const gate = { ...pre, roles: [{ title: "QA Lead", quorum: 1 }, { title: "Tech Lead", quorum: 1 }], requiredItemIds: ["a", "b"] };
    const status = gateStatus(gate, [signature({ decision: "REJECT", comment: "Load test failed" }), signature({ title: "Tech Lead", stale: true })], noItems);
    expect(missingForGate(gate, status)).toEqual([
      "QA Lead rejected it (Quinn QA: Load test failed)",
      "Tech Lead's approval is stale: the checklist changed after signing",
      "2 required items are not done",
    ]);
  });
});

describe("isLateSignature", () => {
  const started = { status: "IN_PROGRESS", startedAt: "2026-12-01T10:00:00.000Z", finishedAt: null };
  it("marks a Start gate's signature given after the start", () => {
    expect(isLateSignature("START", { at: "2026-12-01T10:00:01.000Z" }, started)).toBe(true);
    expect(isLateSignature("START", { at: "2026-12-01T09:59:59.000Z" }, started)).toBe(false);
    expect(isLateSignature("START", { at: "2026-12-01T10:00:01.000Z" }, { status: "DRAFT", startedAt: null, finishedAt: null })).toBe(false);
  });
  it("marks a Complete gate's signature given after the completion, and not after the start", () => {
    expect(isLateSignature("COMPLETE", { at: "2026-12-01T10:30:00.000Z" }, started)).toBe(false);
    const complete = { status: "COMPLETE", startedAt: started.startedAt, finishedAt: "2026-12-01T11:00:00.000Z" };
    expect(isLateSignature("COMPLETE", { at: "2026-12-01T11:00:05.000Z" }, complete)).toBe(true);
    expect(isLateSignature("COMPLETE", { at: "2026-12-01T10:59:00.000Z" }, complete)).toBe(false);
  });
});

describe("describeOverride", () => {
  it("says what was skipped, by title, and why", () => {
    const gates = gatedActionBlockedBy("start", [withStatus(goNoGo), withStatus(pre)])!.holds;
    expect(describeOverride({ action: "START", reason: "Hotfix for an outage", gates })).toBe("Started without the CTO's and the QA Lead's sign-off: Hotfix for an outage");
    expect(describeOverride({ action: "COMPLETE", reason: "PM away", gates: [{ gateId: "post", title: "Post-Deployment Sign-Off", missing: [] }] })).toBe(
      "Completed without “Post-Deployment Sign-Off”: PM away",
    );
  });
});

describe("describeOverride with the readiness check", () => {
  it("names a passed-over readiness check and its problems, beside any sign-off", () => {
    const readiness = { gateId: "readiness", title: "Readiness check", missing: ["Nobody on this plan holds QA Lead."] };
    expect(describeOverride({ action: "SCHEDULE", reason: "Titles follow tomorrow", gates: [readiness] })).toBe(
      "Scheduled without a passed readiness check (Nobody on this plan holds QA Lead.): Titles follow tomorrow",
    );
    const gate = { gateId: "pre", title: "Pre-Deployment Sign-Off", missing: ["QA Lead has not approved (1 of 1 needed)"] };
    expect(describeOverride({ action: "START", reason: "Signed by mail", gates: [gate, readiness] })).toBe(
      "Started without the QA Lead's sign-off and a passed readiness check (Nobody on this plan holds QA Lead.): Signed by mail",
    );
  });
});
