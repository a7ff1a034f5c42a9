"use client";

import { FormError, smallButton, useSubmit, type SendPart } from "@/components/document-parts/part-form-kit";
import type { ADDABLE_TABLE_KINDS } from "@/lib/document-parts/part-change-schema";

type AddableKind = (typeof ADDABLE_TABLE_KINDS)[number];

const ADD_LABELS: Record<Exclude<AddableKind, "generic">, string> = {
  contacts: "Add a contact table",
  risks: "Add a risk table",
  timeline: "Add a timeline",
  monitoring: "Add a monitoring table",
};

/**
 * One button per kind of table the plan does not have yet (and the status allows): each adds
 * an empty table with the usual columns of its kind, to fill in like any other table.
 */
export function AddTableForm({ missing, send }: { missing: readonly Exclude<AddableKind, "generic">[]; send: SendPart }) {
  const { error, busy, submit } = useSubmit(send);
  if (missing.length === 0) return null;
  return (
    <div>
      <div className="flex flex-wrap gap-2">
        {missing.map((kind) => (
          <button key={kind} type="button" className={smallButton} disabled={busy} onClick={() => void submit({ type: "table.add", kind })}>
            {ADD_LABELS[kind]}
          </button>
        ))}
      </div>
      <FormError message={error} />
    </div>
  );
}
