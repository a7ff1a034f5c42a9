import { describe, expect, it } from "vitest";
import type { ItemSnapshot, RemovedSubtree, SectionSnapshot } from "@/lib/plan-editing/structure-events";
import type { PlanDocument } from "@/lib/plan-document/schema";
import type { PlanEventMessage, PlanEventPayload } from "@/lib/plan-state/events";
import { redactEventForShare, WITHHELD, type SharePolicy } from "@/lib/share/redact-for-share";

const QUIET: SharePolicy = { showDiscussion: false, hideCommands: true };
const OPEN: SharePolicy = { showDiscussion: true, hideCommands: false };
const SECRET = "SECRET";
const at = "2026-12-03T10:00:00.000Z";
const message = (seq: number, event: PlanEventPayload): PlanEventMessage => ({ planId: "p1", seq, at, actor: { id: "u-lee", name: `Lee ${SECRET}` }, event });

const section: SectionSnapshot = { id: "s1", documentKey: "verify", parentSectionId: null, afterSectionId: null, title: "Verify", level: 2, plannedMinutes: 15, isRollback: false, version: 1 };
const step: ItemSnapshot = {
  id: "i1",
  documentKey: "verify-1",
  sectionId: "s1",
  parentItemId: null,
  afterItemId: null,
  text: "Smoke tests green",
  notes: `runbook ${SECRET}`,
  commands: [{ language: "bash", code: "make smoke" }],
  required: true,
  critical: false,
  metric: { label: "p95", unit: "ms", comparator: "<", target: 200 },
  status: "PENDING",
  addedDuringRun: true,
  version: 0,
};
const removed: RemovedSubtree = {
  sections: [section],
  items: [step],
  documentSections: [{ id: "verify", heading: "Verify", title: "Verify", level: 2, notes: `section notes ${SECRET}`, codeBlocks: [], fields: [], items: [], sections: [] } as unknown as PlanDocument["sections"][number]],
  documentItems: [{ id: "verify-1", text: "Smoke tests green", details: `details ${SECRET}`, commands: [], items: [], required: true, critical: false } as unknown as RemovedSubtree["documentItems"][number]],
  attachments: { tables: [{ sectionId: "verify", title: `contacts ${SECRET}` }], commsTemplates: [], triggers: [], procedureSectionIds: [], unrecognized: [] } as unknown as RemovedSubtree["attachments"],
};

/** Every structural edit, each carrying the secret where a share link must not show it. */
const EVERY_EDIT: PlanEventMessage[] = [
  message(1, { type: "section.added", section, restored: removed, undoOf: 4 }),
  message(2, { type: "section.edited", before: section, section: { ...section, title: "Verification", version: 2 } }),
  message(3, { type: "section.moved", before: section, section: { ...section, afterSectionId: "s0", version: 3 }, levels: { s1: 2 } }),
  message(4, { type: "section.removed", before: section, removed }),
  message(5, { type: "item.added", item: step, planning: { owners: [{ userId: "u-ann" }], dependsOn: [{ itemId: "i0" }], plannedMinutes: 5 } as never }),
  message(6, { type: "item.edited", before: step, item: { ...step, text: "Smoke tests and canary green", version: 1 }, staleSignatureIds: ["sig1"] }),
  message(7, { type: "item.moved", before: step, item: { ...step, afterItemId: "i0", version: 2 } }),
  message(8, { type: "item.removed", before: step, removed }),
];

describe("structural edits on a share link", () => {
  it("are sent (not withheld), so the visitor's checklist follows the plan's shape, with the same sequence numbers", () => {
    for (const policy of [QUIET, OPEN]) {
      const redacted = EVERY_EDIT.map((edit) => redactEventForShare(edit, policy));
      expect(redacted.map((edit) => [edit.seq, edit.event.type])).toEqual(EVERY_EDIT.map((edit) => [edit.seq, edit.event.type]));
      expect(redacted.some((edit) => edit.event.type === WITHHELD)).toBe(false);
    }
  });

  it("carry titles, step text, placement and state, never step notes, owners, dependencies or the document parts undo keeps", () => {
    for (const policy of [QUIET, OPEN]) {
      const redacted = EVERY_EDIT.map((edit) => redactEventForShare(edit, policy));
      expect(JSON.stringify(redacted.map((edit) => edit.event))).not.toContain(SECRET);
      const added = redacted[4]!.event;
      expect(added).toEqual({ type: "item.added", item: { ...step, notes: null, commands: policy.hideCommands ? [] : step.commands } });
      const sectionRemoved = redacted[3]!.event;
      expect(sectionRemoved.type === "section.removed" && sectionRemoved.removed).toEqual({
        sections: [section],
        items: [{ ...step, notes: null, commands: policy.hideCommands ? [] : step.commands }],
        documentSections: [],
        documentItems: [],
      });
      expect(redacted[0]!.event).toMatchObject({ type: "section.added", section, undoOf: 4 });
      expect(redacted[5]!.event).toMatchObject({ type: "item.edited", item: { text: "Smoke tests and canary green" }, before: { text: "Smoke tests green" }, staleSignatureIds: ["sig1"] });
      expect(redacted[2]!.event).toMatchObject({ levels: { s1: 2 } });
    }
  });

  it("name who made them only when the lead shares discussion", () => {
    expect(redactEventForShare(EVERY_EDIT[1]!, QUIET).actor).toBeNull();
    expect(redactEventForShare(EVERY_EDIT[1]!, OPEN).actor).toEqual({ id: "u-lee", name: `Lee ${SECRET}` });
  });

  it("copy nothing they were not told to: a field added to a snapshot later stays out", () => {
    const extended = message(6, { type: "item.edited", before: step, item: { ...step, extra: "ADDED-LATER" } as ItemSnapshot });
    expect(JSON.stringify(redactEventForShare(extended, OPEN))).not.toContain("ADDED-LATER");
  });
});
