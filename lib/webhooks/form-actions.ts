import { describeError } from "@/lib/describe-error";
import type { Actor } from "@/lib/plan-state/plan-access";
import { createWebhook, deleteWebhook, redeliver, setWebhookActive, type WebhookScope } from "@/lib/webhooks/subscriptions";

export interface WebhookFormState {
  error?: string;
  notice?: string;
  /** A new subscription's signing secret, shown once right after it was created. */
  secret?: string;
}

const field = (formData: FormData, name: string) => String(formData.get(name) ?? "").slice(0, 2_100);

/** What the Webhooks pages' forms ask for (create, pause, resume, delete, redeliver), through the same services as the HTTP API. */
export async function runWebhookForm(actor: Actor, scope: WebhookScope, formData: FormData): Promise<WebhookFormState> {
  try {
    switch (field(formData, "intent")) {
      case "create": {
        const events = field(formData, "events")
          .split(",")
          .map((name) => name.trim())
          .filter(Boolean);
        const { secret } = await createWebhook(actor, scope, { url: field(formData, "url"), events, format: field(formData, "format") || "json" });
        return { notice: "Webhook created. Copy its signing secret now: it is shown only once.", secret };
      }
      case "delete":
        await deleteWebhook(actor, scope, field(formData, "webhookId"));
        return { notice: "Webhook deleted." };
      case "pause":
      case "resume":
        await setWebhookActive(actor, scope, field(formData, "webhookId"), field(formData, "intent") === "resume");
        return { notice: field(formData, "intent") === "resume" ? "Webhook resumed; what waited is sent now." : "Webhook paused; new events are not queued for it." };
      case "redeliver":
        await redeliver(actor, scope, field(formData, "webhookId"), field(formData, "deliveryId"));
        return { notice: "Queued again; it is sent after the webhook's earlier deliveries." };
      default:
        return { error: "Unknown action." };
    }
  } catch (error) {
    return { error: describeError(error).body.error.message };
  }
}
