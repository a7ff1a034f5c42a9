import { describe, expect, it } from "vitest";
import { keepUnchangedItems } from "@/lib/plans/keep-unchanged-items";
import type { LiveSectionStructure } from "@/lib/plans/plan-view";

const step = (id: string, text: string): LiveSectionStructure["items"][number] => ({
  id,
  documentKey: `k-${id}`,
  text,
  required: true,
  critical: false,
  assigneeRole: null,
  depth: 0,
  commands: [{ language: "bash", code: "make deploy" }],
  metric: null,
});
const section = (id: string, items: LiveSectionStructure["items"]): LiveSectionStructure => ({
  id,
  parentId: null,
  documentKey: `k-${id}`,
  title: `Section ${id}`,
  level: 2,
  offsetLabel: null,
  isRollback: false,
  notes: "",
  commands: [],
  content: [],
  items,
});

describe("keepUnchangedItems", () => {
  const previous = [section("s1", [step("a", "Backup taken"), step("b", "Announce")]), section("s2", [step("c", "Deploy")])];

  it("keeps the very object of each step that reads the same, and takes the new one of a step that changed", () => {
    // A refetch: equal content, all new objects; "b" reworded.
    const next = [section("s1", [step("a", "Backup taken"), step("b", "Announce the window")]), section("s2", [step("c", "Deploy")])];
    const kept = keepUnchangedItems(previous, next);
    expect(kept[0]!.items[0]).toBe(previous[0]!.items[0]);
    expect(kept[1]!.items[0]).toBe(previous[1]!.items[0]);
    expect(kept[0]!.items[1]).toBe(next[0]!.items[1]);
    expect(kept).toEqual(next);
  });

  it("follows the new shape: added, removed and moved steps, with a changed field anywhere in a step", () => {
    const moved = step("c", "Deploy");
    const next = [section("s1", [moved, step("a", "Backup taken"), step("d", "Smoke tests")]), section("s2", [{ ...step("b", "Announce"), critical: true }])];
    const kept = keepUnchangedItems(previous, next);
    expect(kept.map((entry) => entry.items.map((item) => item.id))).toEqual([["c", "a", "d"], ["b"]]);
    expect(kept[0]!.items[0]).toBe(previous[1]!.items[0]);
    expect(kept[0]!.items[2]).toBe(next[0]!.items[2]);
    expect(kept[1]!.items[0]).toBe(next[1]!.items[0]);
    expect(kept).toEqual(next);
  });
});
