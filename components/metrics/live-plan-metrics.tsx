"use client";

import { useEffect, useRef, useState } from "react";
import { PlanMetricsSummary } from "@/components/metrics/plan-metrics-summary";
import type { PlanMetricsResult } from "@/lib/metrics/plan-metrics";
import type { PlanStatusName } from "@/lib/plan-state/lifecycle";

/**
 * The plan's metrics, fetched again when its status changes (a start or a finish is when the
 * figures change meaning). Not on every tick: with a war room watching, that would be a
 * request per watcher per tick for numbers the report shows anyway.
 */
export function LivePlanMetrics({ planId, status, initial, timeZone }: { planId: string; status: PlanStatusName; initial: PlanMetricsResult; timeZone: string }) {
  const [metrics, setMetrics] = useState(initial);
  const fetchedFor = useRef(status);
  useEffect(() => {
    if (fetchedFor.current === status) return;
    fetchedFor.current = status;
    const controller = new AbortController();
    fetch(`/api/plans/${planId}/metrics`, { cache: "no-store", signal: controller.signal })
      .then((response) => (response.ok ? (response.json() as Promise<{ metrics: PlanMetricsResult }>) : null))
      .then((body) => body && setMetrics(body.metrics))
      // Offline or refused: the figures shown stay as they were until the next change.
      .catch(() => {});
    return () => controller.abort();
  }, [planId, status]);
  if (!metrics.startedAt) return null;
  return <PlanMetricsSummary metrics={metrics} timeZone={timeZone} compact />;
}
