import { NextResponse } from "next/server";
import { authenticatedRoute } from "@/lib/http/api-route";
import { loadPlanRunStatus } from "@/lib/plans/plan-run-status";

/** Where the plan's run stands: its status, steps (text, status, version) and gates (state, decision), for pipelines and `preflight status`. */
export const GET = authenticatedRoute<{ planId: string }>(async ({ params, user }) => {
  const status = await loadPlanRunStatus(params.planId, user);
  return NextResponse.json(status, { headers: { "Cache-Control": "no-store" } });
});
