import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { exportPlanMarkdown } from "@/lib/import/export-plan-markdown";
import { tableGrid } from "@/lib/import/export-blocks";
import { parsePlanMarkdown } from "@/lib/import/parse-plan-markdown";
import { editDocumentPart } from "@/lib/document-parts/edit-document-parts";
import { partHash } from "@/lib/document-parts/part-hash";
import type { PlanDocument } from "@/lib/plan-document/schema";

const PLAN = `# Payments rollout

## Timeline
| Time | Activity | Duration | Owner |
| --- | --- | --- | --- |
| T-30m | Freeze deploys | 5 min | Lee |
| T-0 | Deploy | 20 min | Eve |

## Risks
| Risk | Probability | Impact | Mitigation |
| --- | --- | --- | --- |
| Slow migration | Low | High | Run it off-peak |

## Deploy
- [ ] Roll out

## Rollback
Roll back if any of these happens:
- Error rate above 2%
- Latency p95 above 800 ms

## Contacts
| Role | Name | Phone |
| --- | --- | --- |
| On-call | Sam | +1 555 0100 |

## Communication
\`\`\`text
To: Stakeholders
Subject: Payments rollout starting

We start the rollout of {{version}} now.
\`\`\`
`;

const fresh = () => parsePlanMarkdown(PLAN).document;
const table = (document: PlanDocument, kind: string) => document.tables.find((candidate) => candidate.kind === kind)!;

function refusal(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected a refusal");
}

describe("editDocumentPart", () => {
  it("replaces a table from its grid, reading the columns as the importer does", () => {
    const document = fresh();
    const timeline = table(document, "timeline");
    const grid = tableGrid(timeline);
    const { document: after, event } = editDocumentPart(
      document,
      { type: "table.edit", tableId: timeline.id, expectedHash: partHash(timeline), header: [...grid.header, "Notes"], rows: [...grid.rows.map((row) => [...row, ""]), ["T+20m", "Verify", "10 min", "Sam", "smoke tests"]] },
      "DRAFT",
    );
    const edited = table(after, "timeline");
    expect(edited.kind === "timeline" && edited.rows[2]).toMatchObject({ time: "T+20m", offset: { minutes: 20 }, activity: "Verify", durationMinutes: 10, owner: "Sam", extra: [{ key: "Notes", value: "smoke tests" }] });
    expect(event).toMatchObject({ type: "table.edited", tableId: timeline.id, kind: "timeline", before: grid });
  });

  it("refuses a table edit made on an older version of the table, with the fresh table", () => {
    const document = fresh();
    const risks = table(document, "risks");
    const error = refusal(() => editDocumentPart(document, { type: "table.edit", tableId: risks.id, expectedHash: "stale", header: ["Risk"], rows: [] }, "DRAFT"));
    expect(error.status).toBe(409);
    expect(error.details).toMatchObject({ table: { header: ["Risk", "Probability", "Impact", "Mitigation"], hash: partHash(risks) } });
  });

  it("refuses a grid that lost the column its kind needs", () => {
    const document = fresh();
    const contacts = table(document, "contacts");
    const error = refusal(() => editDocumentPart(document, { type: "table.edit", tableId: contacts.id, expectedHash: partHash(contacts), header: ["Phone"], rows: [["+1"]] }, "DRAFT"));
    expect(error.status).toBe(422);
    expect(error.message).toBe("A contact table needs a Role or a Name column.");
  });

  it("keeps the timeline as it was while the plan runs, but not the contacts", () => {
    const document = fresh();
    const timeline = table(document, "timeline");
    const contacts = table(document, "contacts");
    expect(refusal(() => editDocumentPart(document, { type: "table.edit", tableId: timeline.id, expectedHash: partHash(timeline), ...tableGrid(timeline) }, "IN_PROGRESS")).status).toBe(409);
    const grid = tableGrid(contacts);
    const { document: after } = editDocumentPart(document, { type: "table.edit", tableId: contacts.id, expectedHash: partHash(contacts), header: grid.header, rows: [["On-call", "Kim", "+1 555 0199"]] }, "IN_PROGRESS");
    expect(table(after, "contacts")).toMatchObject({ rows: [{ role: "On-call", name: "Kim", phone: "+1 555 0199" }] });
  });

  it("adds, rewords and removes rollback triggers, refusing an edit of a trigger that changed meanwhile", () => {
    let document = fresh();
    document = editDocumentPart(document, { type: "trigger.add", text: "Checkout errors in the logs" }, "IN_PROGRESS").document;
    expect(document.rollback.triggers.map((trigger) => trigger.text)).toEqual(["Error rate above 2%", "Latency p95 above 800 ms", "Checkout errors in the logs"]);
    expect(document.rollback.triggers[2]!.sectionId).toBe(document.rollback.triggers[0]!.sectionId);
    const edited = editDocumentPart(document, { type: "trigger.edit", index: 0, expectedText: "Error rate above 2%", text: "Error rate above 1%" }, "DRAFT");
    expect(edited.event).toEqual({ type: "trigger.edited", index: 0, before: { text: "Error rate above 2%", mode: "unspecified" }, trigger: { text: "Error rate above 1%", mode: "unspecified" } });
    expect(refusal(() => editDocumentPart(edited.document, { type: "trigger.remove", index: 0, expectedText: "Error rate above 2%" }, "DRAFT")).status).toBe(409);
    const removed = editDocumentPart(edited.document, { type: "trigger.remove", index: 1, expectedText: "Latency p95 above 800 ms" }, "DRAFT").document;
    expect(removed.rollback.triggers.map((trigger) => trigger.text)).toEqual(["Error rate above 1%", "Checkout errors in the logs"]);
  });

  it("adds, edits and removes messages, with blanks read as placeholders", () => {
    let document = fresh();
    const added = editDocumentPart(document, { type: "comms.add", name: "All clear", subject: "Payments are back", body: "Done at [TIME]." }, "DRAFT");
    document = added.document;
    const template = document.commsTemplates[1]!;
    expect(template).toMatchObject({ name: "All clear", subject: "Payments are back", body: "Done at {{TIME}}.", placeholders: ["TIME"], sectionId: document.commsTemplates[0]!.sectionId });
    const edited = editDocumentPart(document, { type: "comms.edit", templateId: template.id, expectedHash: partHash(template), body: "Finished at {{time}}." }, "IN_PROGRESS");
    expect(edited.event).toMatchObject({ type: "comms.edited", before: { body: "Done at {{TIME}}." }, template: { body: "Finished at {{time}}." } });
    expect(refusal(() => editDocumentPart(edited.document, { type: "comms.remove", templateId: template.id, expectedHash: partHash(template) }, "DRAFT")).status).toBe(409);
    expect(refusal(() => editDocumentPart(edited.document, { type: "comms.remove", templateId: "nope", expectedHash: "x" }, "DRAFT")).status).toBe(404);
  });

  it("refuses every edit once the plan has finished", () => {
    expect(refusal(() => editDocumentPart(fresh(), { type: "trigger.add", text: "Anything" }, "COMPLETE")).message).toBe("This plan has finished; it is read-only now.");
  });
});

