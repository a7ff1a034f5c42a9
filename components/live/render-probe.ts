/**
 * Counts how often each checklist row renders, for the tools that measure the plan page
 * (`npm run bench:edit`, e2e/live-render.spec.ts). React's <Profiler> reports nothing in a
 * production build (only react-dom's profiling build calls onRender), and measuring a
 * different bundle than the one people use would prove little, so the rows count themselves.
 *
 * Off unless the page was opened with `window.__preflightRenderProbe` already set (a test's
 * init script does that): then each row adds one to its count on every render. Otherwise it
 * costs one property read per row render.
 */
export interface RenderProbe {
  /** Renders per item id since the probe was last reset. */
  rows: Record<string, number>;
}

declare global {
  interface Window {
    __preflightRenderProbe?: RenderProbe;
  }
}

export function countRowRender(itemId: string): void {
  const probe = typeof window === "undefined" ? undefined : window.__preflightRenderProbe;
  if (probe) probe.rows[itemId] = (probe.rows[itemId] ?? 0) + 1;
}
