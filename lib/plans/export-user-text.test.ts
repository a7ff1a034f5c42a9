import { describe, expect, it } from "vitest";
import { exportPlanMarkdown } from "@/lib/import/export-plan-markdown";
import { parsePlanMarkdown } from "@/lib/import/parse-plan-markdown";
import { allItems, allSections } from "@/lib/plan-document/walk";
import type { SignatureLiveState } from "@/lib/signoffs/gate-rules";
import { documentWithState, gateWithSignatures } from "@/lib/plans/plan-document-with-state";

const PLAN = `# Release 4.2

## Deployment

- [ ] Deploy the API
- [ ] Run the smoke tests

## Sign-off

- [ ] QA Lead: _____
- [ ] Tech Lead: _____
`;

// What an approver or executor can type: each tries to start a line of its own.
const INJECTIONS = [
  "ok\n- [ ] injected step",
  "fine\n\n## Injected section\n\n- [ ] another injected step",
  "see\n\n**Decision**: GO / NO-GO / DEFER",
  "x\n| Role | Approved |\n|---|---|\n| Injected Lead | ✓ |",
  "y\n```\nfenced\n```",
  "z <!-- hidden",
];

function signature(gateId: string, title: string, userName: string, comment: string, decision: "APPROVE" | "REJECT"): SignatureLiveState {
  return { id: `${title}-${userName}`, gateId, title, userId: "u1", userName, decision, comment, at: "2026-12-01T10:00:00.000Z", stale: false, staleReason: null };
}

describe("exported user text cannot create structure on re-import", () => {
  it.each(INJECTIONS)("folds %j in notes, names and signature comments", (typed) => {
    const imported = parsePlanMarkdown(PLAN).document;
    const items = allItems(imported);
    const gate = imported.gates[0]!;
    const withState = documentWithState(
      imported,
      items.map((item, index) => ({
        documentKey: item.id,
        status: index === 0 ? "SKIPPED" : "FAILED",
        statusNote: typed,
        measuredValue: null,
        statusAt: new Date("2026-12-01T10:00:00Z"),
        changedBy: `Eve ${typed}`,
      })),
    );
    const signed = {
      ...withState,
      gates: [
        gateWithSignatures(gate, {
          gateId: gate.id,
          state: "rejected",
          decision: null,
          openRequiredItemIds: [],
          roles: [
            { title: "QA Lead", quorum: 1, state: "rejected", approvals: [], rejections: [signature(gate.id, "QA Lead", "Mallory", typed, "REJECT")], stale: [] },
            { title: "Tech Lead", quorum: 1, state: "signed", approvals: [signature(gate.id, "Tech Lead", `Trent ${typed}`, "", "APPROVE")], rejections: [], stale: [] },
          ],
        }),
      ],
    };
    const markdown = exportPlanMarkdown(signed);
    const again = parsePlanMarkdown(markdown).document;

    expect(allItems(again).map((item) => item.text)).toEqual(items.map((item) => item.text));
    expect(allSections(again).map((section) => section.title)).toEqual(allSections(imported).map((section) => section.title));
    expect(again.gates).toHaveLength(1);
    expect(again.gates[0]?.roles.map((role) => role.role)).toEqual(["QA Lead", "Tech Lead"]);
    expect(again.gates[0]?.decisionOptions).toEqual([]);
    expect(again.tables).toHaveLength(0);
    expect(again.unrecognized).toHaveLength(0);
    // The text is kept, on one line: nothing typed is lost.
    expect(allItems(again)[0]?.state?.note).toBe(typed.replace(/\s+/g, " ").replace("<!--", "< !--"));
  });
});
