import type { PlanTimeline } from "@/lib/timeline/plan-timeline";

/**
 * The stretch of time the timeline chart shows. "window" is the deployment itself: T-0 to
 * the estimated finish (and now, while running), which keeps a T-24h preparation or a
 * T+1 week follow-up from squeezing the minutes that matter; "all" shows every phase.
 */
export interface TimeRange {
  start: number;
  end: number;
}

export type RangeMode = "window" | "all";

const MINUTE = 60_000;

export function timeRange(timeline: PlanTimeline, now: number, mode: RangeMode): TimeRange | null {
  if (timeline.tZero === null) return null;
  const tZero = timeline.tZero;
  const running = timeline.clock.mode === "elapsed";
  const points =
    mode === "all"
      ? [tZero, ...timeline.phases.flatMap((phase) => [phase.plannedStart, phase.plannedEnd, phase.actualStart ?? tZero, phase.actualEnd ?? tZero]), ...timeline.schedule.flatMap((row) => [row.plannedStart, row.plannedEnd])]
      : [tZero, timeline.estimatedFinish ?? timeline.plannedFinish ?? tZero + 30 * MINUTE, ...(running ? [now] : []), ...timeline.phases.flatMap((phase) => (phase.actualStart !== null && phase.actualStart >= tZero ? [phase.actualStart] : []))];
  const start = Math.min(...points);
  const end = Math.max(...points, start + 15 * MINUTE);
  const pad = (end - start) * 0.05;
  return { start: start - pad, end: end + pad };
}

const STEPS_MINUTES = [1, 2, 5, 10, 15, 30, 60, 120, 180, 360, 720, 1440, 2880, 10080];

/** Tick instants at a round step counted from T-0, about eight across the range. */
export function axisTicks(range: TimeRange, tZero: number): number[] {
  const spanMinutes = (range.end - range.start) / MINUTE;
  const step = (STEPS_MINUTES.find((candidate) => spanMinutes / candidate <= 8) ?? 10080) * MINUTE;
  const first = tZero + Math.ceil((range.start - tZero) / step) * step;
  const ticks: number[] = [];
  for (let tick = first; tick <= range.end; tick += step) ticks.push(tick);
  return ticks;
}
