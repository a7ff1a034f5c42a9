import { describe, expect, it } from "vitest";
import { changedPlanning, parsePlanningForm, planningSummarizer, planningForAdd, planningFormValuesOf, planningOptionsOf } from "@/components/editor/planning-fields";
import type { ItemPlanning } from "@/lib/planning/planning-schema";

const planning: ItemPlanning = { owners: [{ userId: "u1" }, { title: "DevOps Lead" }], dependsOn: [{ itemId: "i1" }, { sectionId: "s1" }], plannedMinutes: 15 };

describe("planning form values", () => {
  it("round-trips owners, dependencies and minutes through the form's keys", () => {
    const values = planningFormValuesOf(planning);
    expect(values).toEqual({ owners: ["user:u1", "title:DevOps Lead"], dependsOn: ["item:i1", "section:s1"], plannedMinutes: "15" });
    expect(parsePlanningForm(values)).toEqual({ ok: true, planning });
  });

  it("refuses minutes that are not a whole number within a week, and reads empty as none", () => {
    expect(parsePlanningForm({ owners: [], dependsOn: [], plannedMinutes: "2.5" }).ok).toBe(false);
    expect(parsePlanningForm({ owners: [], dependsOn: [], plannedMinutes: "0" }).ok).toBe(false);
    expect(parsePlanningForm({ owners: [], dependsOn: [], plannedMinutes: "99999" }).ok).toBe(false);
    expect(parsePlanningForm({ owners: [], dependsOn: [], plannedMinutes: " " })).toEqual({ ok: true, planning: { owners: [], dependsOn: [], plannedMinutes: null } });
  });

  it("sends only what changed for item.plan, and only what is set for item.add", () => {
    expect(changedPlanning(planning, planning)).toEqual({});
    expect(changedPlanning(planning, { ...planning, owners: [{ userId: "u1" }], plannedMinutes: null })).toEqual({ owners: [{ userId: "u1" }], plannedMinutes: null });
    expect(planningForAdd({ owners: [], dependsOn: [{ itemId: "i1" }], plannedMinutes: null })).toEqual({ dependsOn: [{ itemId: "i1" }] });
  });

  it("offers members, their titles once each, and every section and step", () => {
    const options = planningOptionsOf(
      [
        { userId: "u1", name: "Lee Lead", titles: ["Release Manager"] },
        { userId: "u2", name: "Devin Ops", titles: ["DevOps Lead", "Release Manager"] },
      ],
      [{ id: "s1", title: "Deploy", items: [{ id: "i1", text: "Roll out" }] }],
    );
    expect(options.owners.map((owner) => owner.label)).toEqual(["Lee Lead", "Devin Ops", "DevOps Lead (title)", "Release Manager (title)"]);
    const withOthers = planningOptionsOf([{ userId: "u1", name: "Lee Lead", titles: ["Release Manager"] }], [], ["QA Lead", "DBA", "Release Manager"]);
    expect(withOthers.owners.map((owner) => owner.label)).toEqual(["Lee Lead", "DBA (title)", "QA Lead (title)", "Release Manager (title)"]);
    expect(options.targets).toEqual([
      { key: "section:s1", label: "Section: Deploy" },
      { key: "item:i1", label: "Roll out" },
    ]);
  });

  it("summarises a step's planning in words for the editor row", () => {
    const options = { owners: [{ key: "user:u1", label: "Devin Ops" }], targets: [{ key: "item:i1", label: "Freeze writes" }, { key: "section:s1", label: "Section: Prepare" }] };
    expect(planningSummarizer(options)(planning)).toEqual(["Owners: Devin Ops, DevOps Lead", "Waits for: Freeze writes, Section: Prepare", "15 min"]);
    expect(planningSummarizer(options)({ owners: [], dependsOn: [], plannedMinutes: null })).toEqual([]);
  });
});
