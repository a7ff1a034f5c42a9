import { describe, expect, it } from "vitest";
import { decideDocumentPartEdit } from "@/lib/document-parts/part-edit-rules";

describe("decideDocumentPartEdit", () => {
  it("allows every part in a draft or scheduled plan", () => {
    for (const planStatus of ["DRAFT", "SCHEDULED"] as const) {
      expect(decideDocumentPartEdit({ type: "table.edit", tableKind: "timeline", planStatus })).toEqual({ ok: true });
      expect(decideDocumentPartEdit({ type: "gate.edit", planStatus, gateSigned: false, gateWordingChanges: true })).toEqual({ ok: true });
      expect(decideDocumentPartEdit({ type: "trigger.remove", planStatus })).toEqual({ ok: true });
      expect(decideDocumentPartEdit({ type: "comms.add", planStatus })).toEqual({ ok: true });
    }
  });

  it("refuses everything once the plan has finished", () => {
    for (const planStatus of ["COMPLETE", "ABORTED", "ROLLED_BACK", "PARTIAL"] as const) {
      const decision = decideDocumentPartEdit({ type: "trigger.add", planStatus });
      expect(decision).toEqual({ ok: false, message: "This plan has finished; it is read-only now." });
    }
  });

  it("keeps the wording of a signed gate, in any status", () => {
    for (const planStatus of ["DRAFT", "IN_PROGRESS"] as const) {
      const decision = decideDocumentPartEdit({ type: "gate.edit", planStatus, gateSigned: true, gateWordingChanges: true });
      expect(decision.ok).toBe(false);
      expect(!decision.ok && decision.message).toMatch(/signed or decided/);
    }
  });

  it("lets the quorums of a signed gate change", () => {
    expect(decideDocumentPartEdit({ type: "gate.edit", planStatus: "IN_PROGRESS", gateSigned: true, gateWordingChanges: false })).toEqual({ ok: true });
  });

  it("lets an unsigned gate be rewritten while the plan runs", () => {
    expect(decideDocumentPartEdit({ type: "gate.edit", planStatus: "IN_PROGRESS", gateSigned: false, gateWordingChanges: true })).toEqual({ ok: true });
  });

  it("keeps triggers, contacts, risks and messages editable during the run", () => {
    for (const planStatus of ["IN_PROGRESS", "ROLLING_BACK"] as const) {
      expect(decideDocumentPartEdit({ type: "trigger.edit", planStatus })).toEqual({ ok: true });
      expect(decideDocumentPartEdit({ type: "table.edit", tableKind: "contacts", planStatus })).toEqual({ ok: true });
      expect(decideDocumentPartEdit({ type: "table.edit", tableKind: "risks", planStatus })).toEqual({ ok: true });
      expect(decideDocumentPartEdit({ type: "table.edit", tableKind: "generic", planStatus })).toEqual({ ok: true });
      expect(decideDocumentPartEdit({ type: "comms.edit", planStatus })).toEqual({ ok: true });
    }
  });

  it("keeps the timeline and the monitoring table as the run started", () => {
    for (const tableKind of ["timeline", "monitoring"] as const) {
      const decision = decideDocumentPartEdit({ type: "table.edit", tableKind, planStatus: "IN_PROGRESS" });
      expect(decision).toEqual({ ok: false, message: `While the plan runs the ${tableKind} table stays as the run started; the run is measured against it.` });
    }
  });

  it("applies the same rules to adding and removing a table as to editing it", () => {
    for (const type of ["table.add", "table.remove"] as const) {
      expect(decideDocumentPartEdit({ type, tableKind: "timeline", planStatus: "SCHEDULED" })).toEqual({ ok: true });
      expect(decideDocumentPartEdit({ type, tableKind: "contacts", planStatus: "IN_PROGRESS" })).toEqual({ ok: true });
      expect(decideDocumentPartEdit({ type, tableKind: "monitoring", planStatus: "ROLLING_BACK" }).ok).toBe(false);
      expect(decideDocumentPartEdit({ type, tableKind: "risks", planStatus: "ABORTED" }).ok).toBe(false);
    }
  });

  it("adds and removes gates only while the plan is a draft or scheduled", () => {
    for (const type of ["gate.add", "gate.remove"] as const) {
      for (const planStatus of ["DRAFT", "SCHEDULED"] as const) expect(decideDocumentPartEdit({ type, planStatus, gateSigned: false })).toEqual({ ok: true });
      for (const planStatus of ["IN_PROGRESS", "ROLLING_BACK"] as const) {
        expect(decideDocumentPartEdit({ type, planStatus, gateSigned: false })).toEqual({ ok: false, message: "Gates are added and removed only while the plan is a draft or scheduled; this plan is running." });
      }
      expect(decideDocumentPartEdit({ type, planStatus: "COMPLETE" })).toEqual({ ok: false, message: "This plan has finished; it is read-only now." });
    }
  });

  it("never removes a gate with a signature or decision in force", () => {
    for (const planStatus of ["DRAFT", "SCHEDULED"] as const) {
      const decision = decideDocumentPartEdit({ type: "gate.remove", planStatus, gateSigned: true });
      expect(decision.ok).toBe(false);
      expect(!decision.ok && decision.message).toMatch(/signature or decision in force, so it cannot be removed/);
    }
  });
});
