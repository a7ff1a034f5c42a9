import type { Actor } from "@/lib/plan-state/plan-access";
import { listDeliveries, listWebhooks, type DeliveryLogEntry, type WebhookScope, type WebhookSummary } from "@/lib/webhooks/subscriptions";

export type WebhookWithLog = WebhookSummary & { log: DeliveryLogEntry[] };

/** Every subscription of the scope with its latest deliveries, for the Webhooks pages. */
export async function webhooksOverview(actor: Actor, scope: WebhookScope): Promise<WebhookWithLog[]> {
  const webhooks = await listWebhooks(actor, scope);
  return Promise.all(webhooks.map(async (webhook) => ({ ...webhook, log: (await listDeliveries(actor, scope, webhook.id)).items })));
}
