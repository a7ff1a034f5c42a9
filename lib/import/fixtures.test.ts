import { describe, expect, it } from "vitest";
import { normalizeText } from "@/lib/import/normalize-text";
import { parsePlanMarkdown } from "@/lib/import/parse-plan-markdown";
import { fixtureNames, readFixture, unaccountedLines } from "@/lib/import/test-support";
import { planDocumentSchema, type PlanDocument, type PlanItem, type PlanSection } from "@/lib/plan-document/schema";
import { allItems, findSection } from "@/lib/plan-document/walk";

function section(document: PlanDocument, id: string): PlanSection {
  const found = findSection(document, id);
  if (!found) throw new Error(`no section ${id}`);
  return found;
}

function item(document: PlanDocument, text: string): PlanItem {
  const found = allItems(document).find((candidate) => candidate.text === text);
  if (!found) throw new Error(`no item "${text}"`);
  return found;
}

describe.each(fixtureNames())("fixture %s", (name) => {
  const text = readFixture(name);

  it("is a valid PlanDocument with no line dropped", () => {
    const { document } = parsePlanMarkdown(text);
    expect(() => planDocumentSchema.parse(document)).not.toThrow();
    expect(unaccountedLines(normalizeText(text).text, document)).toEqual([]);
  });

  it("parses the same with Windows (CRLF) line endings", () => {
    expect(parsePlanMarkdown(text.replace(/\n/g, "\r\n"))).toEqual(parsePlanMarkdown(text));
  });
});

describe("syntax variations", () => {
  const { document, summary } = parsePlanMarkdown(readFixture("syntax-variations.md"));

  it("reads setext and closed ATX headings, ignoring HTML comments", () => {
    expect(document.title).toBe("Payments API Release");
    expect(document.sections.map((entry) => [entry.title, entry.level])).toEqual([["Preparation", 2], ["Deploy", 2]]);
    expect(section(document, "s2").sections.map((entry) => entry.title)).toEqual(["Step 1: Drain traffic", "Step 2: Roll out", "Verification"]);
    expect(JSON.stringify(document)).not.toContain("Internal notes");
    expect(JSON.stringify(document)).not.toContain("inline comment");
  });

  it("reads *, + and numbered task items, [x] and [X], and nesting", () => {
    const preparation = section(document, "s1");
    expect(preparation.items.map((entry) => entry.text)).toEqual([
      "Announce the change window in #deploys",
      "Freeze merges to `main`",
      "Snapshot the primary database",
      "Warm the standby cache (optional)",
      "Confirm the on-call rota",
      "Page the DBA if replication lag is high (owner: DBA)",
      "CRITICAL: verify the backup restores",
    ]);
    expect(item(document, "Freeze merges to `main`").state).toEqual({ status: "done", by: "import" });
    expect(item(document, "Snapshot the primary database").state).toEqual({ status: "done", by: "Lee", at: "2026-11-22T10:00:00.000Z" });
    const page = item(document, "Page the DBA if replication lag is high (owner: DBA)");
    expect(page.assignee).toBe("DBA");
    expect(page.items.map((entry) => entry.text)).toEqual(["Check lag on replica 1", "Check lag on replica 2"]);
    expect(page.items[1]?.items[0]?.id).toBe("s1:i6.2.1");
    expect(summary).toMatchObject({ sections: 5, items: 22, checkedItems: 2, commands: 3, unrecognizedBlocks: 3 });
  });

  it("keeps ~~~ fences with # lines as code and attaches code to the item it follows", () => {
    const drain = section(document, "s2.1");
    expect(drain.offset).toEqual({ raw: "T-5 min", minutes: -5 });
    expect(drain.codeBlocks).toEqual([{ language: "bash", code: "# This line is a comment, not a heading\n## neither is this one\n./lb drain blue --wait", line: 39 }]);
    expect(item(document, "⚠️ Confirm no in-flight refunds")).toMatchObject({ critical: true, commands: [{ language: "sh", code: "./refunds inflight --count" }] });
    const deploy = item(document, "Deploy green");
    expect(deploy.details).toBe("Use the pinned image tag from the release notes.");
    expect(deploy.commands[0]?.code).toBe("kubectl set image deploy/payments api=payments:2.14.0");
  });

  it("reads markers for critical, optional, expected results, assignees and state", () => {
    expect(item(document, "CRITICAL: verify the backup restores").critical).toBe(true);
    expect(item(document, "Warm the standby cache (optional)").required).toBe(false);
    expect(item(document, 'Health endpoint returns 200 → expected: {"status":"ok"}').expected).toBe('{"status":"ok"}');
    expect(item(document, "@sre confirms dashboards are green").assignee).toBe("sre");
    expect(item(document, "Run smoke suite").state).toEqual({ status: "skipped", by: "Kim", note: "suite flaky on staging" });
    expect(item(document, "Log volume normal").state).toEqual({ status: "not_applicable", by: "Lee" });
    expect(section(document, "s2.2")).toMatchObject({ offset: { raw: "T+0", minutes: 0 }, duration: { raw: "15 min", minutes: 15 } });
  });

  it("reads measured values with targets", () => {
    expect(item(document, "API p95 response time: __ ms (<200ms target)").metric).toEqual({ label: "API p95 response time", unit: "ms", comparator: "<", target: 200 });
    expect(item(document, "Error rate: ___ % (<= 0.5% target)").metric).toEqual({ label: "Error rate", unit: "%", comparator: "<=", target: 0.5 });
    expect(item(document, "Availability (>= 99.9%)").metric).toMatchObject({ comparator: ">=", target: 99.9, unit: "%" });
    expect(item(document, "Cold start time < 3 s").metric).toMatchObject({ comparator: "<", target: 3, unit: "s" });
    expect(item(document, "Refund success rate: ____ (= 100%)").metric).toMatchObject({ comparator: "=", target: 100 });
  });

  it("treats placeholders as blanks and keeps unknown blocks with their lines", () => {
    expect(document.metadata).toMatchObject({ service: "payments-api", version: "2.14.0", deployLead: "", strategy: "blue-green", riskLevel: "Medium" });
    expect(document.metadata.extra).toEqual([{ key: "Change Ticket", value: "" }]);
    expect(document.overview).toBe("Release of the new refunds endpoint. Approved in CAB on Monday.");
    expect(document.unrecognized.map((block) => [block.kind, block.startLine])).toEqual([["html", 74], ["html", 78], ["definition", 80]]);
  });
});

