import { describe, expect, it } from "vitest";
import { describeReadiness, planReadiness, type ReadinessGate, type ReadinessInput, type ReadinessMember } from "@/lib/readiness/plan-readiness";

const pre: ReadinessGate = { id: "pre", kind: "PRE_DEPLOYMENT", title: "Pre-Deployment Sign-Off", decisionMakerRole: null, roles: [{ title: "QA Lead", quorum: 1 }] };
const post: ReadinessGate = { id: "post", kind: "POST_DEPLOYMENT", title: "Post-Deployment Sign-Off", decisionMakerRole: null, roles: [{ title: "Deploy Lead", quorum: 1 }, { title: "Product Manager", quorum: 1 }] };
const goNoGo: ReadinessGate = { id: "go", kind: "GO_NO_GO", title: "Go/No-Go", decisionMakerRole: "Tech Lead", roles: [] };

const lead: ReadinessMember = { userId: "lee", name: "Lee Deploy", role: "LEAD", titles: [] };
const qa: ReadinessMember = { userId: "quinn", name: "Quinn Tester", role: "APPROVER", titles: ["QA Lead"] };
const tech: ReadinessMember = { userId: "taylor", name: "Taylor Tech", role: "APPROVER", titles: ["Tech Lead"] };

const input = (overrides: Partial<ReadinessInput>): ReadinessInput => ({ gates: [], members: [lead], allowSelfApproval: false, items: [], ...overrides });

describe("planReadiness", () => {
  it("is empty for a plan its people can run", () => {
    expect(planReadiness(input({ gates: [pre, goNoGo], members: [lead, qa, tech] }))).toEqual([]);
  });

  it("lists every title nobody holds, with the gates that need it", () => {
    const problems = planReadiness(input({ gates: [pre, post, goNoGo], members: [lead, qa] }));
    expect(problems.map((problem) => problem.kind === "title-unheld" && problem.title)).toEqual(["Deploy Lead", "Product Manager", "Tech Lead"]);
    expect(problems[1]!.message).toBe("Nobody on this plan holds Product Manager (needed by “Post-Deployment Sign-Off”).");
  });

  it("lists a gate whose only holder is the lead when self-approval is off", () => {
    const problems = planReadiness(input({ gates: [post], members: [{ ...lead, titles: ["Deploy Lead"] }, { userId: "pat", name: "Pat Product", role: "APPROVER", titles: ["Product Manager"] }] }));
    expect(problems).toEqual([
      {
        kind: "gate-unsatisfiable",
        gateId: "post",
        gateTitle: "Post-Deployment Sign-Off",
        message: "“Post-Deployment Sign-Off” can never be satisfied: only the plan's lead (Lee Deploy) holds Deploy Lead, and the plan does not allow self-approval.",
      },
    ]);
  });

  it("accepts the lead as the holder when the plan allows self-approval", () => {
    const members = [{ ...lead, titles: ["Deploy Lead", "Product Manager"] }];
    expect(planReadiness(input({ gates: [post], members, allowSelfApproval: true }))).toEqual([]);
  });

  it("lists a quorum larger than the members who can sign", () => {
    const gate = { ...pre, roles: [{ title: "QA Lead", quorum: 2 }] };
    const [problem] = planReadiness(input({ gates: [gate], members: [lead, qa] }));
    expect(problem?.message).toBe("“Pre-Deployment Sign-Off” can never be satisfied: 2 QA Lead approvals are needed but only 1 member can give one.");
  });

  it("does not count a viewer or executor holding the title as a signer", () => {
    const [problem] = planReadiness(input({ gates: [pre], members: [lead, { ...qa, role: "VIEWER" }] }));
    expect(problem?.message).toContain("Quinn Tester holds QA Lead but is not an approver");
  });

  it("lists a Go/No-Go whose decision maker is only the lead", () => {
    const [problem] = planReadiness(input({ gates: [goNoGo], members: [{ ...lead, titles: ["Tech Lead"] }] }));
    expect(problem).toMatchObject({ kind: "gate-unsatisfiable", gateId: "go" });
    expect(problem?.message).toContain("so nobody can say GO");
  });

  it("lists measured steps without a target, and not those with one or plain steps", () => {
    const items = [
      { id: "a", text: "Error rate: __ %", metric: null },
      { id: "b", text: "API p95: __ ms (<300ms target)", metric: { label: "API p95", unit: "ms", comparator: "<", target: 300 } },
      { id: "c", text: "Restart the workers", metric: null },
      { id: "e", text: "Backup location: ____", metric: null },
      { id: "f", text: "Queue drain time: ___ seconds", metric: null },
      { id: "d", text: "Queue depth", metric: { label: "Queue depth", unit: "" } },
    ];
    expect(planReadiness(input({ items })).map((problem) => problem.kind === "measure-without-target" && problem.itemId)).toEqual(["a", "f", "d"]);
  });

  it("reads a long run of spaces and underscores in linear time", () => {
    const text = `: __`.repeat(50_000);
    expect(planReadiness(input({ items: [{ id: "x", text, metric: null }] }))).toHaveLength(0);
  });
});

describe("describeReadiness", () => {
  it("names the action and every problem", () => {
    const problems = planReadiness(input({ gates: [pre], members: [lead] }));
    expect(describeReadiness("Start", problems)).toBe("Start is refused until the plan is ready: Nobody on this plan holds QA Lead (needed by “Pre-Deployment Sign-Off”).");
  });
});
