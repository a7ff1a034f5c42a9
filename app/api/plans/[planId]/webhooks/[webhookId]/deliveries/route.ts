import { NextResponse } from "next/server";
import { authenticatedRoute } from "@/lib/http/api-route";
import { actorOf } from "@/lib/plan-state/plan-access";
import { deliveryLogQuerySchema, webhookIdSchema } from "@/lib/webhooks/subscription-schema";
import { listDeliveries } from "@/lib/webhooks/subscriptions";

/** The webhook's deliveries, newest first, a page at a time (`{items, nextCursor}`): status, attempts, time taken, response excerpt. */
export const GET = authenticatedRoute<{ planId: string; webhookId: string }>(async ({ request, params, user }) => {
  const page = deliveryLogQuerySchema.parse(Object.fromEntries(request.nextUrl.searchParams));
  return NextResponse.json(await listDeliveries(actorOf(user), { planId: params.planId }, webhookIdSchema.parse(params.webhookId), page));
});
