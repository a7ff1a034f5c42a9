"use client";

import { useSyncExternalStore } from "react";
import { formatInZone } from "@/lib/time/format-time";

const noSubscription = () => () => {};
const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** The viewer's own time zone; null while rendering on the server and hydrating. */
export function useViewerTimeZone(): string | null {
  return useSyncExternalStore(noSubscription, browserZone, () => null);
}

/**
 * An instant in the plan's time zone and, when the viewer is elsewhere, in theirs too:
 * "Wed 2 Dec, 10:00 UTC (11:00 your time)".
 */
export function ZonedTime({ at, timeZone, withDate = true }: { at: number; timeZone: string; withDate?: boolean }) {
  const viewerZone = useViewerTimeZone();
  const date = new Date(at);
  const inPlanZone = formatInZone(date, timeZone, { withDate });
  const local = viewerZone && viewerZone !== timeZone ? formatInZone(date, viewerZone, { withDate: false, withZone: false }) : null;
  const localDiffers = local !== null && local !== formatInZone(date, timeZone, { withDate: false, withZone: false });
  return (
    <time dateTime={date.toISOString()}>
      {inPlanZone}
      {localDiffers ? <span className="text-slate-600 dark:text-slate-400"> ({local} your time)</span> : null}
    </time>
  );
}
