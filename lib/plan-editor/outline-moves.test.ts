import { describe, expect, it } from "vitest";
import { dropItemPlacement, keyboardItemMove, keyboardSectionMove, outlineKeyOf, sectionSubtreeIds, type OutlineSection } from "@/lib/plan-editor/outline-moves";

// Prepare: a, b (b1, b2 under b), c.   Deploy: d.   Verify: (empty).
const plan: OutlineSection[] = [
  {
    id: "prepare",
    items: [
      { id: "a", parentItemId: null },
      { id: "b", parentItemId: null },
      { id: "b1", parentItemId: "b" },
      { id: "b2", parentItemId: "b" },
      { id: "c", parentItemId: null },
    ],
  },
  { id: "deploy", items: [{ id: "d", parentItemId: null }] },
  { id: "verify", items: [] },
];

describe("outlineKeyOf", () => {
  const key = (key: string, mods: Partial<{ altKey: boolean; ctrlKey: boolean; metaKey: boolean; shiftKey: boolean }> = {}) =>
    outlineKeyOf({ key, altKey: true, ctrlKey: false, metaKey: false, shiftKey: false, ...mods });

  it("reads Alt with an arrow, and nothing else", () => {
    expect([key("ArrowUp"), key("ArrowDown"), key("ArrowRight"), key("ArrowLeft")]).toEqual(["up", "down", "nest", "unnest"]);
    expect(key("ArrowUp", { altKey: false })).toBeNull();
    expect(key("ArrowUp", { shiftKey: true })).toBeNull();
    expect(key("j")).toBeNull();
  });
});

describe("keyboardItemMove", () => {
  it("moves a step up and down among its siblings, children and all", () => {
    expect(keyboardItemMove(plan, "c", "up")).toEqual({ sectionId: "prepare", parentItemId: null, afterItemId: "a" });
    expect(keyboardItemMove(plan, "b", "up")).toEqual({ sectionId: "prepare", parentItemId: null, afterItemId: null });
    expect(keyboardItemMove(plan, "a", "down")).toEqual({ sectionId: "prepare", parentItemId: null, afterItemId: "b" });
    expect(keyboardItemMove(plan, "b1", "down")).toEqual({ sectionId: "prepare", parentItemId: "b", afterItemId: "b2" });
  });

  it("crosses into the neighbouring section at either end, for top-level steps only", () => {
    expect(keyboardItemMove(plan, "c", "down")).toEqual({ sectionId: "deploy", parentItemId: null, afterItemId: null });
    expect(keyboardItemMove(plan, "d", "up")).toEqual({ sectionId: "prepare", parentItemId: null, afterItemId: "c" });
    expect(keyboardItemMove(plan, "d", "down")).toEqual({ sectionId: "verify", parentItemId: null, afterItemId: null });
    expect(keyboardItemMove(plan, "a", "up")).toBeNull();
    expect(keyboardItemMove(plan, "b2", "down")).toBeNull();
    expect(keyboardItemMove(plan, "b1", "up")).toBeNull();
  });

  it("nests a step as the last child of the step above it", () => {
    expect(keyboardItemMove(plan, "c", "nest")).toEqual({ sectionId: "prepare", parentItemId: "b", afterItemId: "b2" });
    expect(keyboardItemMove(plan, "b", "nest")).toEqual({ sectionId: "prepare", parentItemId: "a", afterItemId: null });
    expect(keyboardItemMove(plan, "a", "nest")).toBeNull();
    expect(keyboardItemMove(plan, "b1", "nest")).toBeNull();
  });

  it("un-nests a step to just after its parent", () => {
    expect(keyboardItemMove(plan, "b1", "unnest")).toEqual({ sectionId: "prepare", parentItemId: null, afterItemId: "b" });
    expect(keyboardItemMove(plan, "a", "unnest")).toBeNull();
  });

  it("answers null for an unknown step", () => {
    expect(keyboardItemMove(plan, "nope", "up")).toBeNull();
  });
});

describe("dropItemPlacement", () => {
  it("puts a step dragged down after the one it is dropped on", () => {
    expect(dropItemPlacement(plan, "a", { overId: "c" })).toEqual({ sectionId: "prepare", parentItemId: null, afterItemId: "c" });
    expect(dropItemPlacement(plan, "a", { overId: "b2" })).toEqual({ sectionId: "prepare", parentItemId: "b", afterItemId: "b2" });
  });

  it("puts a step dragged up before the one it is dropped on", () => {
    expect(dropItemPlacement(plan, "c", { overId: "b" })).toEqual({ sectionId: "prepare", parentItemId: null, afterItemId: "a" });
    expect(dropItemPlacement(plan, "d", { overId: "a" })).toEqual({ sectionId: "prepare", parentItemId: null, afterItemId: null });
  });

  it("drops into an empty section, and only an empty one", () => {
    expect(dropItemPlacement(plan, "a", { overSectionId: "verify" })).toEqual({ sectionId: "verify", parentItemId: null, afterItemId: null });
    expect(dropItemPlacement(plan, "a", { overSectionId: "deploy" })).toBeNull();
  });

  it("refuses a drop on itself or among its own children", () => {
    expect(dropItemPlacement(plan, "b", { overId: "b" })).toBeNull();
    expect(dropItemPlacement(plan, "b", { overId: "b2" })).toBeNull();
  });
});

describe("keyboardSectionMove", () => {
  const sections = [
    { id: "one", parentSectionId: null },
    { id: "two", parentSectionId: null },
    { id: "two-a", parentSectionId: "two" },
    { id: "three", parentSectionId: null },
  ];

  it("moves, nests and un-nests among sibling sections", () => {
    expect(keyboardSectionMove(sections, "three", "up")).toEqual({ parentSectionId: null, afterSectionId: "one" });
    expect(keyboardSectionMove(sections, "one", "down")).toEqual({ parentSectionId: null, afterSectionId: "two" });
    expect(keyboardSectionMove(sections, "three", "nest")).toEqual({ parentSectionId: "two", afterSectionId: "two-a" });
    expect(keyboardSectionMove(sections, "two-a", "unnest")).toEqual({ parentSectionId: null, afterSectionId: "two" });
    expect(keyboardSectionMove(sections, "one", "up")).toBeNull();
    expect(keyboardSectionMove(sections, "one", "nest")).toBeNull();
    expect(keyboardSectionMove(sections, "one", "unnest")).toBeNull();
  });

  it("counts a section's subsections for a delete", () => {
    expect(sectionSubtreeIds(sections, "two")).toEqual(["two", "two-a"]);
    expect(sectionSubtreeIds(sections, "one")).toEqual(["one"]);
  });
});
