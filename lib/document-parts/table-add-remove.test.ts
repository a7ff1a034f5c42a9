import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { exportPlanMarkdown } from "@/lib/import/export-plan-markdown";
import { tableGrid } from "@/lib/import/export-blocks";
import { parsePlanMarkdown } from "@/lib/import/parse-plan-markdown";
import { editDocumentPart } from "@/lib/document-parts/edit-document-parts";
import type { DocumentOnlyPartEvent } from "@/lib/document-parts/part-events";
import { partHash } from "@/lib/document-parts/part-hash";
import { placeNewTable } from "@/lib/document-parts/place-new-table";
import { inversePartEdit } from "@/lib/document-parts/undo-part-edit";
import type { PlanDocument } from "@/lib/plan-document/schema";

const WITHOUT_TABLES = `# Database upgrade

## Preparation
- [ ] Take a snapshot

## Upgrade
- [ ] Run the upgrade

## Sign-off
- Ops lead: ____

## Communication
\`\`\`text
Subject: Starting

We start now.
\`\`\`
`;

const WITH_CONTACTS_HEADING = `# Database upgrade

## Contacts
Call the on-call first.

## Upgrade
- [ ] Run the upgrade
`;

const parse = (markdown: string) => parsePlanMarkdown(markdown).document;
const sectionTitled = (document: PlanDocument, title: string) => document.sections.find((section) => section.title === title)!.id;
/** A table as the export carries it: where it is, its kind and its cells (ids are the importer's to give). */
const tablesAsWritten = (document: PlanDocument) =>
  document.tables.map((table) => ({ section: document.sections.find((section) => section.id === table.sectionId)?.title ?? null, kind: table.kind, ...tableGrid(table) }));

function refusal(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected a refusal");
}

describe("placeNewTable", () => {
  it("puts a table in the section its heading names", () => {
    const document = parse(WITH_CONTACTS_HEADING);
    expect(placeNewTable(document, "contacts")).toBe(sectionTitled(document, "Contacts"));
  });

  it("otherwise puts it in the last section that is neither sign-off nor messages", () => {
    const document = parse(WITHOUT_TABLES);
    expect(placeNewTable(document, "contacts")).toBe(sectionTitled(document, "Upgrade"));
    expect(placeNewTable(document, "risks")).toBe(sectionTitled(document, "Upgrade"));
  });

  it("puts it in the introduction of a plan without sections", () => {
    expect(placeNewTable(parse("# Tiny plan\n\n- [ ] Do it\n"), "timeline")).toBeNull();
  });
});

describe("table.add and table.remove", () => {
  it("adds an empty table of each kind with its usual columns", () => {
    let document = parse(WITHOUT_TABLES);
    document = editDocumentPart(document, { type: "table.add", kind: "contacts" }, "DRAFT").document;
    document = editDocumentPart(document, { type: "table.add", kind: "risks" }, "DRAFT").document;
    const added = editDocumentPart(document, { type: "table.add", kind: "generic", header: ["Service", "Version"] }, "SCHEDULED");
    expect(added.event).toMatchObject({ type: "table.added", kind: "generic", table: { header: ["Service", "Version"], rows: [] } });
    expect(added.document.tables.map((table) => [table.kind, tableGrid(table).header])).toEqual([
      ["contacts", ["Role", "Name"]],
      ["risks", ["Risk", "Probability", "Impact", "Mitigation"]],
      ["generic", ["Service", "Version"]],
    ]);
  });

  it("keeps the timeline and the monitoring table as the run started, but lets the contacts change", () => {
    const document = parse(WITHOUT_TABLES);
    const error = refusal(() => editDocumentPart(document, { type: "table.add", kind: "timeline" }, "IN_PROGRESS"));
    expect(error.status).toBe(409);
    expect(error.message).toMatch(/timeline table stays as the run started/);
    const added = editDocumentPart(document, { type: "table.add", kind: "contacts" }, "IN_PROGRESS").document;
    const contacts = added.tables[0]!;
    expect(editDocumentPart(added, { type: "table.remove", tableId: contacts.id, expectedHash: partHash(contacts) }, "ROLLING_BACK").document.tables).toEqual([]);
  });

  it("refuses to remove a table that changed since the editor loaded it, or that is gone", () => {
    const document = editDocumentPart(parse(WITHOUT_TABLES), { type: "table.add", kind: "risks" }, "DRAFT").document;
    const risks = document.tables[0]!;
    expect(refusal(() => editDocumentPart(document, { type: "table.remove", tableId: risks.id, expectedHash: "stale" }, "DRAFT")).status).toBe(409);
    expect(refusal(() => editDocumentPart(document, { type: "table.remove", tableId: "nope", expectedHash: "x" }, "DRAFT")).status).toBe(404);
    expect(refusal(() => editDocumentPart(document, { type: "table.remove", tableId: risks.id, expectedHash: partHash(risks) }, "COMPLETE")).status).toBe(409);
  });

  it("undoes an addition by removing the table, and a removal by putting it back in its place", () => {
    const document = parse(`# Plan\n\n## Risks\n| Risk | Impact |\n| --- | --- |\n| Slow | High |\n\n## Contacts\n| Role | Name |\n| --- | --- |\n| On-call | Sam |\n`);
    const added = editDocumentPart(document, { type: "table.add", kind: "monitoring" }, "DRAFT");
    const undoAdd = inversePartEdit(added.document, added.event as DocumentOnlyPartEvent);
    expect(editDocumentPart(added.document, undoAdd, "DRAFT").document).toEqual(document);

    const risks = document.tables[0]!;
    const removed = editDocumentPart(document, { type: "table.remove", tableId: risks.id, expectedHash: partHash(risks) }, "DRAFT");
    expect(removed.event).toMatchObject({ type: "table.removed", kind: "risks", index: 0, before: { header: ["Risk", "Probability", "Impact", "Mitigation"] } });
    const undoRemove = inversePartEdit(removed.document, removed.event as DocumentOnlyPartEvent);
    expect(editDocumentPart(removed.document, undoRemove, "DRAFT").document).toEqual(document);
  });
});

describe("round trip of added tables", () => {
  it("exports added tables where importing the export reads them back as the same kinds, in the same sections", () => {
    for (const plan of [WITHOUT_TABLES, WITH_CONTACTS_HEADING]) {
      let document = parse(plan);
      for (const kind of ["contacts", "risks", "timeline", "monitoring"] as const) document = editDocumentPart(document, { type: "table.add", kind }, "DRAFT").document;
      document = editDocumentPart(document, { type: "table.add", kind: "generic", header: ["Service", "Version", "Notes"] }, "DRAFT").document;
      const reimported = parse(exportPlanMarkdown(document));
      const sorted = (tables: ReturnType<typeof tablesAsWritten>) => tables.toSorted((a, b) => a.kind.localeCompare(b.kind));
      expect(sorted(tablesAsWritten(reimported))).toEqual(sorted(tablesAsWritten(document)));
    }
  });
});
