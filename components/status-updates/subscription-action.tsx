"use client";

import { useState } from "react";
import { FormAlert } from "@/components/ui/form-alert";
import { buttonStyles } from "@/components/ui/styles";

/**
 * The button on the confirm and unsubscribe pages. The page (a GET) only shows what the link
 * is for; pressing the button sends the POST that changes something.
 */
export function SubscriptionAction({ endpoint, token, label, done }: { endpoint: string; token: string; label: string; done: string }) {
  const [state, setState] = useState<{ ok: true } | { ok: false; message: string } | null>(null);
  const [busy, setBusy] = useState(false);

  async function act() {
    setBusy(true);
    try {
      const response = await fetch(endpoint, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ token }) });
      const body = (await response.json().catch(() => ({}))) as { error?: { message?: string } };
      setState(response.ok ? { ok: true } : { ok: false, message: body.error?.message ?? "That did not work; try again." });
    } catch {
      setState({ ok: false, message: "The server could not be reached; try again." });
    } finally {
      setBusy(false);
    }
  }

  if (state?.ok) return <p role="status" className="text-emerald-700 dark:text-emerald-400">{done}</p>;
  return (
    <div className="space-y-3">
      <button type="button" onClick={() => void act()} disabled={busy} className={buttonStyles.primary}>
        {label}
      </button>
      {state ? <FormAlert message={state.message} /> : null}
    </div>
  );
}
