"use client";

import { useState } from "react";
import { FormError, smallButton, useSubmit, type SendPart } from "@/components/document-parts/part-form-kit";
import { buttonStyles, fieldStyles } from "@/components/ui/styles";
import type { ADDABLE_GATE_KINDS } from "@/lib/document-parts/part-change-schema";

type AddableGateKind = (typeof ADDABLE_GATE_KINDS)[number];

/** The sign-off titles as typed, one per line or separated by commas. */
const titlesOf = (text: string) => [...new Set(text.split(/[,\n]/).map((title) => title.trim()).filter(Boolean))];

/**
 * "Add a sign-off gate" and "Add a Go/No-Go gate": each opens a short form for the gate's
 * title and who signs (or decides). Each title needs one signature at first; the gate's own
 * form changes that once it exists.
 */
export function AddGateForm({ send }: { send: SendPart }) {
  const [kind, setKind] = useState<AddableGateKind | null>(null);
  const [title, setTitle] = useState("");
  const [signers, setSigners] = useState("");
  const { error, setError, busy, submit } = useSubmit(send);
  const close = () => {
    setKind(null);
    setTitle("");
    setSigners("");
    setError(null);
  };

  if (kind === null) {
    return (
      <div className="flex flex-wrap gap-2">
        <button type="button" className={smallButton} onClick={() => setKind("sign-off")}>
          Add a sign-off gate
        </button>
        <button type="button" className={smallButton} onClick={() => setKind("go-no-go")}>
          Add a Go/No-Go gate
        </button>
      </div>
    );
  }
  const signOff = kind === "sign-off";
  return (
    <form
      aria-label={signOff ? "New sign-off gate" : "New Go/No-Go gate"}
      className="space-y-3 rounded-md border border-slate-200 p-3 dark:border-slate-700"
      onSubmit={async (event) => {
        event.preventDefault();
        if (!title.trim()) return setError("A gate needs a title.");
        const titles = titlesOf(signers);
        if (signOff && titles.length === 0) return setError("Name at least one sign-off title.");
        if (!signOff && !signers.trim()) return setError("Name the title that decides Go or No-Go.");
        const added = await submit(
          signOff
            ? { type: "gate.add", kind, title: title.trim(), roles: titles.map((role) => ({ title: role, quorum: 1 })) }
            : { type: "gate.add", kind, title: title.trim(), decisionMaker: signers.trim() },
        );
        if (added) close();
      }}
    >
      <div>
        <label htmlFor="new-gate-title" className={fieldStyles.label}>
          New gate title
        </label>
        <input id="new-gate-title" className={fieldStyles.input} maxLength={200} value={title} onChange={(event) => setTitle(event.target.value)} />
      </div>
      <div>
        <label htmlFor="new-gate-signers" className={fieldStyles.label}>
          {signOff ? "Sign-off titles (comma-separated)" : "Decision maker (sign-off title)"}
        </label>
        <input id="new-gate-signers" className={fieldStyles.input} maxLength={signOff ? 2100 : 100} value={signers} onChange={(event) => setSigners(event.target.value)} />
      </div>
      <FormError message={error} />
      <div className="flex flex-wrap gap-2">
        <button type="submit" className={buttonStyles.secondary} disabled={busy}>
          Add gate
        </button>
        <button type="button" className={smallButton} disabled={busy} onClick={close}>
          Cancel
        </button>
      </div>
    </form>
  );
}
