"use client";

import { AddGateForm } from "@/components/document-parts/add-gate-form";
import { AddTableForm } from "@/components/document-parts/add-table-form";
import { GateForm } from "@/components/document-parts/gate-form";
import { MessageForm } from "@/components/document-parts/message-form";
import type { SendPart } from "@/components/document-parts/part-form-kit";
import { TableForm } from "@/components/document-parts/table-form";
import { TriggersForm } from "@/components/document-parts/triggers-form";
import { cardStyles } from "@/components/ui/styles";
import type { EditorDocumentParts } from "@/lib/document-parts/editor-parts";
import { decideDocumentPartEdit } from "@/lib/document-parts/part-edit-rules";
import type { PlanStatusName } from "@/lib/plan-state/lifecycle";

/**
 * The rest of the plan document in the editor, each part edited as what it is: gates as
 * forms, rollback triggers as a list, tables as tables, messages as name, subject and body.
 * Every save is one plan change; the page then shows the part as the server has it (each
 * form is keyed by its part's hash, so it starts again from the saved part).
 */
export function DocumentPartsEditor({ parts, status, signedGateIds, send }: { parts: EditorDocumentParts; status: PlanStatusName; signedGateIds: ReadonlySet<string>; send: SendPart }) {
  const tableReadOnly = (kind: EditorDocumentParts["tables"][number]["kind"]) => {
    const decision = decideDocumentPartEdit({ type: "table.edit", tableKind: kind, planStatus: status });
    return decision.ok ? null : decision.message;
  };
  // Each kind of table the plan lacks, when it may be added now (the timeline and monitoring table not during a run).
  const missingTables = (["contacts", "risks", "timeline", "monitoring"] as const).filter(
    (kind) => !parts.tables.some((table) => table.kind === kind) && decideDocumentPartEdit({ type: "table.add", tableKind: kind, planStatus: status }).ok,
  );
  // Gates come and go only while the plan is a draft or scheduled; a signed one stays.
  const gatesChangeable = decideDocumentPartEdit({ type: "gate.add", planStatus: status }).ok;
  return (
    <section aria-labelledby="document-parts-title" className={`${cardStyles} space-y-6 p-4`} data-testid="document-parts-editor">
      <h2 id="document-parts-title" className="text-base font-semibold">
        Gates, triggers, tables and messages
      </h2>
      {parts.gates.length || gatesChangeable ? (
        <section aria-labelledby="edit-gates-title" className="space-y-3">
          <h3 id="edit-gates-title" className="text-sm font-semibold">
            Gates
          </h3>
          {parts.gates.map((gate) => (
            <GateForm key={gate.hash} gate={gate} signed={signedGateIds.has(gate.id)} removable={gatesChangeable && !signedGateIds.has(gate.id)} send={send} />
          ))}
          {gatesChangeable ? <AddGateForm send={send} /> : null}
        </section>
      ) : null}
      <section aria-labelledby="edit-triggers-title" className="space-y-3">
        <h3 id="edit-triggers-title" className="text-sm font-semibold">
          Rollback triggers
        </h3>
        <TriggersForm triggers={parts.triggers} send={send} />
      </section>
      {parts.tables.length || missingTables.length ? (
        <section aria-labelledby="edit-tables-title" className="space-y-3">
          <h3 id="edit-tables-title" className="text-sm font-semibold">
            Tables
          </h3>
          {parts.tables.map((table) => (
            <TableForm key={table.hash} table={table} readOnlyReason={tableReadOnly(table.kind)} send={send} />
          ))}
          <AddTableForm missing={missingTables} send={send} />
        </section>
      ) : null}
      <section aria-labelledby="edit-messages-title" className="space-y-3">
        <h3 id="edit-messages-title" className="text-sm font-semibold">
          Messages
        </h3>
        {parts.messages.map((message) => (
          <MessageForm key={message.hash} message={message} send={send} />
        ))}
        <MessageForm send={send} />
      </section>
    </section>
  );
}
