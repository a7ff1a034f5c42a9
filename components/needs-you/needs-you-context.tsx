"use client";

import { createContext, useContext, useEffect, useMemo, useState } from "react";
import { BellRing } from "lucide-react";
import { gateAnchor, NeedsYouLinks } from "@/components/needs-you/needs-you-links";
import type { PlanLiveState } from "@/lib/plan-state/live-state";
import type { PlanRoleName } from "@/lib/plan-state/permissions";
import { needsYou, type NeedsYouEntry } from "@/lib/needs-you/needs-you";
import { liveGateStatuses, type GateStructure } from "@/lib/signoffs/live-gates";

/**
 * What waits for the viewer on the plan page, shared between the live plan (which knows the
 * signatures as they happen) and the header and phone bar outside it. The server's answer is
 * shown first; the live plan replaces it on every change.
 */
const NeedsYouContext = createContext<{ entries: readonly NeedsYouEntry[]; publish: (entries: NeedsYouEntry[]) => void } | null>(null);

export function NeedsYouProvider({ initial, children }: { initial: NeedsYouEntry[]; children: React.ReactNode }) {
  const [entries, setEntries] = useState<readonly NeedsYouEntry[]>(initial);
  const value = useMemo(() => ({ entries, publish: setEntries }), [entries]);
  return <NeedsYouContext.Provider value={value}>{children}</NeedsYouContext.Provider>;
}

/** Called by the live plan with its state: the entries follow every signature, decision and status change. */
export function usePublishNeedsYou(viewer: { userId: string; role: string | null; titles: readonly string[] }, gates: readonly GateStructure[], state: PlanLiveState): void {
  const publish = useContext(NeedsYouContext)?.publish;
  const entries = useMemo(
    () =>
      needsYou({
        userId: viewer.userId,
        role: viewer.role as PlanRoleName | null,
        titles: viewer.titles,
        allowSelfApproval: state.settings.allowSelfApproval,
        status: state.status,
        gates: liveGateStatuses(gates, state),
      }),
    [viewer.userId, viewer.role, viewer.titles, gates, state],
  );
  const key = JSON.stringify(entries);
  useEffect(() => {
    publish?.(JSON.parse(key) as NeedsYouEntry[]);
  }, [publish, key]);
}

/** In the plan header: what waits for the viewer, each a link to its gate. */
export function NeedsYouHeaderNotice({ planId }: { planId: string }) {
  const entries = useContext(NeedsYouContext)?.entries ?? [];
  return <NeedsYouLinks planId={planId} entries={entries} className="mt-2" />;
}

/** On a phone the gates sit far down the page: a bar at the bottom offers the first thing waiting, and scrolls to its gate. */
export function NeedsYouPhoneBar() {
  const entries = useContext(NeedsYouContext)?.entries ?? [];
  const first = entries[0];
  if (!first) return null;
  return (
    <div className="fixed inset-x-0 bottom-0 z-30 border-t border-indigo-200 bg-white/95 p-2 shadow-lg sm:hidden dark:border-indigo-900 dark:bg-slate-900/95">
      <a
        href={`#${gateAnchor(first.gateId)}`}
        data-testid="needs-you-bar"
        className="flex min-h-11 items-center justify-center gap-2 rounded-md bg-indigo-600 px-3 text-sm font-medium text-white"
      >
        <BellRing aria-hidden className="size-4 shrink-0" />
        <span className="truncate">{first.message}</span>
        {entries.length > 1 ? <span className="shrink-0 text-xs">+{entries.length - 1}</span> : null}
      </a>
    </div>
  );
}
