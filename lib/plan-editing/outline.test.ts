import { describe, expect, it } from "vitest";
import { placeItem, placeSection, previousSiblingId, removeFromOutline, type Outline, type OutlineItem, type OutlineSection } from "@/lib/plan-editing/outline";

const section = (id: string, parentId: string | null, level: number): OutlineSection => ({
  id,
  documentKey: id,
  parentId,
  level,
  title: id,
  plannedDurationMinutes: null,
  isRollback: false,
  version: 0,
});
const item = (id: string, sectionId: string, parentId: string | null = null): OutlineItem => ({
  id,
  documentKey: id,
  sectionId,
  parentId,
  text: id,
  required: true,
  critical: false,
  metric: null,
  status: "PENDING",
  version: 0,
  addedDuringRun: false,
});

// A (B (C)), D; steps a1 (a1x), a2 in A; c1 in C; d1 in D.
const outline: Outline = {
  sections: [section("A", null, 2), section("B", "A", 3), section("C", "B", 4), section("D", null, 2)],
  items: [item("a1", "A"), item("a1x", "A", "a1"), item("a2", "A"), item("c1", "C"), item("d1", "D")],
};
const ids = (rows: { id: string }[]) => rows.map((row) => row.id);

describe("placing sections", () => {
  it("adds a new section first, after a sibling, or last", () => {
    expect(ids(placeSection(outline, section("N", null, 2), { parentId: null, afterId: null }).sections)).toEqual(["N", "A", "B", "C", "D"]);
    expect(ids(placeSection(outline, section("N", null, 2), { parentId: null, afterId: "A" }).sections)).toEqual(["A", "B", "C", "N", "D"]);
    expect(ids(placeSection(outline, section("N", null, 2), { parentId: "B" }).sections)).toEqual(["A", "B", "C", "N", "D"]);
  });

  it("moves a section with everything below it, and its steps follow in document order", () => {
    const moved = placeSection(outline, outline.sections[1]!, { parentId: null });
    expect(ids(moved.sections)).toEqual(["A", "D", "B", "C"]);
    expect(moved.sections.map((row) => row.level)).toEqual([2, 2, 2, 3]);
    expect(ids(moved.items)).toEqual(["a1", "a1x", "a2", "d1", "c1"]);
  });

  it("nests a section under another, one level deeper", () => {
    const nested = placeSection(outline, outline.sections[3]!, { parentId: "C" });
    expect(nested.sections.find((row) => row.id === "D")).toMatchObject({ parentId: "C", level: 5 });
  });

  it("refuses a section inside itself, beyond six levels, and after a section that is not its sibling", () => {
    expect(() => placeSection(outline, outline.sections[0]!, { parentId: "C" })).toThrow("inside itself");
    const deep = placeSection(placeSection(outline, section("E", "C", 5), { parentId: "C" }), section("F", null, 2), { parentId: "E" });
    expect(deep.sections.find((row) => row.id === "F")?.level).toBe(6);
    expect(() => placeSection(deep, section("G", null, 2), { parentId: "F" })).toThrow("nest at most");
    expect(() => placeSection(outline, section("N", null, 2), { parentId: null, afterId: "B" })).toThrow("same parent");
  });

  it("marks a section placed inside the rollback procedure as rollback", () => {
    const rollback = { ...outline, sections: outline.sections.map((row) => (row.id === "D" ? { ...row, isRollback: true } : row)) };
    expect(placeSection(rollback, section("N", null, 2), { parentId: "D" }).sections.find((row) => row.id === "N")?.isRollback).toBe(true);
    expect(placeSection(outline, section("N", null, 2), { parentId: null }, new Set(["N"])).sections.find((row) => row.id === "N")?.isRollback).toBe(true);
  });
});

describe("placing steps", () => {
  it("adds a step where asked, including as a sub-step", () => {
    expect(ids(placeItem(outline, item("n", "A"), "A", { parentId: null, afterId: "a1" }).items)).toEqual(["a1", "a1x", "n", "a2", "c1", "d1"]);
    expect(ids(placeItem(outline, item("n", "A", "a1"), "A", { parentId: "a1", afterId: null }).items)).toEqual(["a1", "n", "a1x", "a2", "c1", "d1"]);
  });

  it("moves a step with its sub-steps to the other end of the plan", () => {
    const moved = placeItem(outline, outline.items[0]!, "D", { parentId: null });
    expect(ids(moved.items)).toEqual(["a2", "c1", "d1", "a1", "a1x"]);
    expect(moved.items.find((row) => row.id === "a1x")).toMatchObject({ sectionId: "D", parentId: "a1" });
  });

  it("refuses a parent in another section or inside the step itself", () => {
    expect(() => placeItem(outline, outline.items[2]!, "A", { parentId: "c1" })).toThrow("another section");
    expect(() => placeItem(outline, outline.items[0]!, "A", { parentId: "a1x" })).toThrow("inside itself");
  });
});

describe("removing and siblings", () => {
  it("removes a section with its subsections and their steps, and a step with its sub-steps", () => {
    const withoutA = removeFromOutline(outline, { kind: "section", id: "A" });
    expect(ids(withoutA.sections)).toEqual(["D"]);
    expect(ids(withoutA.items)).toEqual(["d1"]);
    expect(ids(removeFromOutline(outline, { kind: "item", id: "a1" }).items)).toEqual(["a2", "c1", "d1"]);
  });

  it("names the sibling before, or null for the first", () => {
    expect(previousSiblingId(outline, { kind: "section", id: "D" })).toBe("A");
    expect(previousSiblingId(outline, { kind: "item", id: "a2" })).toBe("a1");
    expect(previousSiblingId(outline, { kind: "item", id: "a1x" })).toBeNull();
  });
});
