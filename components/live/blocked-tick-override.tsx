"use client";

import { useState } from "react";

interface BlockedTickOverrideProps {
  onOverride: (reason: string) => void;
}

/** For the lead, under a refused tick: mark the step done anyway, saying why (recorded in the event). */
export function BlockedTickOverride({ onOverride }: BlockedTickOverrideProps) {
  const [reason, setReason] = useState("");
  return (
    <form
      className="mt-2 flex flex-wrap items-center gap-2"
      onSubmit={(event) => {
        event.preventDefault();
        if (reason.trim()) onOverride(reason.trim());
      }}
    >
      <label className="sr-only" htmlFor="blocked-tick-reason">
        Why is the step done before the steps it waits for?
      </label>
      <input
        id="blocked-tick-reason"
        className="min-w-48 flex-1 rounded border border-slate-300 bg-white px-2 py-1 text-sm text-slate-900 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100"
        maxLength={1000}
        placeholder="Why is it done before them?"
        value={reason}
        onChange={(event) => setReason(event.target.value)}
      />
      <button type="submit" className="rounded border border-red-300 px-2 py-1 text-xs font-medium hover:bg-red-100 dark:border-red-800 dark:hover:bg-red-900" disabled={!reason.trim()}>
        Done anyway
      </button>
    </form>
  );
}
