import { NextResponse } from "next/server";
import { db } from "@/lib/db";
import { authenticatedRoute } from "@/lib/http/api-route";
import { actorOf, assertMayRead } from "@/lib/plan-state/plan-access";
import { loadPlanReadiness } from "@/lib/readiness/load-plan-readiness";

/** What keeps the plan from being run by its own people now: the list the plan page shows before Schedule and Start. */
export const GET = authenticatedRoute<{ planId: string }>(async ({ params, user }) => {
  await assertMayRead(params.planId, actorOf(user));
  const problems = await loadPlanReadiness(db(), params.planId);
  return NextResponse.json({ problems }, { headers: { "Cache-Control": "no-store" } });
});
