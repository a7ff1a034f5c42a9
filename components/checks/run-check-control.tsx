"use client";

import { Activity } from "lucide-react";
import { useState } from "react";

const smallButton =
  "rounded border border-slate-300 px-2 py-0.5 text-xs font-medium hover:bg-slate-100 disabled:opacity-50 dark:border-slate-600 dark:hover:bg-slate-800";

/**
 * A step that checks itself: what it requests, and for the lead and executors a "Run check"
 * button. The server runs the check and Automation ticks the step; the result reaches this
 * page as the plan's next event, so only a refusal is shown here.
 */
export function RunCheckControl({ planId, itemId, check, canRun }: { planId: string; itemId: string; check: { method: string; url: string; auto: boolean }; canRun: boolean }) {
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="mt-1 flex flex-wrap items-center gap-2 text-xs text-slate-600 dark:text-slate-300">
      <Activity aria-hidden className="size-3.5" />
      <span>
        Checks itself: <code className="break-all">{check.method} {check.url}</code>
        {check.auto ? " (runs by itself once what it waits for is done)" : ""}
      </span>
      {canRun ? (
        <button
          type="button"
          className={smallButton}
          disabled={running}
          onClick={async () => {
            setRunning(true);
            setError(null);
            try {
              const response = await fetch(`/api/plans/${encodeURIComponent(planId)}/items/${encodeURIComponent(itemId)}/check`, { method: "POST" });
              if (!response.ok) {
                const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
                setError(body?.error?.message ?? `The check could not run (HTTP ${response.status}).`);
              }
            } catch {
              setError("The server could not be reached; try again.");
            } finally {
              setRunning(false);
            }
          }}
        >
          {running ? "Running…" : "Run check"}
        </button>
      ) : null}
      {error ? (
        <p role="alert" className="basis-full text-red-700 dark:text-red-400">
          {error}
        </p>
      ) : null}
    </div>
  );
}
