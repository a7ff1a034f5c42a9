/**
 * How the dashboard writes its figures. Pure and free of date libraries, so the chart client
 * components can share it without growing the browser bundle; the wording is unit-tested.
 */
import { formatDuration as formatElapsed } from "@/lib/time/format-time";

export const DASH = "—";

/**
 * A share as a whole percentage. A share that is neither none nor all never rounds to 0% or
 * 100%: one rollback in 2 000 plans must not read as "100% success".
 */
export function formatPercent(share: number | null): string {
  if (share === null || !Number.isFinite(share)) return DASH;
  const percent = Math.round(share * 100);
  if (percent === 0 && share > 0) return "<1%";
  if (percent === 100 && share < 1) return ">99%";
  return `${percent}%`;
}

/**
 * A figure's duration in the product's one wording (lib/time/format-time.ts), rounded to the
 * minute once it is a minute or more, since medians are not read to the second.
 */
export function formatDuration(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return DASH;
  const rounded = Math.round(Math.abs(seconds));
  // No downtime reads as minutes like the expectation beside it ("0 min / 5 min"), not "0 s".
  if (rounded === 0) return "0 min";
  return formatElapsed(rounded < 60 ? rounded : Math.round(rounded / 60) * 60);
}

export function formatMinutes(minutes: number | null): string {
  return minutes === null ? DASH : formatDuration(minutes * 60);
}

/** How an actual time compares with what was planned: "12 min over", "5 min under", "on plan"; null when either is unknown. */
export function compareWithPlan(actualSeconds: number | null, plannedMinutes: number | null): string | null {
  if (actualSeconds === null || plannedMinutes === null) return null;
  const differenceSeconds = actualSeconds - plannedMinutes * 60;
  // Within a minute either way is on plan: nobody plans to the second.
  if (Math.abs(differenceSeconds) < 60) return "on plan";
  return `${formatDuration(differenceSeconds)} ${differenceSeconds > 0 ? "over" : "under"}`;
}
