import { z } from "zod";
import { ALL_EVENTS, isWebhookEventType, WEBHOOK_EVENT_TYPES } from "@/lib/webhooks/event-types";

export const MAX_WEBHOOK_URL_LENGTH = 2_000;

/** POST /api/plans/:id/webhooks and POST /api/webhooks: `{url, events, format}`. */
export const createWebhookSchema = z.object({
  url: z
    .string()
    .trim()
    .max(MAX_WEBHOOK_URL_LENGTH, { error: `The URL may be at most ${MAX_WEBHOOK_URL_LENGTH} characters.` })
    .pipe(z.url({ protocol: /^https?$/, error: "The URL must be an http:// or https:// address." })),
  events: z
    .array(z.string().max(40))
    .min(1, { error: 'Choose at least one event type, or ["*"] for all.' })
    .max(WEBHOOK_EVENT_TYPES.length + 1)
    .superRefine((events, ctx) => {
      const unknown = events.filter((name) => name !== ALL_EVENTS && !isWebhookEventType(name));
      if (unknown.length) ctx.addIssue({ code: "custom", message: `Unknown event type${unknown.length === 1 ? "" : "s"}: ${unknown.join(", ")}. Known: ${WEBHOOK_EVENT_TYPES.join(", ")}, or "*".` });
    })
    .transform((events) => (events.includes(ALL_EVENTS) ? [ALL_EVENTS] : [...new Set(events)])),
  format: z.enum(["json", "slack", "teams"]).default("json"),
});

export type CreateWebhookInput = z.infer<typeof createWebhookSchema>;

export const webhookIdSchema = z.string().min(1).max(64);

/** PATCH /api/plans/:id/webhooks/:webhookId and /api/webhooks/:webhookId: pause or resume. */
export const updateWebhookSchema = z.object({ active: z.boolean() });

/** `?cursor&limit` of a webhook's delivery log, newest first: `cursor` is the `nextCursor` of the page before. */
export const MAX_DELIVERY_PAGE = 100;
export const deliveryLogQuerySchema = z.object({
  cursor: z.coerce.number().int().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(MAX_DELIVERY_PAGE, `Ask for at most ${MAX_DELIVERY_PAGE} deliveries at a time.`).default(50),
});
export type DeliveryLogQuery = z.infer<typeof deliveryLogQuerySchema>;
