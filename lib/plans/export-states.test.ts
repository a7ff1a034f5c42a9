import { describe, expect, it } from "vitest";
import { exportPlanMarkdown } from "@/lib/import/export-plan-markdown";
import { parsePlanMarkdown } from "@/lib/import/parse-plan-markdown";
import { allItems, allSections } from "@/lib/plan-document/walk";
import { decisionsInForce, documentWithRunRecord, documentWithState, type ItemStateRow, type RunRecord } from "@/lib/plans/plan-document-with-state";
import { builtinTemplates } from "@/lib/templates/builtin-templates";
import { fillTemplateForPlan } from "@/lib/templates/create-plan-from-template";

const PLAN = `# Release: Payments API 2.4.0

**Environment**: production

## Deployment
- [ ] Apply database migrations
- [ ] Warm caches (optional)
- [ ] Roll out 2.4.0
- [ ] Update the status page

## Verification
- [ ] API p95 response time: __ ms (<300ms target)
- [ ] Error rate: __ % (<1% target)
- [ ] Replication lag: __ s (<5s target)
`;

const at = new Date("2026-11-22T10:05:00Z");

function row(documentKey: string, status: ItemStateRow["status"], extra: Partial<ItemStateRow> = {}): ItemStateRow {
  return { documentKey, status, statusNote: null, measuredValue: null, statusAt: at, changedBy: "Lee Park", ...extra };
}

const run: RunRecord = {
  status: "ROLLED_BACK",
  startedAt: new Date("2026-11-22T10:00:00Z"),
  finishedAt: new Date("2026-11-22T10:40:00Z"),
  rollbackReason: "Error rate 2.5% against < 1%\nfor ten minutes",
  decisions: [{ gateTitle: "Go/No-Go", decision: "GO", by: "Dana Lee", at: "2026-11-22T09:55:00.000Z", rationale: "All checks green, on-call ready" }],
};

function exported() {
  const { document } = parsePlanMarkdown(PLAN);
  const [migrate, caches, rollOut, statusPage, latency, errors, lag] = allItems(document).map((item) => item.id);
  const rows = [
    row(migrate!, "DONE"),
    row(caches!, "SKIPPED", { statusNote: "cold start is fine this time" }),
    row(rollOut!, "DONE"),
    row(statusPage!, "NOT_APPLICABLE", { statusNote: "internal release" }),
    row(latency!, "DONE", { measuredValue: 182.5 }),
    row(errors!, "FAILED", { measuredValue: 2.5, statusNote: "spike after roll-out" }),
    row(lag!, "PENDING", { measuredValue: 3, statusAt: null, changedBy: null }),
  ];
  const withRun = documentWithRunRecord(documentWithState(document, rows), run);
  return { withRun, markdown: exportPlanMarkdown(withRun) };
}

