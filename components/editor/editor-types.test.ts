import { describe, expect, it } from "vitest";
import { editorSectionsOf } from "@/components/editor/editor-types";
import type { PlanLiveState } from "@/lib/plan-state/live-state";
import type { LiveSectionStructure } from "@/lib/plans/plan-view";

const item = (id: string, depth: number): LiveSectionStructure["items"][number] => ({
  id,
  documentKey: id,
  text: `Step ${id}`,
  required: true,
  critical: false,
  assigneeRole: null,
  depth,
  commands: [{ language: "", code: "true" }],
  metric: null,
});
const section = (id: string, level: number, items: LiveSectionStructure["items"] = []): LiveSectionStructure => ({
  id,
  documentKey: id,
  title: id,
  level,
  parentId: null,
  offsetLabel: null,
  isRollback: false,
  notes: "",
  commands: [],
  content: [],
  items,
});

describe("editorSectionsOf", () => {
  it("derives section parents from heading levels and step parents from depths, with live versions and states", () => {
    const structure = [section("Deploy", 2, [item("a", 0), item("a1", 1), item("a1x", 2), item("b", 0), item("b1", 1)]), section("Database", 3), section("Verify", 2)];
    const state = { items: { a: { status: "DONE", version: 3 }, b1: { status: "PENDING", version: 1 } } } as unknown as PlanLiveState;
    const sections = editorSectionsOf(structure, state);
    expect(sections.map((s) => [s.id, s.parentSectionId, s.depth])).toEqual([
      ["Deploy", null, 0],
      ["Database", "Deploy", 1],
      ["Verify", null, 0],
    ]);
    expect(sections[0]!.items.map((i) => [i.id, i.parentItemId])).toEqual([
      ["a", null],
      ["a1", "a"],
      ["a1x", "a1"],
      ["b", null],
      ["b1", "b"],
    ]);
    expect(sections[0]!.items[0]).toMatchObject({ status: "DONE", version: 3, notes: "", commands: [{ code: "true" }], addedDuringRun: false });
    expect(sections[0]!.items[1]).toMatchObject({ status: "PENDING", version: 0 });
  });
});
