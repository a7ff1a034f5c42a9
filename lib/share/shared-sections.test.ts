import { describe, expect, it } from "vitest";
import type { LiveSectionStructure } from "@/lib/plans/plan-view";
import { sharedSections } from "@/lib/share/shared-sections";

const command = { language: "bash", code: "kubectl rollout status deploy/api" };
const section: LiveSectionStructure = {
  id: "s1",
  documentKey: "s1",
  title: "Deployment",
  level: 2,
  offsetLabel: null,
  isRollback: false,
  notes: "",
  commands: [command],
  items: [{ id: "i1", documentKey: "s1:i1", text: "Roll out", required: true, critical: false, assigneeRole: null, depth: 0, commands: [command], metric: null }],
};

describe("sharedSections", () => {
  it("keeps commands unless the lead hid them from share links", () => {
    expect(sharedSections([section], false)[0]!.items[0]!.commands).toEqual([command]);
    const hidden = sharedSections([section], true)[0]!;
    expect(hidden.commands).toEqual([]);
    expect(hidden.items[0]!.commands).toEqual([]);
    expect(hidden.items[0]!.text).toBe("Roll out");
  });
});
