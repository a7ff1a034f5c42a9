import { NextResponse } from "next/server";
import { authenticatedRoute } from "@/lib/http/api-route";
import { actorOf } from "@/lib/plan-state/plan-access";
import { webhookIdSchema } from "@/lib/webhooks/subscription-schema";
import { redeliver } from "@/lib/webhooks/subscriptions";

/** Sends the delivery's event again, as a new delivery at the back of the webhook's queue. */
export const POST = authenticatedRoute<{ planId: string; webhookId: string; deliveryId: string }>(async ({ params, user }) => {
  const delivery = await redeliver(actorOf(user), { planId: params.planId }, webhookIdSchema.parse(params.webhookId), webhookIdSchema.parse(params.deliveryId));
  return NextResponse.json(delivery, { status: 201 });
});
