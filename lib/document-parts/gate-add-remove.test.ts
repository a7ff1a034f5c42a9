import { describe, expect, it } from "vitest";
import { exportPlanMarkdown } from "@/lib/import/export-plan-markdown";
import { parsePlanMarkdown } from "@/lib/import/parse-plan-markdown";
import { gateAddSchema } from "@/lib/document-parts/part-change-schema";
import { newGateEntry } from "@/lib/document-parts/gate-add-remove";
import { placeNewGate } from "@/lib/document-parts/place-new-gate";
import type { PlanDocument } from "@/lib/plan-document/schema";

const PLAN = `# Database upgrade

## Preparation
- [ ] Take a snapshot

## Upgrade
- [ ] Run the upgrade

## Sign-off
- Ops lead: ____

## Approvals
Who approves the release.

## Communication
\`\`\`text
Subject: Starting

We start now.
\`\`\`
`;

const parse = (markdown: string) => parsePlanMarkdown(markdown).document;
const titleOf = (document: PlanDocument, sectionId: string | null | undefined) => document.sections.find((section) => section.id === sectionId)?.title;
/** A gate as the export carries it: where it is, its kind, its titles and who decides (ids are the importer's to give). */
const gatesAsWritten = (document: PlanDocument) =>
  document.gates.map((gate) => ({ section: titleOf(document, gate.sectionId), kind: gate.kind, roles: gate.roles.map((role) => role.role), decisionMaker: gate.decisionMaker }));

function withNewGate(document: PlanDocument, input: unknown): PlanDocument {
  const change = gateAddSchema.parse(input);
  const place = placeNewGate(document);
  if (place === undefined) throw new Error("no place for the gate");
  return { ...document, gates: document.gates.toSpliced(place.index, 0, newGateEntry(change, place.sectionId)) };
}

describe("placeNewGate", () => {
  it("puts a gate in a sign-off section without a gate, before any other section", () => {
    const document = parse(PLAN);
    expect(titleOf(document, placeNewGate(document)?.sectionId)).toBe("Approvals");
  });

  it("else in the last section without a gate, never among the messages", () => {
    const document = parse(PLAN.replace("## Approvals\nWho approves the release.\n\n", ""));
    expect(titleOf(document, placeNewGate(document)?.sectionId)).toBe("Upgrade");
  });

  it("finds no place when every section has a gate", () => {
    const document = parse(`# Plan\n\n## Sign-off\n- Ops lead: ____\n`);
    expect(placeNewGate(document)).toBeUndefined();
  });
});

describe("gate.add schema", () => {
  it("asks a sign-off gate for its titles and a Go/No-Go gate for who decides", () => {
    expect(gateAddSchema.safeParse({ type: "gate.add", kind: "sign-off", title: "Release approval", roles: [] }).error?.issues[0]?.message).toBe("Name at least one sign-off title.");
    expect(gateAddSchema.safeParse({ type: "gate.add", kind: "go-no-go", title: "Go decision" }).error?.issues[0]?.message).toBe("Name the title that decides Go or No-Go.");
    expect(gateAddSchema.safeParse({ type: "gate.add", kind: "sign-off", title: "x".repeat(201), roles: [{ title: "QA", quorum: 1 }] }).success).toBe(false);
  });
});

describe("a new gate survives export → import", () => {
  it("a sign-off gate comes back with its titles, in the section it was put in", () => {
    const document = withNewGate(parse(PLAN), { type: "gate.add", kind: "sign-off", title: "Release approval", roles: [{ title: "QA Lead", quorum: 2 }, { title: "Security", quorum: 1 }] });
    const again = parse(exportPlanMarkdown(document));
    expect(gatesAsWritten(again)).toEqual(gatesAsWritten(document));
    expect(again.gates.at(-1)?.label).toBe("Release approval");
  });

  it("a Go/No-Go gate comes back with who decides", () => {
    const document = withNewGate(parse(PLAN), { type: "gate.add", kind: "go-no-go", title: "Go decision", decisionMaker: "CAB chair" });
    expect(gatesAsWritten(parse(exportPlanMarkdown(document)))).toEqual(gatesAsWritten(document));
  });

  it("both kinds come back in a plan without a sign-off section to spare", () => {
    const plain = parse(PLAN.replace("## Approvals\nWho approves the release.\n\n", ""));
    for (const input of [
      { type: "gate.add", kind: "sign-off", title: "Release approval", roles: [{ title: "QA Lead", quorum: 1 }] },
      { type: "gate.add", kind: "go-no-go", title: "Go decision", decisionMaker: "CAB chair" },
    ]) {
      const document = withNewGate(plain, input);
      expect(gatesAsWritten(parse(exportPlanMarkdown(document)))).toEqual(gatesAsWritten(document));
    }
  });
});
