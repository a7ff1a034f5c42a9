import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { tableGrid } from "@/lib/import/export-blocks";
import { parsePlanMarkdown } from "@/lib/import/parse-plan-markdown";
import { editDocumentPart } from "@/lib/document-parts/edit-document-parts";
import type { DocumentOnlyPartEvent } from "@/lib/document-parts/part-events";
import { partHash } from "@/lib/document-parts/part-hash";
import { inverseGateEdit, inversePartEdit } from "@/lib/document-parts/undo-part-edit";
import type { PlanDocument } from "@/lib/plan-document/schema";

const PLAN = `# Undo plan

## Risks
| Risk | Probability | Impact | Mitigation |
| --- | --- | --- | --- |
| Slow migration | Low | High | Run it off-peak |

## Rollback
Roll back if any of these happens:
- Error rate above 2%
- Latency p95 above 800 ms

## Communication
\`\`\`text
Subject: Starting

We start now.
\`\`\`
`;

type PartEvent = DocumentOnlyPartEvent;

/** Applies an edit, then its inverse: the document must be as before. */
function roundTrip(document: PlanDocument, change: Parameters<typeof editDocumentPart>[1]): PlanDocument {
  const edited = editDocumentPart(document, change, "DRAFT");
  return editDocumentPart(edited.document, inversePartEdit(edited.document, edited.event as PartEvent), "DRAFT").document;
}

describe("inversePartEdit", () => {
  const document = parsePlanMarkdown(PLAN).document;
  const risks = document.tables[0]!;
  const message = document.commsTemplates[0]!;

  it("puts every part back as it was", () => {
    expect(roundTrip(document, { type: "trigger.add", text: "Queue depth above 10k" })).toEqual(document);
    expect(roundTrip(document, { type: "trigger.edit", index: 1, expectedText: "Latency p95 above 800 ms", text: "Latency p95 above 500 ms" })).toEqual(document);
    expect(roundTrip(document, { type: "trigger.remove", index: 0, expectedText: "Error rate above 2%" })).toEqual(document);
    expect(roundTrip(document, { type: "table.edit", tableId: risks.id, expectedHash: partHash(risks), header: ["Risk", "Owner"], rows: [["Outage", "Ada"]] })).toEqual(document);
    expect(roundTrip(document, { type: "comms.edit", templateId: message.id, expectedHash: partHash(message), subject: "Go", body: "Now." })).toEqual(document);
    expect(roundTrip(document, { type: "comms.remove", templateId: message.id, expectedHash: partHash(message) })).toEqual(document);
    const added = editDocumentPart(document, { type: "comms.add", name: "All clear", body: "Done." }, "DRAFT");
    expect(editDocumentPart(added.document, inversePartEdit(added.document, added.event as PartEvent), "DRAFT").document).toEqual(document);
  });

  it("reads an event whose keys came back from the database in another order", () => {
    const edited = editDocumentPart(document, { type: "table.edit", tableId: risks.id, expectedHash: partHash(risks), header: ["Risk"], rows: [["Outage"]] }, "DRAFT");
    const event = edited.event as Extract<PartEvent, { type: "table.edited" }>;
    const reordered = { ...event, table: { rows: event.table.rows, header: event.table.header } };
    expect(editDocumentPart(edited.document, inversePartEdit(edited.document, reordered), "DRAFT").document).toEqual(document);
  });

  it("refuses when the part changed after the edit", () => {
    const edited = editDocumentPart(document, { type: "table.edit", tableId: risks.id, expectedHash: partHash(risks), header: ["Risk"], rows: [["Outage"]] }, "DRAFT");
    const table = edited.document.tables[0]!;
    const again = editDocumentPart(edited.document, { type: "table.edit", tableId: risks.id, expectedHash: partHash(table), ...tableGrid(table), rows: [["Power cut"]] }, "DRAFT");
    try {
      inversePartEdit(again.document, edited.event as PartEvent);
      throw new Error("expected a refusal");
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).message).toBe("The table changed after your edit, so undoing it would lose that change. Edit it directly instead.");
    }
  });

  it("reverts a gate edit only while the gate reads as the edit left it", () => {
    const before = { title: "Sign-off", decisionMaker: null, roles: [{ title: "QA Lead", quorum: 1 }] };
    const after = { ...before, roles: [{ title: "QA Lead", quorum: 2 }] };
    const event = { type: "gate.edited" as const, gateId: "g1", before, gate: after, config: { requiredItemIds: [], quorums: [] } };
    expect(inverseGateEdit(event, after)).toEqual({ type: "gate.edit", gateId: "g1", expectedHash: partHash(after), title: "Sign-off", roles: before.roles, decisionMaker: null });
    expect(() => inverseGateEdit(event, { ...after, title: "Renamed" })).toThrow(AppError);
  });
});
