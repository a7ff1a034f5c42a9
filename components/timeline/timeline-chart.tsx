import { formatOffset } from "@/lib/time/format-time";
import type { PhaseState, PlanTimeline } from "@/lib/timeline/plan-timeline";
import { axisTicks, type TimeRange } from "@/lib/timeline/chart-scale";

/**
 * The timeline as a chart: a planned bar and an actual bar per phase, the document's own
 * schedule rows as a lane of planned bars, T-0 and a "now" line. Drawn as SVG by hand:
 * chart libraries have no planned-against-actual Gantt, and this is a few rectangles.
 */
const LABEL_WIDTH = 170;
const WIDTH = 760;
const ROW = 30;
const AXIS = 34;

const ACTUAL_FILL: Record<PhaseState, string> = {
  upcoming: "fill-slate-400",
  running: "fill-sky-600",
  behind: "fill-red-600",
  done: "fill-emerald-600",
  "finished-late": "fill-amber-500",
  "not-run": "fill-slate-400",
  stopped: "fill-slate-500",
};

export const STATE_LABEL: Record<PhaseState, string> = {
  upcoming: "Upcoming",
  running: "On schedule",
  behind: "Behind schedule",
  done: "Done on time",
  "finished-late": "Finished late",
  "not-run": "Not run",
  stopped: "Stopped by the rollback",
};

export function TimelineChart({
  timeline,
  range,
  now,
  timeZone,
  downtime = [],
}: {
  timeline: PlanTimeline;
  range: TimeRange;
  now: number;
  timeZone: string;
  /** Downtime periods (epoch ms; end null while running), drawn as a band behind the bars. */
  downtime?: { start: number; end: number | null }[];
}) {
  const tZero = timeline.tZero!;
  const rows = [...timeline.phases.map((phase) => ({ kind: "phase" as const, phase })), ...timeline.schedule.map((row) => ({ kind: "schedule" as const, row }))];
  // The rollback procedure is a lane of its own, under a label, planned from when it began.
  const firstRollback = timeline.phases.findIndex((phase) => phase.isRollback);
  const height = AXIS + rows.length * ROW + (timeline.schedule.length ? ROW : 0) + (firstRollback >= 0 ? ROW : 0) + 8;
  const span = range.end - range.start;
  const x = (at: number) => LABEL_WIDTH + ((Math.min(Math.max(at, range.start), range.end) - range.start) / span) * (WIDTH - LABEL_WIDTH - 10);
  const ticks = axisTicks(range, tZero);
  const local = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", timeZone });
  const nowX = x(now);
  let y = AXIS;

  return (
    <svg viewBox={`0 0 ${WIDTH} ${height}`} className="w-full" role="img" aria-labelledby="timeline-chart-title" data-testid="timeline-chart">
      <title id="timeline-chart-title">Planned against actual times of each phase</title>
      {ticks.map((tick) => (
        <g key={tick}>
          <line x1={x(tick)} x2={x(tick)} y1={AXIS - 4} y2={height} className="stroke-slate-200 dark:stroke-slate-700" />
          <text x={x(tick)} y={12} textAnchor="middle" className="fill-slate-600 text-[11px] dark:fill-slate-400">
            {formatOffset(Math.round((tick - tZero) / 60_000))}
          </text>
          <text x={x(tick)} y={25} textAnchor="middle" className="fill-slate-600 text-[10px] dark:fill-slate-400">
            {local.format(tick)}
          </text>
        </g>
      ))}
      {downtime.map((period) => {
        const left = x(period.start);
        const right = x(period.end ?? now);
        return right > left ? (
          <g key={period.start} data-testid="downtime-band">
            <rect x={left} y={AXIS - 4} width={right - left} height={height - AXIS + 4} className="fill-red-500/10 dark:fill-red-400/15" />
            <text x={left + 3} y={AXIS + 8} className="fill-red-700 text-[9px] font-semibold dark:fill-red-400">
              Downtime
            </text>
          </g>
        ) : null;
      })}
      {tZero >= range.start && tZero <= range.end ? <line x1={x(tZero)} x2={x(tZero)} y1={AXIS - 4} y2={height} className="stroke-slate-500" strokeDasharray="4 3" /> : null}
      {rows.map((entry, index) => {
        if (entry.kind === "phase") {
          const { phase } = entry;
          const laneLabelY = index === firstRollback ? y : null;
          if (laneLabelY !== null) y += ROW;
          const rowY = y;
          y += ROW;
          const actualEnd = phase.actualEnd ?? (phase.actualStart !== null ? now : null);
          return (
            <g key={phase.id} data-phase={phase.title} data-state={phase.state} data-lane={phase.isRollback ? "rollback" : "deployment"}>
              {laneLabelY !== null ? (
                <text x={8} y={laneLabelY + 21} className="fill-amber-800 text-[11px] font-semibold uppercase dark:fill-amber-300" data-testid="rollback-lane">
                  Rollback
                </text>
              ) : null}
              <text x={8} y={rowY + 21} className="fill-slate-900 text-[12px] dark:fill-slate-100">
                {truncate(phase.title, 24)}
              </text>
              <rect
                x={x(phase.plannedStart)}
                y={rowY + 6}
                width={Math.max(2, x(phase.plannedEnd) - x(phase.plannedStart))}
                height={ROW - 12}
                rx={3}
                className={phase.plannedFrom === "document" ? "fill-slate-200 stroke-slate-400 dark:fill-slate-700" : "fill-slate-100 stroke-slate-300 dark:fill-slate-800"}
                strokeDasharray={phase.plannedFrom === "estimated" ? "3 2" : undefined}
              />
              {phase.actualStart !== null && actualEnd !== null ? (
                <rect
                  x={x(phase.actualStart)}
                  y={rowY + 12}
                  width={Math.max(3, x(actualEnd) - x(phase.actualStart))}
                  height={ROW - 24}
                  rx={2}
                  className={ACTUAL_FILL[phase.state]}
                />
              ) : null}
              {phase.state === "behind" ? <rect x={0} y={rowY + 2} width={4} height={ROW - 4} className="fill-red-600" /> : null}
            </g>
          );
        }
        const { row } = entry;
        const header =
          index === timeline.phases.length ? (
            <text x={8} y={y + 21} className="fill-slate-600 text-[11px] font-semibold uppercase dark:fill-slate-400">
              Schedule from the document
            </text>
          ) : null;
        if (header) y += ROW;
        const rowY = y;
        y += ROW;
        return (
          <g key={row.key}>
            {header}
            <text x={8} y={rowY + 21} className="fill-slate-700 text-[12px] dark:fill-slate-300">
              {truncate(row.activity, 24)}
            </text>
            <rect x={x(row.plannedStart)} y={rowY + 9} width={Math.max(3, x(row.plannedEnd) - x(row.plannedStart))} height={ROW - 18} rx={2} className="fill-indigo-300 dark:fill-indigo-700" />
          </g>
        );
      })}
      {now >= range.start && now <= range.end ? (
        <g data-testid="now-line" data-x={nowX.toFixed(2)}>
          <line x1={nowX} x2={nowX} y1={AXIS - 6} y2={height} className="stroke-red-600" strokeWidth={2} />
          <text x={nowX + 4} y={height - 4} className="fill-red-700 text-[11px] font-semibold dark:fill-red-400">
            Now
          </text>
        </g>
      ) : null}
    </svg>
  );
}

function truncate(text: string, length: number): string {
  return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}
