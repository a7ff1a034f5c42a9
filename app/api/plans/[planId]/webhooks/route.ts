import { NextResponse } from "next/server";
import { authenticatedRoute } from "@/lib/http/api-route";
import { assertDeclaredSizeWithin, readJsonBody } from "@/lib/http/limited-body";
import { actorOf } from "@/lib/plan-state/plan-access";
import { createWebhook, listWebhooks } from "@/lib/webhooks/subscriptions";

const MAX_BODY_BYTES = 8 * 1024;

/** The plan's webhooks (its leads only): `{url, events, format}` → 201 `{id, secret}`, the secret shown this once. */
export const POST = authenticatedRoute<{ planId: string }>(async ({ request, params, user }) => {
  assertDeclaredSizeWithin(request, MAX_BODY_BYTES);
  const body = await readJsonBody(request, MAX_BODY_BYTES);
  return NextResponse.json(await createWebhook(actorOf(user), { planId: params.planId }, body), { status: 201 });
});

export const GET = authenticatedRoute<{ planId: string }>(async ({ params, user }) => {
  return NextResponse.json({ webhooks: await listWebhooks(actorOf(user), { planId: params.planId }) });
});
