import { describe, expect, it } from "vitest";
import { parsePlanMarkdown } from "@/lib/import/parse-plan-markdown";
import { toTemplate } from "@/lib/plan-document/template";
import { templateEditorSections, templatePlanningOptions } from "@/components/templates/template-editor-view";

const TEMPLATE = `# Release

## Deploy
- [ ] Roll out
  - [ ] Node 1

  Owner: SRE
- [ ] Smoke test

  Depends on: Roll out; section Deploy
  Duration: 5 min

### Canary
- [ ] Watch the canary

## Sign-Off
### Pre-Deployment Sign-Off
- [ ] QA Lead: ____ Date: ____
`;

describe("a template in the plan editor", () => {
  const document = toTemplate(parsePlanMarkdown(TEMPLATE).document);

  it("shows sections and steps nested, pending, at the template's version, with their planning", () => {
    const sections = templateEditorSections(document, 7);
    expect(sections.map((section) => [section.title, section.depth, section.version])).toEqual([
      ["Deploy", 0, 7],
      ["Canary", 1, 7],
      ["Sign-Off", 0, 7],
      ["Pre-Deployment Sign-Off", 1, 7],
    ]);
    const [rollOut, node, smoke] = sections[0]!.items;
    expect([rollOut!.text, node!.text, smoke!.text]).toEqual(["Roll out", "Node 1", "Smoke test"]);
    expect(node).toMatchObject({ depth: 1, parentItemId: rollOut!.id, status: "PENDING", version: 7 });
    expect(smoke!.planning).toEqual({ owners: [], dependsOn: [{ itemId: rollOut!.id }, { sectionId: sections[0]!.id }], plannedMinutes: 5 });
  });

  it("offers the template's sign-off titles and the titles its steps name as owners, and every step and section to wait for", () => {
    const options = templatePlanningOptions(document);
    expect(options.owners.map((owner) => owner.label)).toEqual(["QA Lead (title)", "SRE (title)"]);
    expect(options.targets.map((target) => target.label)).toEqual(expect.arrayContaining(["Section: Deploy", "Roll out", "Node 1", "Watch the canary"]));
  });
});
