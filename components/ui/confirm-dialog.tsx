"use client";

import { useId, useLayoutEffect, useRef, useState } from "react";
import { buttonStyles, fieldStyles } from "@/components/ui/styles";

interface ConfirmDialogProps {
  title: string;
  lines: string[];
  confirmLabel: string;
  /** Ask for a reason in the same dialog; Confirm stays disabled until one is given. */
  reasonLabel?: string;
  tone?: "primary" | "danger";
  busy?: boolean;
  onConfirm: (reason: string) => void;
  /** Called when the dialog closes without acting (Cancel, Esc); the opener gets the focus back. */
  onCancel: () => void;
}

/**
 * A modal question before an action that cannot be taken back. The native <dialog> shown
 * with showModal() traps focus, makes the page behind it inert and closes on Esc, so the
 * checklist's shortcuts cannot fire behind it; Cancel has the focus first, so Enter never
 * confirms by accident.
 */
export function ConfirmDialog({ title, lines, confirmLabel, reasonLabel, tone = "primary", busy = false, onConfirm, onCancel }: ConfirmDialogProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const reasonRef = useRef<HTMLTextAreaElement>(null);
  const [reason, setReason] = useState("");
  const titleId = useId();
  const bodyId = useId();

  // A layout effect, so the dialog leaves the top layer (and the page stops being inert) before it is removed.
  useLayoutEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (!dialog.open) dialog.showModal();
    (reasonLabel ? reasonRef.current : cancelRef.current)?.focus();
    return () => {
      if (dialog.open) dialog.close();
    };
  }, [reasonLabel]);

  const why = reason.trim();
  return (
    <dialog
      ref={dialogRef}
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      className="m-auto w-[min(32rem,calc(100vw-2rem))] rounded-xl border border-slate-200 bg-white p-5 text-slate-900 shadow-xl backdrop:bg-slate-900/50 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
      onCancel={(event) => {
        // Esc: close through React state, so the opener knows and takes the focus back.
        event.preventDefault();
        onCancel();
      }}
    >
      <form
        method="dialog"
        className="space-y-4"
        onSubmit={(event) => {
          event.preventDefault();
          if (reasonLabel && !why) return;
          onConfirm(why);
        }}
      >
        <h2 id={titleId} className="text-lg font-semibold">
          {title}
        </h2>
        <div id={bodyId} className="space-y-1 text-sm text-slate-700 dark:text-slate-300">
          {lines.map((line) => (
            <p key={line}>{line}</p>
          ))}
        </div>
        {reasonLabel ? (
          <div>
            <label htmlFor={`${titleId}-reason`} className={fieldStyles.label}>
              {reasonLabel}
            </label>
            <textarea
              ref={reasonRef}
              id={`${titleId}-reason`}
              required
              rows={2}
              maxLength={2000}
              value={reason}
              onChange={(event) => setReason(event.target.value)}
              className={fieldStyles.input}
            />
          </div>
        ) : null}
        <div className="flex flex-wrap justify-end gap-2">
          <button ref={cancelRef} type="button" className={buttonStyles.secondary} onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" className={tone === "danger" ? buttonStyles.danger : buttonStyles.primary} disabled={busy || Boolean(reasonLabel && !why)}>
            {confirmLabel}
          </button>
        </div>
      </form>
    </dialog>
  );
}
