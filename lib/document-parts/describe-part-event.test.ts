import { describe, expect, it } from "vitest";
import { describeDocumentPartEvent, documentPartBeforeAndAfter } from "@/lib/document-parts/describe-part-event";

describe("describeDocumentPartEvent", () => {
  it("names the part and says what happened to it", () => {
    const gate = { title: "Pre-deployment sign-off", decisionMaker: null, roles: [{ title: "QA Lead", quorum: 1 }] };
    const config = { requiredItemIds: [], quorums: [{ title: "QA Lead", quorum: 2 }] };
    expect(describeDocumentPartEvent("Lee", { type: "gate.edited", gateId: "g", before: gate, gate: { ...gate, title: "Readiness" }, config })).toBe("Lee renamed the gate “Pre-deployment sign-off” to “Readiness”");
    expect(describeDocumentPartEvent("Lee", { type: "gate.edited", gateId: "g", before: gate, gate: { ...gate, roles: [{ title: "QA Lead", quorum: 2 }] }, config })).toBe("Lee edited the gate “Pre-deployment sign-off”");
    expect(describeDocumentPartEvent("Lee", { type: "table.edited", tableId: "t1", kind: "contacts", before: { header: [], rows: [] }, table: { header: [], rows: [] } })).toBe("Lee edited the contact table");
    expect(describeDocumentPartEvent("Lee", { type: "trigger.removed", index: 0, before: { text: "Error rate above 2%", mode: "unspecified" }, sectionId: null })).toBe("Lee removed the rollback trigger “Error rate above 2%”");
    expect(describeDocumentPartEvent("Lee", { type: "trigger.added", index: 0, trigger: { text: "Error rate above 2%", mode: "unspecified" }, undoOf: 7 })).toBe("Lee added the rollback trigger “Error rate above 2%” (undo)");
    expect(describeDocumentPartEvent("Lee", { type: "comms.added", template: { id: "m", name: "All clear", audience: null, subject: null, body: "Done." } })).toBe("Lee added the message “All clear”");
  });

  it("shows the part before and after as text", () => {
    const before = { title: "Sign-off", decisionMaker: "CTO", roles: [{ title: "QA Lead", quorum: 1 }] };
    const after = { ...before, roles: [{ title: "QA Lead", quorum: 2 }, { title: "SRE", quorum: 1 }] };
    expect(documentPartBeforeAndAfter({ type: "gate.edited", gateId: "g", before, gate: after, config: { requiredItemIds: [], quorums: [] } })).toEqual([
      "Sign-off\nSigned by: QA Lead\nDecided by: CTO",
      "Sign-off\nSigned by: QA Lead ×2, SRE\nDecided by: CTO",
    ]);
    expect(documentPartBeforeAndAfter({ type: "table.edited", tableId: "t1", kind: "risks", before: { header: ["Risk"], rows: [["Slow"]] }, table: { header: ["Risk", "Owner"], rows: [["Slow", "Ada"]] } })).toEqual([
      "Risk\nSlow",
      "Risk | Owner\nSlow | Ada",
    ]);
    expect(documentPartBeforeAndAfter({ type: "comms.removed", before: { id: "m", name: "Start", audience: "Support", subject: "Go", body: "We start." }, index: 0, removed: { id: "m", sectionId: null, name: "Start", audience: "Support", subject: "Go", body: "We start.", placeholders: [] } })).toEqual(["Start\nTo: Support\nSubject: Go\n\nWe start.", null]);
  });
});
