"use client";

import { useEffect, useRef, useState } from "react";
import { PlanMetricsSummary } from "@/components/metrics/plan-metrics-summary";
import { failureKeyOf, liveMetrics } from "@/lib/metrics/live-metrics";
import type { PlanMetricsResult } from "@/lib/metrics/plan-metrics";
import type { PlanLiveState } from "@/lib/plan-state/live-state";
import type { PhaseSection } from "@/lib/timeline/phases";

const CLOCK_MS = 30_000;

/**
 * "Metrics so far", from the live state: counts, times and downtime follow each event at once.
 * The list of failures and their resolution times is read from the server again only when an
 * item fails or stops failing, not on every tick (a war room of watchers would otherwise send a
 * request each per tick).
 */
export function LivePlanMetrics({ state, phases, initial }: { state: PlanLiveState; phases: readonly PhaseSection[]; initial: PlanMetricsResult }) {
  const [fetched, setFetched] = useState(initial);
  const [now, setNow] = useState(() => Date.parse(state.loadedAt));
  const failureKey = failureKeyOf(state);
  const fetchedFor = useRef(failureKey);
  const planId = state.planId;

  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), CLOCK_MS);
    return () => clearInterval(timer);
  }, []);

  useEffect(() => {
    if (fetchedFor.current === failureKey) return;
    fetchedFor.current = failureKey;
    const controller = new AbortController();
    fetch(`/api/plans/${planId}/metrics`, { cache: "no-store", signal: controller.signal })
      .then((response) => (response.ok ? (response.json() as Promise<{ metrics: PlanMetricsResult }>) : null))
      .then((body) => body && setFetched(body.metrics))
      // Offline or refused: the failure list stays as it was until the next change; the counts are live anyway.
      .catch(() => {});
    return () => controller.abort();
  }, [planId, failureKey]);

  if (!state.startedAt) return null;
  return <PlanMetricsSummary metrics={liveMetrics(fetched, state, phases, now)} timeZone={state.window.timeZone} compact />;
}
