import { authenticatedRoute } from "@/lib/http/api-route";
import { assertDeclaredSizeWithin, readJsonBody } from "@/lib/http/limited-body";
import { actorOf } from "@/lib/plan-state/plan-access";
import { updateWebhookSchema, webhookIdSchema } from "@/lib/webhooks/subscription-schema";
import { deleteWebhook, setWebhookActive } from "@/lib/webhooks/subscriptions";

/** Deletes an instance-wide webhook, with its delivery log. */
export const DELETE = authenticatedRoute<{ webhookId: string }>(async ({ params, user }) => {
  await deleteWebhook(actorOf(user), "instance", webhookIdSchema.parse(params.webhookId));
  return new Response(null, { status: 204 });
});

/** `{active: false}` pauses the webhook (queued deliveries wait), `{active: true}` resumes it. */
export const PATCH = authenticatedRoute<{ webhookId: string }>(async ({ request, params, user }) => {
  assertDeclaredSizeWithin(request, 1024);
  const { active } = updateWebhookSchema.parse(await readJsonBody(request, 1024));
  await setWebhookActive(actorOf(user), "instance", webhookIdSchema.parse(params.webhookId), active);
  return new Response(null, { status: 204 });
});
