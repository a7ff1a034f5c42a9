import { NextResponse } from "next/server";
import { authenticatedRoute } from "@/lib/http/api-route";
import { assertDeclaredSizeWithin, readJsonBody } from "@/lib/http/limited-body";
import { actorOf } from "@/lib/plan-state/plan-access";
import { createWebhook, listWebhooks } from "@/lib/webhooks/subscriptions";

const MAX_BODY_BYTES = 8 * 1024;

/** Instance-wide webhooks, for every plan's events (administrators only): `{url, events, format}` → 201 `{id, secret}`, the secret shown this once. */
export const POST = authenticatedRoute<Record<string, never>>(async ({ request, user }) => {
  assertDeclaredSizeWithin(request, MAX_BODY_BYTES);
  const body = await readJsonBody(request, MAX_BODY_BYTES);
  return NextResponse.json(await createWebhook(actorOf(user), "instance", body), { status: 201 });
});

export const GET = authenticatedRoute<Record<string, never>>(async ({ user }) => {
  return NextResponse.json({ webhooks: await listWebhooks(actorOf(user), "instance") });
});
