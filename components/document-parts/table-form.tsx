"use client";

import { useState } from "react";
import { FormError, smallButton, useSubmit, type SendPart } from "@/components/document-parts/part-form-kit";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { buttonStyles } from "@/components/ui/styles";
import type { EditorDocumentParts } from "@/lib/document-parts/editor-parts";

type Table = EditorDocumentParts["tables"][number];

export const TABLE_LABELS: Record<Table["kind"], string> = { timeline: "Timeline", risks: "Risks", contacts: "Contacts", monitoring: "Monitoring", generic: "Table" };
const cellInput = "w-full min-w-24 rounded border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-900";

/**
 * A table as an editable table: column names in the header row, a text field per cell, rows
 * and columns added and removed in place, and the whole table saved as one change.
 */
export function TableForm({ table, readOnlyReason, send }: { table: Table; readOnlyReason: string | null; send: SendPart }) {
  const [header, setHeader] = useState(table.header);
  const [rows, setRows] = useState(table.rows);
  const [confirmingRemoval, setConfirmingRemoval] = useState(false);
  const { error, setError, busy, submit } = useSubmit(send);
  const label = TABLE_LABELS[table.kind];
  const readOnly = readOnlyReason !== null;
  const setCell = (rowIndex: number, column: number, value: string) => setRows(rows.map((row, at) => (at === rowIndex ? row.map((cell, index) => (index === column ? value : cell)) : row)));

  return (
    <>
      <form
        aria-label={`${label} table`}
        className="space-y-2 rounded-md border border-slate-200 p-3 dark:border-slate-700"
        onSubmit={async (event) => {
          event.preventDefault();
          if (header.some((name) => !name.trim())) return setError("Every column needs a name.");
          await submit({ type: "table.edit", tableId: table.id, expectedHash: table.hash, header: header.map((name) => name.trim()), rows });
        }}
      >
        <h4 className="text-sm font-semibold">{label}</h4>
        {readOnlyReason ? <p className="text-xs text-slate-600 dark:text-slate-400">{readOnlyReason}</p> : null}
        <div className="overflow-x-auto">
          <table className="text-sm">
            <thead>
              <tr>
                {header.map((name, column) => (
                  <th key={column} scope="col" className="p-1 text-left align-bottom">
                    <input aria-label={`Column ${column + 1} name`} className={`${cellInput} font-semibold`} maxLength={200} value={name} readOnly={readOnly} onChange={(event) => setHeader(header.map((old, at) => (at === column ? event.target.value : old)))} />
                    {readOnly || header.length === 1 ? null : (
                      <button
                        type="button"
                        className={smallButton}
                        onClick={() => {
                          setHeader(header.filter((_, at) => at !== column));
                          setRows(rows.map((row) => row.filter((_, at) => at !== column)));
                        }}
                      >
                        Remove column {name || column + 1}
                      </button>
                    )}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row, rowIndex) => (
                <tr key={rowIndex}>
                  {row.map((cell, column) => (
                    <td key={column} className="p-1">
                      <input aria-label={`${header[column] || `Column ${column + 1}`}, row ${rowIndex + 1}`} className={cellInput} maxLength={2000} value={cell} readOnly={readOnly} onChange={(event) => setCell(rowIndex, column, event.target.value)} />
                    </td>
                  ))}
                  <td className="p-1">
                    {readOnly ? null : (
                      <button type="button" className={smallButton} onClick={() => setRows(rows.filter((_, at) => at !== rowIndex))}>
                        Remove row {rowIndex + 1}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {readOnly ? null : (
          <>
            <div className="flex flex-wrap gap-2">
              <button type="button" className={smallButton} onClick={() => setRows([...rows, header.map(() => "")])}>
                Add row
              </button>
              <button
                type="button"
                className={smallButton}
                onClick={() => {
                  setHeader([...header, `Column ${header.length + 1}`]);
                  setRows(rows.map((row) => [...row, ""]));
                }}
              >
                Add column
              </button>
            </div>
            <FormError message={error} />
            <div className="flex flex-wrap gap-2">
              <button type="submit" className={buttonStyles.secondary} disabled={busy}>
                Save {label.toLowerCase()} table
              </button>
              <button type="button" className={smallButton} disabled={busy} onClick={() => setConfirmingRemoval(true)}>
                Remove table
              </button>
            </div>
          </>
        )}
      </form>
      {/* Outside the form: the dialog's own form would otherwise submit this one too. */}
      {confirmingRemoval ? (
        <ConfirmDialog
          title={`Remove the ${label.toLowerCase()} table?`}
          lines={[`Its ${table.rows.length === 1 ? "row goes" : `${table.rows.length} rows go`} with it. Undo brings it back.`]}
          confirmLabel="Remove table"
          tone="danger"
          onCancel={() => setConfirmingRemoval(false)}
          onConfirm={async () => {
            setConfirmingRemoval(false);
            await submit({ type: "table.remove", tableId: table.id, expectedHash: table.hash });
          }}
        />
      ) : null}
    </>
  );
}
