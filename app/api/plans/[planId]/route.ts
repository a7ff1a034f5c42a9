import { NextResponse } from "next/server";
import { authenticatedRoute } from "@/lib/http/api-route";
import { getPlanSummary } from "@/lib/plans/get-plan-summary";
import { actorOf } from "@/lib/plan-state/plan-access";

/** The plan's summary, its latest sequence number and the caller's role on it. */
export const GET = authenticatedRoute<{ planId: string }>(async ({ params, user }) => {
  const plan = await getPlanSummary(params.planId, actorOf(user));
  return NextResponse.json({ plan }, { headers: { "Cache-Control": "no-store" } });
});
