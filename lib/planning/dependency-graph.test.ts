import { describe, expect, it } from "vitest";
import { blockersOf, describeBlockers, findDependencyCycle, indexGraph, ownsItem, upNextFor, type GraphItem, type OwnerRef, type PlanGraph } from "@/lib/planning/dependency-graph";

function item(id: string, sectionId: string, dependsOn: GraphItem["dependsOn"] = [], status: GraphItem["status"] = "PENDING"): GraphItem {
  return { id, sectionId, text: id, status, dependsOn };
}

const sections = [
  { id: "prep", parentId: null, title: "Preparation" },
  { id: "deploy", parentId: null, title: "Deploy" },
  { id: "deploy-db", parentId: "deploy", title: "Database" },
];

describe("blockersOf", () => {
  it("lists unsettled predecessors, skipping settled and failed-then-settled ones", () => {
    const graph: PlanGraph = {
      sections,
      items: [item("a", "prep", [], "DONE"), item("b", "prep", [], "FAILED"), item("c", "prep", [], "NOT_APPLICABLE"), item("d", "deploy", [{ itemId: "a" }, { itemId: "b" }, { itemId: "c" }])],
    };
    expect(blockersOf(indexGraph(graph), "d")).toEqual([{ itemId: "b", text: "b" }]);
  });

  it("waits for every item of a section, its subsections included, each once", () => {
    const graph: PlanGraph = {
      sections,
      items: [item("a", "deploy", [], "SKIPPED"), item("b", "deploy-db"), item("c", "prep", [{ sectionId: "deploy" }, { itemId: "b" }])],
    };
    expect(blockersOf(indexGraph(graph), "c").map((blocker) => blocker.itemId)).toEqual(["b"]);
  });

  it("has no blockers once every predecessor is settled, and none for an unknown item", () => {
    const graph: PlanGraph = { sections, items: [item("a", "prep", [], "DONE"), item("b", "deploy", [{ sectionId: "prep" }])] };
    const index = indexGraph(graph);
    expect(blockersOf(index, "b")).toEqual([]);
    expect(blockersOf(index, "missing")).toEqual([]);
  });

  it("describes the blockers in a short sentence", () => {
    expect(describeBlockers([{ itemId: "1", text: "Deploy" }])).toBe("Waiting for Deploy");
    const many = ["A", "B", "C", "D", "E"].map((text) => ({ itemId: text, text }));
    expect(describeBlockers(many)).toBe("Waiting for A, B, C and 2 more");
  });
});

describe("findDependencyCycle", () => {
  const graph: PlanGraph = {
    sections,
    items: [
      { ...item("deploy", "deploy", [{ itemId: "smoke" }]), text: "Deploy" },
      { ...item("smoke", "prep"), text: "Smoke test" },
      { ...item("notify", "prep"), text: "Notify" },
    ],
  };
  const index = indexGraph(graph);

  it("names the loop from the item back to itself", () => {
    expect(findDependencyCycle(index, "smoke", [{ itemId: "deploy" }])).toEqual(["Smoke test", "Deploy", "Smoke test"]);
  });

  it("refuses an item waiting for itself", () => {
    expect(findDependencyCycle(index, "notify", [{ itemId: "notify" }])).toEqual(["Notify", "Notify"]);
  });

  it("finds loops through a section, including the item's own section", () => {
    expect(findDependencyCycle(index, "smoke", [{ sectionId: "deploy" }])).toEqual(["Smoke test", "section “Deploy”", "Deploy", "Smoke test"]);
    expect(findDependencyCycle(index, "notify", [{ sectionId: "prep" }])).toEqual(["Notify", "section “Preparation”", "Notify"]);
  });

  it("accepts dependencies without a loop, and uses the new set instead of the item's old one", () => {
    expect(findDependencyCycle(index, "notify", [{ itemId: "deploy" }, { itemId: "smoke" }])).toBeNull();
    // deploy used to wait for smoke; with that replaced, smoke may wait for nothing that leads back.
    expect(findDependencyCycle(index, "deploy", [{ itemId: "notify" }])).toBeNull();
  });
});

describe("owners and up next", () => {
  const person = { userId: "u1", titles: ["DevOps Lead"] };

  it("owns a step directly or through a title held on the plan", () => {
    expect(ownsItem([{ userId: "u1" }], person)).toBe(true);
    expect(ownsItem([{ title: "DevOps Lead" }], person)).toBe(true);
    expect(ownsItem([{ userId: "u2" }, { title: "QA Lead" }], person)).toBe(false);
    expect(ownsItem([], person)).toBe(false);
  });

  it("lists my pending steps whose predecessors are settled, in plan order", () => {
    const graph: PlanGraph = {
      sections,
      items: [
        item("first", "prep", [], "DONE"),
        item("mine-ready", "prep", [{ itemId: "first" }]),
        item("mine-waiting", "deploy", [{ itemId: "other" }]),
        item("other", "deploy"),
        item("mine-done", "deploy", [], "DONE"),
        item("title-ready", "deploy-db"),
      ],
    };
    const owners: Record<string, OwnerRef[]> = {
      "mine-ready": [{ userId: "u1" }],
      "mine-waiting": [{ userId: "u1" }],
      other: [{ userId: "u2" }],
      "mine-done": [{ userId: "u1" }],
      "title-ready": [{ title: "DevOps Lead" }],
    };
    const next = upNextFor(indexGraph(graph), graph, (id) => owners[id] ?? [], person);
    expect(next.map((step) => step.id)).toEqual(["mine-ready", "title-ready"]);
  });
});