describe("the export keeps states", () => {
  it("round-trips skipped, failed and not-applicable steps and the measured values with their units", () => {
    const { withRun, markdown } = exported();
    const reread = parsePlanMarkdown(markdown).document;
    expect(allItems(reread).map((item) => item.state)).toEqual(allItems(withRun).map((item) => item.state));
    expect(allItems(reread).map((item) => item.state?.status ?? "pending")).toEqual(["done", "skipped", "done", "not_applicable", "done", "failed", "pending"]);
    expect(allItems(reread).map((item) => item.text)).toEqual(allItems(withRun).map((item) => item.text));
    expect(allItems(reread).map((item) => item.metric?.unit)).toEqual([undefined, undefined, undefined, undefined, "ms", "%", "s"]);
    expect(allItems(reread).map((item) => item.state?.measuredValue)).toEqual([undefined, undefined, undefined, undefined, 182.5, 2.5, 3]);
  });

  it("writes markers that read right on GitHub", () => {
    const { markdown } = exported();
    expect(markdown).toContain("- [x] Apply database migrations — done by Lee Park at 2026-11-22 10:05 UTC\n");
    expect(markdown).toContain("- [ ] ~~Warm caches (optional)~~ — **skipped** by Lee Park at 2026-11-22 10:05 UTC; note: cold start is fine this time\n");
    expect(markdown).toContain("- [ ] ~~Update the status page~~ — **n/a** by Lee Park at 2026-11-22 10:05 UTC; note: internal release\n");
    expect(markdown).toContain("- [x] API p95 response time: __ ms (<300ms target) — done by Lee Park at 2026-11-22 10:05 UTC; measured: 182.5 ms\n");
    expect(markdown).toContain("- [ ] Error rate: __ % (<1% target) — **failed** by Lee Park at 2026-11-22 10:05 UTC; measured: 2.5%; note: spike after roll-out\n");
    expect(markdown).toContain("- [ ] Replication lag: __ s (<5s target) — pending; measured: 3 s\n");
  });

  it("states the status, times, rollback reason and decision rationale in the header, once after a re-export", () => {
    const { markdown } = exported();
    const header = markdown.slice(0, markdown.indexOf("## "));
    expect(header).toContain("**Plan Status**: Rolled back");
    expect(header).toContain("**Started At**: 2026-11-22 10:00 UTC");
    expect(header).toContain("**Finished At**: 2026-11-22 10:40 UTC");
    expect(header).toContain("**Rollback Reason**: Error rate 2.5% against < 1% for ten minutes");
    expect(header).toContain("**Go/No-Go**: GO by Dana Lee at 2026-11-22 09:55 UTC: All checks green, on-call ready");

    const reread = parsePlanMarkdown(markdown).document;
    expect(reread.gates).toEqual([]);
    const again = exportPlanMarkdown(documentWithRunRecord(reread, { ...run, status: "COMPLETE", rollbackReason: null, decisions: [] }));
    expect(again.match(/\*\*Plan Status\*\*/g)).toHaveLength(1);
    expect(again).toContain("**Plan Status**: Complete");
    expect(again).not.toContain("Rollback Reason");
    expect(again).not.toContain("Go/No-Go");
  });
});

describe("the Go/No-Go decisions in force", () => {
  it("are the fresh decisions, with the gate's title, who, when and the rationale", () => {
    const decision = (id: string, stale: boolean) => ({
      id, gateId: "g", title: null, userId: "u", userName: "Dana Lee", decision: "NO_GO" as const, comment: "p95 too high", at: "2026-11-22T09:55:00.000Z", stale, staleReason: null,
    });
    const status = (live: ReturnType<typeof decision> | null) => ({ gateId: "g", state: "pending" as const, roles: [], decision: live, openRequiredItemIds: [] });
    const gates = new Map([["g1", status(decision("a", false))], ["g2", status(decision("b", true))], ["g3", status(null)]]);
    expect(decisionsInForce(gates, new Map([["g1", "Go/No-Go"]]))).toEqual([
      { gateTitle: "Go/No-Go", decision: "NO_GO", by: "Dana Lee", at: "2026-11-22T09:55:00.000Z", rationale: "p95 too high" },
    ]);
    const { document } = parsePlanMarkdown(PLAN);
    const header = exportPlanMarkdown(documentWithRunRecord(document, { ...run, decisions: decisionsInForce(gates, new Map()) }));
    expect(header).toContain("**Go/No-Go**: NO-GO by Dana Lee at 2026-11-22 09:55 UTC: p95 too high");
  });
});

describe("message subjects", () => {
  it("keep their placeholders through import, so the filled subject is complete", async () => {
    const release = (await builtinTemplates()).find((template) => template.id === "builtin-production-release")!;
    const subjects = (document: typeof release.document) =>
      allSections(document).flatMap((section) => section.fields.filter((field) => field.key === "Subject").map((field) => field.value));
    expect(subjects(release.document)).toEqual(["{{feature}} {{version}} deployment starting", "{{feature}} {{version}} is live"]);
    const filled = fillTemplateForPlan(release.document, { feature: "Payments API", version: "2.4.0", environment: "production", placeholders: { previous_version: "2.3.1" } });
    expect(subjects(filled)).toEqual(["Payments API 2.4.0 deployment starting", "Payments API 2.4.0 is live"]);
    const markdown = exportPlanMarkdown(filled);
    expect(markdown).toContain("**Subject**: Payments API 2.4.0 is live");
    expect(subjects(parsePlanMarkdown(markdown).document)).toEqual(subjects(filled));
  });

  it("a field made only of blanks is still declared-but-empty", () => {
    const { document } = parsePlanMarkdown("# P\n\n**Feature**: {{feature}}\n**Deploy Lead**: [Name]\n\n## Steps\n- [ ] One\n");
    expect(document.metadata.feature).toBe("");
    expect(document.metadata.deployLead).toBe("");
  });
});
