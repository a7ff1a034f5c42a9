import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { exportPlanMarkdown } from "@/lib/import/export-plan-markdown";
import { parsePlanMarkdown } from "@/lib/import/parse-plan-markdown";
import { planDocumentSchema, type PlanDocument } from "@/lib/plan-document/schema";
import { allItems, allSections } from "@/lib/plan-document/walk";
import { toTemplate } from "@/lib/plan-document/template";
import { builtinTemplates } from "@/lib/templates/builtin-templates";
import { editTemplateDocument } from "@/lib/templates/edit-template-document";
import type { TemplateEdit } from "@/lib/templates/template-edit-schema";

const TEMPLATE = `# Release {{feature}}

## Prepare
- [ ] Back up the database
- [ ] Announce the window

## Deploy
- [ ] Roll out
  - [ ] Node 1

## Sign-Off
### Pre-Deployment Sign-Off
- [ ] QA Lead: ____ Date: ____
`;

const template = () => toTemplate(parsePlanMarkdown(TEMPLATE).document);
let counter = 0;
const keys = () => `k${++counter}`;
const edit = (document: PlanDocument, change: TemplateEdit) => planDocumentSchema.parse(editTemplateDocument(document, change, keys));
const sectionId = (document: PlanDocument, title: string) => allSections(document).find((section) => section.title === title)!.id;
const step = (document: PlanDocument, text: string) => allItems(document).find((item) => item.text === text)!;
const outline = (document: PlanDocument) => allSections(document).map((section) => `${"#".repeat(section.level)} ${section.title}: ${section.items.map((item) => item.text).join(", ")}`);

function refusal(run: () => unknown): { code: string; message: string } {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error("The edit was not refused.");
}

