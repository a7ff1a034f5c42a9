import { describe, expect, it } from "vitest";
import { livePlanning } from "@/lib/planning/live-planning";

const sections = [
  { id: "prep", parentId: null, title: "Preparation", items: [{ id: "a", text: "Back up" }] },
  { id: "deploy", parentId: null, title: "Deploy", items: [{ id: "b", text: "Deploy" }, { id: "c", text: "Smoke test" }] },
];
const members = [
  { userId: "u1", name: "Eve", titles: ["DevOps Lead"] },
  { userId: "u2", name: "Lee", titles: [] },
];

describe("livePlanning", () => {
  it("resolves owners to names and titles to their holders, and follows statuses for blockers and up next", () => {
    const planning = {
      b: { owners: [{ userId: "u2" }, { title: "DevOps Lead" }], dependsOn: [{ sectionId: "prep" }], plannedMinutes: 15 },
      c: { owners: [{ title: "DevOps Lead" }], dependsOn: [{ itemId: "b" }], plannedMinutes: null },
    };
    const statuses: Record<string, "PENDING" | "DONE"> = { a: "PENDING", b: "PENDING", c: "PENDING" };
    const view = () => livePlanning(sections, (id) => statuses[id]!, planning, members);
    expect(view().owners("b")).toEqual([{ label: "Lee" }, { label: "DevOps Lead", holders: ["Eve"] }]);
    expect(view().blockers("b")).toEqual([{ itemId: "a", text: "Back up" }]);
    expect(view().isMine("c", { userId: "u1", titles: ["DevOps Lead"] })).toBe(true);
    expect(view().upNext({ userId: "u1", titles: ["DevOps Lead"] })).toEqual([]);
    statuses.a = "DONE";
    expect(view().upNext({ userId: "u1", titles: ["DevOps Lead"] })).toEqual([{ id: "b", text: "Deploy" }]);
    expect(view().plannedMinutes("b")).toBe(15);
    expect(view().plannedMinutes("a")).toBeNull();
  });
});