describe("sign-offs and gates", () => {
  const { document, summary } = parsePlanMarkdown(readFixture("signoffs-and-gates.md"));

  it("reads a Field/Value table into metadata", () => {
    expect(document.metadata).toMatchObject({
      feature: "One-page checkout",
      version: "5.2.0",
      strategy: "canary",
      strategyText: "Canary (5% → 50% → 100%)",
      riskLevel: "High",
      window: { start: "Sat 06:00–08:00 UTC", estimatedDuration: "90 minutes" },
    });
    expect(document.metadata.extra).toEqual([{ key: "Rollback owner", value: "Dana Smith" }]);
    expect(document.tables).toEqual([]);
  });

  it("reads a Decision line as a go/no-go gate with its decision maker", () => {
    expect(document.gates[0]).toEqual({ id: "g1", sectionId: "s1", kind: "go-no-go", decisionMaker: "Release Manager", decisionOptions: ["GO", "NO-GO", "DEFER"], roles: [] });
    expect(section(document, "s1").items).toHaveLength(2);
    expect(section(document, "s1").fields).toEqual([]);
    expect(document.gates[3]).toMatchObject({ kind: "go-no-go", decisionMaker: "CAB chair", decision: "NO-GO" });
  });

  it("reads sign-off lists, bold role captions and a sign-off table", () => {
    expect(document.gates[1]).toMatchObject({ kind: "pre-deployment", sectionId: "s2.1" });
    expect(document.gates[1]?.roles).toEqual([
      { role: "Tech Lead", required: true, signed: true, signedBy: "Priya Patel", signedAt: "2026-11-20" },
      { role: "Security Officer", required: false, signed: false, signedBy: "", signedAt: "" },
      { role: "Product Owner", required: true, signed: false, signedBy: "" },
    ]);
    expect(document.gates[2]).toMatchObject({ kind: "post-deployment", sectionId: "s2.2" });
    expect(document.gates[2]?.roles.map((role) => [role.role, role.signed, role.signedBy])).toEqual([
      ["QA Lead", false, ""],
      ["Support Manager", false, ""],
      ["Engineering Manager", true, "Sam Lee"],
      ["SRE On-call", false, ""],
    ]);
    expect(section(document, "s2.2").items.map((entry) => [entry.text, entry.assignee])).toEqual([
      ["Regression suite passed", "QA Lead"],
      ["Exploratory testing done", "QA Lead"],
      ["Support team briefed", "Support Manager"],
    ]);
    expect(summary).toMatchObject({ gates: 4, signoffRoles: 7, items: 5 });
  });
});