describe("editing a template's document", () => {
  it("adds a section and a step with an owner title, a dependency and minutes, which the export writes and the importer reads back", () => {
    let document = edit(template(), { type: "section.add", title: "Verify", afterSectionId: sectionId(template(), "Deploy") });
    document = edit(document, {
      type: "item.add",
      sectionId: sectionId(document, "Verify"),
      text: "Smoke test",
      owners: [{ title: "QA Lead" }],
      dependsOn: [{ itemId: step(document, "Roll out").id }, { sectionId: sectionId(document, "Prepare") }],
      plannedMinutes: 15,
    });
    expect(outline(document)).toEqual([
      "## Prepare: Back up the database, Announce the window",
      "## Deploy: Roll out",
      "## Verify: Smoke test",
      "## Sign-Off: ",
      "### Pre-Deployment Sign-Off: ",
    ]);
    expect(step(document, "Smoke test")).toMatchObject({ owners: ["QA Lead"], dependsOn: ["Roll out", "section Prepare"], plannedMinutes: 15 });

    const markdown = exportPlanMarkdown(document);
    expect(markdown).toContain("Owner: QA Lead\n  Depends on: Roll out; section Prepare\n  Duration: 15 min");
    expect(step(parsePlanMarkdown(markdown).document, "Smoke test")).toMatchObject({ owners: ["QA Lead"], dependsOn: ["Roll out", "section Prepare"], plannedMinutes: 15 });
  });

  it("sets and clears a step's HTTP check, which the export writes and the importer reads back", () => {
    let document = template();
    const check = { method: "GET" as const, url: "https://status.example.com/health", expectedStatus: 200, timeoutMs: 5000, retries: 0, auto: false };
    document = edit(document, { type: "item.check", itemId: step(document, "Roll out").id, expectedVersion: 0, check });
    expect(step(document, "Roll out").check).toMatchObject({ method: "GET", url: "https://status.example.com/health", expectedStatus: 200 });
    expect(step(parsePlanMarkdown(exportPlanMarkdown(document)).document, "Roll out").check).toMatchObject({ url: "https://status.example.com/health", expectedStatus: 200 });

    document = edit(document, { type: "item.check", itemId: step(document, "Roll out").id, expectedVersion: 0, check: null });
    expect(step(document, "Roll out").check).toBeUndefined();
  });

  it("keeps what waits for a step or section when it is renamed", () => {
    let document = template();
    document = edit(document, { type: "item.plan", itemId: step(document, "Roll out").id, expectedVersion: 0, dependsOn: [{ itemId: step(document, "Back up the database").id }, { sectionId: sectionId(document, "Prepare") }] });
    document = edit(document, { type: "item.edit", itemId: step(document, "Back up the database").id, expectedVersion: 0, text: "Take a backup" });
    document = edit(document, { type: "section.edit", sectionId: sectionId(document, "Prepare"), expectedVersion: 0, title: "Preparation", plannedMinutes: 30 });
    expect(step(document, "Roll out").dependsOn).toEqual(["Take a backup", "section Preparation"]);
    expect(allSections(document).find((section) => section.title === "Preparation")).toMatchObject({ heading: "Preparation (30 min)", duration: { minutes: 30 } });
  });

  it("moves, nests and removes steps and sections with the plan editor's rules", () => {
    let document = template();
    document = edit(document, { type: "item.move", itemId: step(document, "Announce the window").id, expectedVersion: 0, sectionId: sectionId(document, "Prepare"), afterItemId: null });
    document = edit(document, { type: "item.move", itemId: step(document, "Back up the database").id, expectedVersion: 0, sectionId: sectionId(document, "Deploy"), parentItemId: step(document, "Roll out").id });
    expect(step(document, "Roll out").items.map((item) => item.text)).toEqual(["Node 1", "Back up the database"]);
    expect(allSections(document).find((section) => section.title === "Prepare")!.items.map((item) => item.text)).toEqual(["Announce the window"]);
    document = edit(document, { type: "item.remove", itemId: step(document, "Roll out").id, expectedVersion: 0 });
    expect(allItems(document).map((item) => item.text)).not.toContain("Node 1");
    document = edit(document, { type: "section.move", sectionId: sectionId(document, "Deploy"), expectedVersion: 0, afterSectionId: null, parentSectionId: sectionId(document, "Prepare") });
    expect(allSections(document).find((section) => section.title === "Deploy")!.level).toBe(3);
    document = edit(document, { type: "section.remove", sectionId: sectionId(document, "Deploy"), expectedVersion: 0 });
    expect(allSections(document).map((section) => section.title)).not.toContain("Deploy");
  });

  it("refuses people as owners, steps from elsewhere, loops, and removing a section that holds a sign-off", () => {
    const document = template();
    const rollOut = step(document, "Roll out").id;
    const node = step(document, "Node 1").id;
    expect(refusal(() => edit(document, { type: "item.plan", itemId: rollOut, expectedVersion: 0, owners: [{ userId: "u1" }] })).code).toBe("unprocessable");
    expect(refusal(() => edit(document, { type: "item.plan", itemId: rollOut, expectedVersion: 0, dependsOn: [{ itemId: "elsewhere" }] })).code).toBe("unprocessable");
    const waiting = edit(document, { type: "item.plan", itemId: node, expectedVersion: 0, dependsOn: [{ itemId: rollOut }] });
    const loop = refusal(() => edit(waiting, { type: "item.plan", itemId: rollOut, expectedVersion: 0, dependsOn: [{ itemId: node }] }));
    expect(loop.code).toBe("conflict");
    expect(loop.message).toContain("loop");
    expect(refusal(() => edit(document, { type: "section.remove", sectionId: sectionId(document, "Pre-Deployment Sign-Off"), expectedVersion: 0 })).code).toBe("conflict");
    expect(refusal(() => edit(document, { type: "item.remove", itemId: "gone", expectedVersion: 0 })).code).toBe("not_found");
  });

  it("leaves every built-in template as it was when a step is added and removed again", async () => {
    for (const builtin of await builtinTemplates()) {
      const first = allSections(builtin.document).find((section) => section.level > 0)!;
      const added = edit(builtin.document, { type: "item.add", sectionId: first.id, text: "Extra step" });
      const removed = edit(added, { type: "item.remove", itemId: step(added, "Extra step").id, expectedVersion: 0 });
      expect(exportPlanMarkdown(removed), builtin.id).toBe(exportPlanMarkdown(builtin.document));
    }
  });
});
