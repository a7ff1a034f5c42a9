import { NextResponse } from "next/server";
import { authenticatedRoute } from "@/lib/http/api-route";
import { readJsonBody } from "@/lib/http/limited-body";
import { actorOf } from "@/lib/plan-state/plan-access";
import { setMemberSubscription } from "@/lib/status-updates/subscribers";
import { memberSubscriptionSchema } from "@/lib/status-updates/subscription-schemas";

/** Switches the signed-in member's own status-update emails for the plan on or off: { subscribed }. */
export const POST = authenticatedRoute<{ planId: string }>(
  async ({ request, params, user }) => {
    const { subscribed } = memberSubscriptionSchema.parse(await readJsonBody(request, 1024));
    return NextResponse.json(await setMemberSubscription(params.planId, { ...actorOf(user), email: user.email }, subscribed));
  },
  { tokens: false },
);
