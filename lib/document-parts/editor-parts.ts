import { tableGrid } from "@/lib/import/export-blocks";
import type { PlanDocument, PlanTableKind } from "@/lib/plan-document/schema";
import { partHash } from "@/lib/document-parts/part-hash";
import { gateSnapshot } from "@/lib/document-parts/write-document-part";

/**
 * The document's gates, rollback triggers, tables and messages as the editor shows them,
 * each with the hash its edit sends back. Plain data for a client component.
 */
export interface EditorDocumentParts {
  gates: { id: string; kind: string; title: string; decisionMaker: string | null; roles: { title: string; quorum: number }[]; hash: string }[];
  triggers: string[];
  tables: { id: string; kind: PlanTableKind; header: string[]; rows: string[][]; hash: string }[];
  messages: { id: string; name: string; audience: string; subject: string; body: string; hash: string }[];
}

interface GateRow {
  id: string;
  kind: string;
  title: string;
  decisionMakerRole: string | null;
  roles: { title: string; quorum: number }[];
}

export function editorDocumentParts(document: PlanDocument | null, gates: readonly GateRow[]): EditorDocumentParts {
  return {
    gates: gates.map((gate) => {
      const snapshot = gateSnapshot(gate);
      return { id: gate.id, kind: gate.kind, ...snapshot, hash: partHash(snapshot) };
    }),
    triggers: document?.rollback.triggers.map((trigger) => trigger.text) ?? [],
    tables: document?.tables.map((table) => ({ id: table.id, kind: table.kind, ...tableGrid(table), hash: partHash(table) })) ?? [],
    messages:
      document?.commsTemplates.map((template) => ({
        id: template.id,
        name: template.name,
        audience: template.audience ?? "",
        subject: template.subject ?? "",
        body: template.body,
        hash: partHash(template),
      })) ?? [],
  };
}
