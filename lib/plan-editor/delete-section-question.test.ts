import { describe, expect, it } from "vitest";
import { deleteSectionQuestion } from "@/lib/plan-editor/delete-section-question";

describe("deleteSectionQuestion", () => {
  const sections = [
    { id: "deploy", parentSectionId: null, title: "Deploy", items: [1, 2] },
    { id: "db", parentSectionId: "deploy", title: "Database", items: [1] },
    { id: "verify", parentSectionId: null, title: "Verify", items: [] },
    { id: "smoke", parentSectionId: "verify", title: "Smoke", items: [1] },
  ];

  it("counts the items of the section and of its sub-sections", () => {
    expect(deleteSectionQuestion(sections[0]!, sections)).toBe("Delete section Deploy and its 3 items?");
    expect(deleteSectionQuestion(sections[3]!, sections)).toBe("Delete section Smoke and its 1 item?");
    expect(deleteSectionQuestion(sections[2]!, sections)).toBe("Delete section Verify and its 1 item?");
  });
});
