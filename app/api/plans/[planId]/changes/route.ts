import { NextResponse } from "next/server";
import { authenticatedRoute } from "@/lib/http/api-route";
import { assertDeclaredSizeWithin, MAX_CHANGE_BODY_BYTES, readJsonBody } from "@/lib/http/limited-body";
import { countChange } from "@/lib/limits/change-rate-limit";
import { applyPlanChange } from "@/lib/plan-state/apply-plan-change";
import { actorOf } from "@/lib/plan-state/plan-access";

/**
 * POST a change to a plan: { type: "item.status", itemId, status, note?, expectedVersion }, a
 * measurement, a comment, a lifecycle action, a signature, a member or share-link change (see
 * lib/plan-state/change-schema.ts). Answers 201 with the recorded event, 409 with
 * the item's fresh state when someone changed it first; 413 for a body over 64 KB, 429 with
 * Retry-After for someone sending changes too fast (lib/limits/change-rate-limit.ts).
 */
export const POST = authenticatedRoute<{ planId: string }>(async ({ request, params, user }) => {
  // The size is checked before anything else is read, then the rate, then the body (capped).
  assertDeclaredSizeWithin(request, MAX_CHANGE_BODY_BYTES);
  await countChange(user.id);
  const body = await readJsonBody(request, MAX_CHANGE_BODY_BYTES);
  const { message, shareToken } = await applyPlanChange(actorOf(user), params.planId, body);
  // A new share link's token is in this answer only: it is never stored or broadcast.
  return NextResponse.json({ event: message, ...(shareToken ? { shareToken } : {}) }, { status: 201 });
});
