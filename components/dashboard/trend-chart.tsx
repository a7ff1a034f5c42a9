"use client";

import { useId } from "react";
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { DASH, formatMinutes, formatPercent } from "@/lib/dashboard/format-figures";
import type { ChartSpec, ChartTone } from "@/lib/dashboard/trend-charts";

// Picked to stay apart for the common colour-vision deficiencies and on both themes; the
// legend names every series and the table below says every value, so nothing rests on colour.
const TONE_COLOURS: Record<ChartTone, string> = {
  success: "#059669",
  rollback: "#ea580c",
  actual: "#4f46e5",
  downtime: "#c026d3",
  planned: "#94a3b8",
};

/** Matches the wrapper's h-60, so the chart has its height before it is measured. */
const CHART_HEIGHT = 240;
const SHARE_TICKS = [0, 0.25, 0.5, 0.75, 1];

/**
 * One trend chart. The drawing is hidden from assistive technology (recharts' SVG reads as a
 * pile of shapes); a visually hidden table with the same numbers, named by the chart's title,
 * stands in for it.
 */
export function TrendChart({ spec }: { spec: ChartSpec }) {
  const titleId = useId();
  const format = (value: number | null | undefined) => (value === null || value === undefined ? DASH : spec.unit === "share" ? formatPercent(value) : formatMinutes(value));
  // Axis ticks stay short ("90 min"); the tooltip and the table spell values out ("1 h 30 min").
  // A no-break space keeps recharts from wrapping "120 min" onto two lines.
  const formatTick = (value: number) => (spec.unit === "share" ? formatPercent(value) : `${Math.round(value)}\u00a0min`);
  const rows = spec.categories.map((category, index) => ({
    category,
    ...Object.fromEntries(spec.series.map((series) => [series.key, series.values[index] ?? null])),
  }));
  const tick = { fill: "currentColor", fontSize: 12 };
  const valueAxis = {
    type: "number" as const,
    tick,
    stroke: "currentColor",
    strokeOpacity: 0.4,
    domain: spec.unit === "share" ? ([0, 1] as const) : ([0, "auto"] as const),
    ticks: spec.unit === "share" ? SHARE_TICKS : undefined,
    tickFormatter: formatTick,
  };
  const categoryAxis = { type: "category" as const, dataKey: "category", tick, stroke: "currentColor", strokeOpacity: 0.4 };
  const horizontal = spec.kind === "bars";
  const furniture = [
    <CartesianGrid key="grid" strokeDasharray="3 3" stroke="currentColor" strokeOpacity={0.15} vertical={horizontal} horizontal={!horizontal} />,
    <Tooltip key="tooltip" formatter={(value) => format(typeof value === "number" ? value : null)} contentStyle={{ fontSize: 12, color: "#0f172a" }} />,
    // Series in the order given (not sorted by name), written in the text colour rather than the series colour.
    <Legend key="legend" itemSorter={null} wrapperStyle={{ fontSize: 12 }} formatter={(label: string) => <span className="text-slate-700 dark:text-slate-200">{label}</span>} />,
  ];
  // Room on the right for the last tick label ("100%", "Dec 2026"), which is centred on the edge.
  const margin = { top: 8, right: 24, bottom: 0, left: 0 };
  return (
    <figure aria-labelledby={titleId} className="rounded-lg border border-slate-200 p-3 dark:border-slate-800">
      <figcaption id={titleId} className="text-sm font-medium">
        {spec.title}
      </figcaption>
      <div aria-hidden className="mt-2 h-60 text-slate-600 dark:text-slate-400">
        <ResponsiveContainer width="100%" height={CHART_HEIGHT} initialDimension={{ width: 320, height: CHART_HEIGHT }}>
          {spec.kind === "line" ? (
            <LineChart data={rows} accessibilityLayer={false} margin={margin}>
              {furniture}
              <XAxis {...categoryAxis} interval="preserveStartEnd" />
              <YAxis {...valueAxis} width={64} />
              {spec.series.map((series) => (
                <Line key={series.key} dataKey={series.key} name={series.label} stroke={TONE_COLOURS[series.tone]} strokeWidth={2} dot connectNulls isAnimationActive={false} />
              ))}
            </LineChart>
          ) : (
            <BarChart data={rows} layout={horizontal ? "vertical" : "horizontal"} accessibilityLayer={false} margin={margin}>
              {furniture}
              {horizontal ? (
                <>
                  <XAxis {...valueAxis} tickCount={4} />
                  <YAxis {...categoryAxis} width={104} interval={0} />
                </>
              ) : (
                <>
                  <XAxis {...categoryAxis} interval="preserveStartEnd" />
                  <YAxis {...valueAxis} width={64} />
                </>
              )}
              {spec.series.map((series) => (
                <Bar key={series.key} dataKey={series.key} name={series.label} fill={TONE_COLOURS[series.tone]} isAnimationActive={false} />
              ))}
            </BarChart>
          )}
        </ResponsiveContainer>
      </div>
      {/* A table ignores sr-only's width and overflow, so a box around it carries them. */}
      <div className="sr-only">
        <table>
          <caption>{spec.title}</caption>
          <thead>
            <tr>
              <th scope="col">{spec.categoryLabel}</th>
              {spec.series.map((series) => (
                <th key={series.key} scope="col">
                  {series.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {spec.categories.map((category, index) => (
              <tr key={category}>
                <th scope="row">{category}</th>
                {spec.series.map((series) => (
                  <td key={series.key}>{format(series.values[index])}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