describe("tables recognised by header meaning", () => {
  const { document, summary } = parsePlanMarkdown(readFixture("tables-and-metadata.md"));

  it("reads Property/Value metadata and classifies each table", () => {
    expect(document.metadata).toMatchObject({ service: "search-indexer", version: "8.11", strategy: "rolling", deployLead: "Alex Kim", expectedDowntime: "None" });
    expect(document.tables.map((table) => [table.kind, table.sectionId])).toEqual([
      ["timeline", "s1"],
      ["risks", "s2"],
      ["contacts", "s3"],
      ["monitoring", "s4"],
      ["generic", "s5"],
    ]);
    expect(summary).toMatchObject({ timelineRows: 4, riskRows: 2, contactRows: 3, monitoringRows: 2, unrecognizedBlocks: 1 });
  });

  it("maps synonym columns to the same fields", () => {
    const [timeline, risks, contacts, monitoring, generic] = document.tables;
    expect(timeline?.rows[0]).toEqual({
      time: "T-1d",
      offset: { raw: "T-1d", minutes: -1440 },
      activity: "Snapshot all indices",
      duration: "45 min",
      durationMinutes: 45,
      owner: "Alex",
      status: "[x]",
      extra: [],
    });
    expect(timeline?.rows[3]).toEqual({ time: "10:40", activity: "Re-enable allocation", owner: "Sam", extra: [] });
    expect(risks?.rows[0]).toEqual({
      risk: "Shard relocation storms",
      probability: "Medium",
      impact: "High",
      mitigation: "Throttle `cluster.routing.allocation`",
      owner: "Alex",
      extra: [],
    });
    expect(contacts?.rows[2]).toEqual({ order: 3, role: "Director of Engineering", name: "", email: "", phone: "", responsibility: "Business impact", extra: [] });
    expect(monitoring?.rows[0]).toEqual({ window: "First hour", frequency: "Every 5 minutes", owner: "Sam", checks: "Query latency, rejected requests", extra: [] });
    expect(generic).toMatchObject({ header: ["Node", "Heap", "Disk"], rows: [["es-1", "31 GB", "2 TB"], ["es-2", "31 GB", "2 TB"]] });
  });
});

describe("rollback triggers and communication templates", () => {
  const { document } = parsePlanMarkdown(readFixture("rollback-and-comms.md"));

  it("reads trigger lists under several headings, nested ones included", () => {
    expect(document.rollback.triggers.map((trigger) => [trigger.text, trigger.mode])).toEqual([
      ["Crash-free sessions drop below 99%", "unspecified"],
      ["Login errors above 2%", "unspecified"],
      ["including SSO timeouts", "unspecified"],
      ["Any data loss report", "unspecified"],
      ["Canary error budget exhausted", "automatic"],
      ["Health checks failing on 2+ pods", "automatic"],
      ["Product owner requests it", "manual"],
    ]);
    expect(document.rollback.procedureSectionIds).toEqual(["s3.1"]);
    expect(document.metadata).toMatchObject({ strategy: "feature-flag" });
  });

  it("reads templates from code and quotes, normalising placeholders", () => {
    expect(document.commsTemplates).toEqual([
      {
        id: "m1",
        sectionId: "s4.1",
        name: "Customer status page",
        body: "We are rolling out improvements to the mobile app between {{start_time}} and {{end_time}}.\nSome users may need to sign in again.",
        placeholders: ["start_time", "end_time"],
      },
      {
        id: "m2",
        sectionId: "s4.2",
        name: "Internal announcement",
        audience: "#eng-announce",
        subject: "Mobile v3 rollout starting at {{START TIME}}",
        body: "Hi all, the rollout of {{feature}} starts now. Follow along in #mobile-launch.",
        placeholders: ["START TIME", "feature"],
      },
      {
        id: "m3",
        sectionId: "s4.3",
        name: "Support handover",
        subject: "Mobile v3 is live",
        body: "Support team, please watch for login issues and tag tickets `mobile-v3`.\nOwner on call: _____",
        placeholders: [],
      },
    ]);
    expect(section(document, "s4.3").items).toHaveLength(2);
    expect(item(document, "Confirm traffic is back on v2").commands[0]?.code).toBe("flagctl set mobile_v3 off --env prod");
  });
});

describe("text repair and documents without headings", () => {
  it("repairs UTF-8 that was read as Windows-1252", () => {
    const garbled = parsePlanMarkdown(readFixture("mojibake.md"));
    expect(garbled.document.title).toBe("Release Checklist — Billing v4");
    expect(garbled.document.metadata.deployLead).toBe("José Müller");
    expect(allItems(garbled.document).map((entry) => entry.text)).toEqual([
      "Backups verified ✅",
      "⚠️ Confirm the migration is reversible",
      "Announce in #billing — “maintenance starts soon”",
      "Rocket launch 🚀 approved by the café team",
    ]);
    expect(item(garbled.document, "⚠️ Confirm the migration is reversible").critical).toBe(true);
    expect(garbled.warnings[0]).toMatch(/^Repaired 13 garbled characters/);
  });

  it("puts items that precede any heading in an implicit section", () => {
    const { document } = parsePlanMarkdown(readFixture("no-headings.md"));
    expect(document.title).toBe("");
    expect(document.metadata).toMatchObject({ service: "cron-runner", version: "1.4.2" });
    expect(document.sections).toHaveLength(1);
    expect(document.sections[0]).toMatchObject({ id: "s0", level: 0, heading: "" });
    expect(document.sections[0]?.items.map((entry) => entry.text)).toEqual([
      "Pause the scheduler",
      "Deploy the new image",
      "Resume the scheduler",
      "Watch the first three runs (expected: all succeed)",
    ]);
    expect(item(document, "Deploy the new image").commands[0]?.code).toBe("./deploy cron-runner 1.4.2");
  });
});

