"use client";

import { useState } from "react";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { FormError, smallButton, useSubmit, type SendPart } from "@/components/document-parts/part-form-kit";
import { buttonStyles, fieldStyles } from "@/components/ui/styles";
import type { EditorDocumentParts } from "@/lib/document-parts/editor-parts";

type Gate = EditorDocumentParts["gates"][number];

/**
 * A sign-off gate as a form: its title, the sign-off titles it needs with how many must sign
 * each, and (for a Go/No-Go decision) the title that decides. Once signed, only the quorums
 * can change (lib/document-parts/part-edit-rules.ts); the server says so if tried anyway.
 */
export function GateForm({ gate, signed, removable, send }: { gate: Gate; signed: boolean; removable: boolean; send: SendPart }) {
  const [confirmingRemoval, setConfirmingRemoval] = useState(false);
  const [title, setTitle] = useState(gate.title);
  const [decisionMaker, setDecisionMaker] = useState(gate.decisionMaker ?? "");
  const [roles, setRoles] = useState(gate.roles.map((role) => ({ ...role })));
  const { error, setError, busy, submit } = useSubmit(send);
  const prefix = `gate-${gate.id}`;
  const setRole = (index: number, patch: Partial<Gate["roles"][number]>) => setRoles(roles.map((role, at) => (at === index ? { ...role, ...patch } : role)));

  return (
    <>
      <form
        aria-label={`Gate: ${gate.title}`}
        className="space-y-3 rounded-md border border-slate-200 p-3 dark:border-slate-700"
        onSubmit={async (event) => {
          event.preventDefault();
          if (!title.trim()) return setError("A gate needs a title.");
          if (roles.some((role) => !role.title.trim())) return setError("Name every sign-off title, or remove the empty one.");
          await submit({
            type: "gate.edit",
            gateId: gate.id,
            expectedHash: gate.hash,
            ...(title.trim() !== gate.title ? { title: title.trim() } : {}),
            roles: roles.map((role) => ({ title: role.title.trim(), quorum: role.quorum })),
            ...(gate.kind === "GO_NO_GO" && (decisionMaker.trim() || null) !== gate.decisionMaker ? { decisionMaker: decisionMaker.trim() || null } : {}),
          });
        }}
      >
        {signed ? <p className="text-xs text-slate-600 dark:text-slate-400">Signed already: its titles stay as signed; you can change how many must sign.</p> : null}
        <div>
          <label htmlFor={`${prefix}-title`} className={fieldStyles.label}>
            Gate title
          </label>
          <input id={`${prefix}-title`} className={fieldStyles.input} maxLength={200} value={title} readOnly={signed} onChange={(event) => setTitle(event.target.value)} />
        </div>
        {gate.kind === "GO_NO_GO" ? (
          <div>
            <label htmlFor={`${prefix}-maker`} className={fieldStyles.label}>
              Decision maker (sign-off title; empty: the lead decides)
            </label>
            <input id={`${prefix}-maker`} className={fieldStyles.input} maxLength={100} value={decisionMaker} readOnly={signed} onChange={(event) => setDecisionMaker(event.target.value)} />
          </div>
        ) : null}
        <fieldset>
          <legend className={fieldStyles.label}>Sign-offs needed</legend>
          <ul className="mt-1 space-y-2">
            {roles.map((role, index) => (
              <li key={index} className="flex flex-wrap items-end gap-2">
                <div className="grow">
                  <label htmlFor={`${prefix}-role-${index}`} className="sr-only">
                    Sign-off title {index + 1}
                  </label>
                  <input id={`${prefix}-role-${index}`} className={fieldStyles.input} maxLength={100} value={role.title} readOnly={signed} onChange={(event) => setRole(index, { title: event.target.value })} />
                </div>
                <div className="w-28">
                  <label htmlFor={`${prefix}-quorum-${index}`} className="text-xs text-slate-600 dark:text-slate-400">
                    Quorum for {role.title || `title ${index + 1}`}
                  </label>
                  <input
                    id={`${prefix}-quorum-${index}`}
                    type="number"
                    min={1}
                    max={20}
                    className={fieldStyles.input}
                    value={role.quorum}
                    onChange={(event) => setRole(index, { quorum: Math.max(1, Math.min(20, Number.parseInt(event.target.value, 10) || 1)) })}
                  />
                </div>
                {signed ? null : (
                  <button type="button" className={smallButton} onClick={() => setRoles(roles.filter((_, at) => at !== index))}>
                    Remove {role.title || "title"}
                  </button>
                )}
              </li>
            ))}
          </ul>
          {signed ? null : (
            <button type="button" className={`${smallButton} mt-2`} onClick={() => setRoles([...roles, { title: "", quorum: 1 }])}>
              Add sign-off title
            </button>
          )}
        </fieldset>
        <FormError message={error} />
        <div className="flex flex-wrap gap-2">
          <button type="submit" className={buttonStyles.secondary} disabled={busy}>
            Save gate
          </button>
          {removable ? (
            <button type="button" className={smallButton} disabled={busy} onClick={() => setConfirmingRemoval(true)}>
              Remove gate
            </button>
          ) : null}
        </div>
      </form>
      {/* Outside the form: the dialog's own form would otherwise submit this one too. */}
      {confirmingRemoval ? (
        <ConfirmDialog
          title={`Remove the gate “${gate.title}”?`}
          lines={["Nothing waits for it any more once it is gone. Undo brings it back."]}
          confirmLabel="Remove gate"
          tone="danger"
          onCancel={() => setConfirmingRemoval(false)}
          onConfirm={async () => {
            setConfirmingRemoval(false);
            await submit({ type: "gate.remove", gateId: gate.id, expectedHash: gate.hash });
          }}
        />
      ) : null}
    </>
  );
}
