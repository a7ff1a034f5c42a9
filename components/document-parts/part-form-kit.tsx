"use client";

import { useState } from "react";
import type { PlanChange } from "@/lib/plan-state/change-schema";

/** What each part's form sends: one plan change; resolves to the server's refusal, or null when applied. */
export type SendPart = (change: PlanChange) => Promise<string | null>;

/** A form's refusal, shown inside it (the form stays open with what was typed). */
export function FormError({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <p role="alert" className="mt-2 text-sm text-red-700 dark:text-red-400">
      {message}
    </p>
  );
}

/** Sends a change and keeps its refusal and whether it is on its way, for one form. */
export function useSubmit(send: SendPart) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (change: Parameters<SendPart>[0]): Promise<boolean> => {
    setBusy(true);
    setError(null);
    const refusal = await send(change);
    setBusy(false);
    setError(refusal);
    return refusal === null;
  };
  return { error, setError, busy, submit };
}

export const smallButton = "rounded px-2 py-1 text-xs font-medium text-slate-700 hover:bg-slate-100 disabled:opacity-50 dark:text-slate-200 dark:hover:bg-slate-800";
