import { describe, expect, it } from "vitest";
import { parsePlanMarkdown } from "@/lib/import/parse-plan-markdown";
import { SEED_FILES, fixtureNames, readFixture, readSeed, seedDocumentsPresent } from "@/lib/import/test-support";
import type { PlanDocument } from "@/lib/plan-document/schema";
import { allSections } from "@/lib/plan-document/walk";
import { planContentOf, telHref, type ContentBlock, type PlanContent } from "@/lib/plans/plan-content";

function blocksOf(content: PlanContent): ContentBlock[] {
  return [...content.intro, ...Object.values(content.bySection).flat(), ...content.closing];
}

/** Every block the page would render has something to show: no empty card. */
function isEmpty(block: ContentBlock): boolean {
  switch (block.kind) {
    case "notes":
      return !block.markdown.trim();
    case "fields":
      return !block.fields.length;
    case "triggers":
      return !block.triggers.length;
    case "timeline":
    case "risks":
    case "contacts":
    case "monitoring":
    case "table":
      return !block.rows.length;
    case "comms":
      return !block.template.body.trim() && !block.template.subject?.trim();
    case "signoff":
      return !block.gate.roles.length && !block.gate.decisionMaker && !block.gate.decisionOptions.length;
    case "kept":
      return !block.raw.trim();
  }
}

/** Walks the document and checks that each non-empty part reached a block of its section. */
function expectEveryPartShown(document: PlanDocument, content: PlanContent) {
  const where = (sectionId: string | null) => (sectionId === null ? content.intro : (content.bySection[sectionId] ?? []));
  for (const section of allSections(document)) {
    if (section.notes.trim()) expect(where(section.id)).toContainEqual({ kind: "notes", markdown: section.notes.trim() });
  }
  for (const trigger of document.rollback.triggers) {
    const shown = where(trigger.sectionId).flatMap((block) => (block.kind === "triggers" ? block.triggers.map((entry) => entry.text) : []));
    expect(shown).toContain(trigger.text);
  }
  for (const table of document.tables) {
    const kind = table.kind === "generic" ? "table" : table.kind;
    const blocks = where(table.sectionId).filter((block) => block.kind === kind);
    const shownRows: unknown[] = blocks.flatMap((block): unknown[] => ("rows" in block ? block.rows : []));
    expect(shownRows).toEqual(expect.arrayContaining(table.rows as unknown[]));
  }
  for (const template of document.commsTemplates) {
    expect(where(template.sectionId)).toContainEqual({
      kind: "comms",
      template: { name: template.name, audience: template.audience, subject: template.subject, body: template.body },
    });
  }
  for (const gate of document.gates) {
    const signoffs = where(gate.sectionId).flatMap((block) => (block.kind === "signoff" ? [block.gate] : []));
    expect(signoffs.map((entry) => entry.roles.map((role) => role.role))).toContainEqual(gate.roles.map((role) => role.role));
  }
  if (document.overview.trim()) expect(content.intro).toContainEqual({ kind: "notes", markdown: document.overview.trim() });
  if (document.notes.trim()) expect(content.closing).toEqual([{ kind: "notes", markdown: document.notes.trim() }]);
}

// The project's fixtures always; the users' seed documents too when they are beside the checkout.
const documents = [
  ...fixtureNames().map((name) => [name, readFixture(name)] as const),
  ...(seedDocumentsPresent() ? SEED_FILES.map((name) => [name, readSeed(name)] as const) : []),
];

describe.each(documents)("planContentOf(%s)", (_name, text) => {
  const { document } = parsePlanMarkdown(text);
  const content = planContentOf(document);

  it("carries every non-empty part of the document", () => {
    expectEveryPartShown(document, content);
  });

  it("yields no empty block", () => {
    expect(blocksOf(content).filter(isEmpty)).toEqual([]);
  });
});

describe("planContentOf on a rich document", () => {
  const tables = planContentOf(parsePlanMarkdown(readFixture("tables-and-metadata.md")).document);
  const rollback = planContentOf(parsePlanMarkdown(readFixture("rollback-and-comms.md")).document);
  const signoffs = parsePlanMarkdown(readFixture("signoffs-and-gates.md")).document;

  it("keeps the timeline, risks, contacts with names and numbers, monitoring and other tables", () => {
    const kinds = blocksOf(tables).map((block) => block.kind);
    expect(kinds).toEqual(expect.arrayContaining(["timeline", "risks", "contacts", "monitoring", "table"]));
    const contacts = blocksOf(tables).find((block) => block.kind === "contacts");
    expect(contacts?.kind === "contacts" && contacts.rows[0]).toMatchObject({ role: "On-call SRE", name: "Sam Lee", phone: "+1 555 0100" });
    const risks = blocksOf(tables).find((block) => block.kind === "risks");
    expect(risks?.kind === "risks" && risks.rows.map((row) => row.risk)).toEqual(["Shard relocation storms", "Plugin incompatibility"]);
  });

  it("keeps rollback triggers with their mode and comms templates with subject and body", () => {
    const triggers = blocksOf(rollback).flatMap((block) => (block.kind === "triggers" ? block.triggers : []));
    expect(triggers).toContainEqual({ text: "Canary error budget exhausted", mode: "automatic" });
    const comms = blocksOf(rollback).flatMap((block) => (block.kind === "comms" ? [block.template] : []));
    expect(comms.find((template) => template.name === "Support handover")).toMatchObject({ subject: "Mobile v3 is live" });
    expect(comms.find((template) => template.name === "Support handover")?.body).toContain("Support team, please watch");
  });

  it("links each sign-off block to the plan's gate row", () => {
    const content = planContentOf(signoffs, (documentGateId) => `row-${documentGateId}`);
    const gates = blocksOf(content).flatMap((block) => (block.kind === "signoff" ? [block.gate] : []));
    expect(gates.map((gate) => gate.gateId)).toEqual(signoffs.gates.filter((gate) => gate.roles.length || gate.decisionMaker || gate.decisionOptions.length).map((gate) => `row-${gate.id}`));
    expect(gates.find((gate) => gate.roles.some((role) => role.role === "Security Officer"))?.roles).toContainEqual({ role: "Security Officer", required: false });
  });

  it("shows nothing for a document without content beyond its items", () => {
    const { document } = parsePlanMarkdown("# Small\n\n## Steps\n\n- [ ] One\n");
    expect(blocksOf(planContentOf(document))).toEqual([]);
  });
});

describe("telHref", () => {
  it("dials phone numbers and refuses anything else", () => {
    expect(telHref("+1 555 0100")).toBe("tel:+15550100");
    expect(telHref("(030) 123-456")).toBe("tel:030123456");
    expect(telHref("javascript:alert(1)")).toBeNull();
    expect(telHref("ask Sam")).toBeNull();
  });
});
