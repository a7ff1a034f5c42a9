import { describe, expect, it } from "vitest";
import type { Outline, OutlineItem, OutlineSection } from "@/lib/plan-editing/outline";
import type { ItemSnapshot, StructureEventPayload } from "@/lib/plan-editing/structure-events";
import { diffPlanText } from "@/lib/plan-history/diff-outlines";
import { outlineText, rewind, type TextOutline } from "@/lib/plan-history/outline-at";

const section = (id: string, title: string): OutlineSection => ({ id, documentKey: id, parentId: null, level: 2, title, plannedDurationMinutes: null, isRollback: false, version: 0 });
const item = (id: string, sectionId: string, text: string, version = 0): OutlineItem => ({
  id,
  documentKey: id,
  sectionId,
  parentId: null,
  text,
  required: true,
  critical: false,
  metric: null,
  status: "PENDING",
  version,
  addedDuringRun: false,
});
const snapshot = (row: OutlineItem, afterItemId: string | null, notes: string | null = null): ItemSnapshot => ({
  id: row.id,
  documentKey: row.documentKey,
  sectionId: row.sectionId,
  parentItemId: row.parentId,
  afterItemId,
  text: row.text,
  notes,
  commands: [],
  required: row.required,
  critical: row.critical,
  metric: null,
  status: row.status,
  addedDuringRun: false,
  version: row.version,
});

// Now: Deploy: "Roll out v2" (reworded from "Roll out"), "Smoke test" (added); "Backup" was removed.
const now: TextOutline = {
  outline: { sections: [section("S", "Deploy")], items: [item("a", "S", "Roll out v2", 1), item("c", "S", "Smoke test")] } satisfies Outline,
  content: new Map([["a", { notes: "Canary first", commands: [] }]]),
};
const backup = item("b", "S", "Backup");
const events: StructureEventPayload[] = [
  { type: "item.added", item: snapshot(item("c", "S", "Smoke test"), "a") },
  { type: "item.removed", before: snapshot(backup, null), removed: { sections: [], items: [snapshot(backup, null)], documentSections: [], documentItems: [] } },
  { type: "item.edited", before: snapshot(item("a", "S", "Roll out"), null), item: snapshot(item("a", "S", "Roll out v2", 1), null, "Canary first") },
];

describe("the plan as it stood before its edits", () => {
  it("reverts edits newest first back to the structure it was created with", () => {
    expect(outlineText(rewind(now, events))).toBe("## Deploy\n- Backup\n- Roll out\n");
    expect(outlineText(rewind(now, events.slice(0, 1)))).toBe("## Deploy\n- Roll out v2\n  Canary first\n");
  });

  it("diffs two renderings line by line", () => {
    const parts = diffPlanText(outlineText(rewind(now, events)), outlineText(now));
    expect(parts).toEqual([
      { kind: "same", lines: ["## Deploy"] },
      { kind: "removed", lines: ["- Backup", "- Roll out"] },
      { kind: "added", lines: ["- Roll out v2", "  Canary first", "- Smoke test"] },
    ]);
  });
});