describe("front matter, plain metadata lines and decisions in lists", () => {
  const { document, summary } = parsePlanMarkdown(readFixture("front-matter-and-plain-fields.md"));

  it("reads YAML front matter and known plain `Key: value` lines into metadata", () => {
    expect(document.title).toBe("Ledger Hotfix 3.1.4");
    expect(document.metadata).toMatchObject({ version: "3.1.4", environment: "production", service: "ledger", riskLevel: "Low" });
    expect(document.metadata.extra).toEqual([
      { key: "title", value: "Ledger service hotfix" },
      { key: "owner", value: "Sam Lee" },
      { key: "tags", value: "[hotfix, ledger]" },
    ]);
    expect(document.overview).toBe("Written by the on-call engineer during INC-2211.");
  });

  it("takes the decision and its maker out of a list, leaving the real items", () => {
    expect(document.gates).toEqual([
      { id: "g1", sectionId: "s1", kind: "go-no-go", decisionOptions: ["GO", "NO-GO"], decisionMaker: "Incident Commander", roles: [] },
    ]);
    expect(section(document, "s1").items.map((entry) => entry.text)).toEqual(["Hotfix reviewed by two engineers"]);
    expect(item(document, "Deploy the fix").commands).toEqual([{ language: "bash", meta: "title=deploy.sh", code: "./deploy ledger 3.1.4", line: 24 }]);
    expect(summary).toMatchObject({ items: 3, gates: 1, signoffRoles: 0, commands: 1 });
  });
});

describe("another team's house style (house-style-cutover.md)", () => {
  const { document, summary } = parsePlanMarkdown(readFixture("house-style-cutover.md"));

  it("reads a run-of-show table with a time of day, a duration and a phase as the timeline", () => {
    const timeline = document.tables.find((table) => table.kind === "timeline" && table.sectionId === "s1");
    expect(summary.timelineRows).toBe(3);
    expect(timeline?.kind === "timeline" ? timeline.rows.map((row) => [row.time, row.activity, row.durationMinutes, row.owner]) : []).toEqual([
      ["21:30", "Pre-checks", 15, "Ana"],
      ["21:45", "Cutover", 30, "Ben"],
      ["22:15", "Verification", 20, "Ana"],
    ]);
  });

  it("reads a Go/No-Go section whose last item records the decision as a decision gate", () => {
    expect(document.gates).toEqual([expect.objectContaining({ kind: "go-no-go", sectionId: "s2", decisionOptions: ["GO", "NO-GO"] })]);
    expect(section(document, "s2").items.map((entry) => entry.text)).toEqual(["Staging soak passed", "On-call confirmed"]);
  });

  it("reads a plain list introduced by a sentence under a rollback heading as triggers, not steps", () => {
    expect(document.rollback.triggers.map((trigger) => trigger.text)).toEqual(["p99 latency above 800 ms for 5 minutes", "More than 1% of queries return errors"]);
    expect(section(document, "s4").items).toEqual([]);
    // Its checklist below stays the procedure.
    expect(section(document, "s4.1").items.map((entry) => entry.text)).toEqual(["Point the alias back"]);
  });

  it("leaves a plain list after an ordinary sentence in a rollback section as steps", () => {
    const plain = parsePlanMarkdown("# Plan\n\n## Rollback\n\nBefore you start, make sure:\n\n- the old image is still in the registry\n- the alias can be changed\n").document;
    expect(plain.rollback.triggers).toEqual([]);
    expect(allItems(plain).map((entry) => entry.text)).toEqual(["the old image is still in the registry", "the alias can be changed"]);
  });
});

describe("large documents", () => {
  it("parses a document built from many plans the same as its parts (pieces are cut only between blocks)", () => {
    const plan = readFixture("release-runbook.md");
    const copies = 6;
    const { summary } = parsePlanMarkdown(Array.from({ length: copies }, () => plan).join("\n\n"));
    // With six "#" titles none is the document title, so each becomes a section.
    expect(summary).toMatchObject({ sections: copies * 30, items: copies * 26, commands: copies * 8, commsTemplates: copies * 1, timelineRows: copies * 8, rollbackTriggers: copies * 4 });
  });
});
