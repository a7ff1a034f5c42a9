import { NextResponse } from "next/server";
import { authenticatedRoute } from "@/lib/http/api-route";
import { applyPlanChange } from "@/lib/plan-state/apply-plan-change";
import { actorOf } from "@/lib/plan-state/plan-access";

/**
 * POST a change to a plan: { type: "item.status", itemId, status, note?, expectedVersion }, a
 * measurement, a comment or a lifecycle action. Answers 201 with the recorded event, 409 with
 * the item's fresh state when someone changed it first.
 */
export const POST = authenticatedRoute<{ planId: string }>(async ({ request, params, user }) => {
  const body: unknown = await request.json().catch(() => null);
  const message = await applyPlanChange(actorOf(user), params.planId, body);
  return NextResponse.json({ event: message }, { status: 201 });
});
