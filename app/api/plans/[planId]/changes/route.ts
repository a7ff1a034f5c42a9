import { NextResponse } from "next/server";
import { authenticatedRoute } from "@/lib/http/api-route";
import { applyPlanChange } from "@/lib/plan-state/apply-plan-change";
import { actorOf } from "@/lib/plan-state/plan-access";

/**
 * POST a change to a plan: { type: "item.status", itemId, status, note?, expectedVersion }, a
 * measurement, a comment, a lifecycle action, a signature, a member or share-link change (see
 * lib/plan-state/change-schema.ts). Answers 201 with the recorded event, 409 with
 * the item's fresh state when someone changed it first.
 */
export const POST = authenticatedRoute<{ planId: string }>(async ({ request, params, user }) => {
  const body: unknown = await request.json().catch(() => null);
  const { message, shareToken } = await applyPlanChange(actorOf(user), params.planId, body);
  // A new share link's token is in this answer only: it is never stored or broadcast.
  return NextResponse.json({ event: message, ...(shareToken ? { shareToken } : {}) }, { status: 201 });
});
