import { NextResponse } from "next/server";
import { authenticatedRoute } from "@/lib/http/api-route";
import { loadPlanMetrics } from "@/lib/metrics/record-plan-metrics";
import { actorOf, assertMayRead } from "@/lib/plan-state/plan-access";

/** The plan's deployment metrics from its event log, as of now. */
export const GET = authenticatedRoute<{ planId: string }>(async ({ params, user }) => {
  await assertMayRead(params.planId, actorOf(user));
  const metrics = await loadPlanMetrics(params.planId);
  return NextResponse.json({ metrics }, { headers: { "Cache-Control": "no-store" } });
});