describe("round trip", () => {
  it("exports edited tables, triggers and messages so that importing the export gives the same parts", () => {
    let document = fresh();
    const contacts = table(document, "contacts");
    const risks = table(document, "risks");
    document = editDocumentPart(document, { type: "table.edit", tableId: contacts.id, expectedHash: partHash(contacts), header: ["Role", "Name", "Email", "Phone"], rows: [["On-call", "Kim", "kim@example.com", "+1 555 0199"], ["Database", "Ada", "", "+1 555 0142"]] }, "DRAFT").document;
    document = editDocumentPart(document, { type: "table.edit", tableId: risks.id, expectedHash: partHash(risks), header: ["Risk", "Probability", "Impact", "Mitigation", "Owner"], rows: [["Slow migration", "Low", "High", "Run it off-peak", "Ada"], ["Card network outage", "Low", "High", "Pause rollout", "Sam"]] }, "DRAFT").document;
    document = editDocumentPart(document, { type: "trigger.add", text: "Checkout errors in the logs" }, "DRAFT").document;
    const message = document.commsTemplates[0]!;
    document = editDocumentPart(document, { type: "comms.edit", templateId: message.id, expectedHash: partHash(message), subject: "Payments rollout of {{version}} starting", body: "We start now.\nExpect a short pause." }, "DRAFT").document;
    document = editDocumentPart(document, { type: "comms.add", name: "Communication (2)", audience: "Support", body: "All clear at {{time}}." }, "DRAFT").document;

    const reimported = parsePlanMarkdown(exportPlanMarkdown(document)).document;
    expect(reimported.tables).toEqual(document.tables);
    expect(reimported.rollback.triggers).toEqual(document.rollback.triggers);
    const parts = (doc: PlanDocument) => doc.commsTemplates.map(({ name, audience, subject, body, placeholders }) => ({ name, audience, subject, body, placeholders }));
    expect(parts(reimported)).toEqual(parts(document));
  });
});
