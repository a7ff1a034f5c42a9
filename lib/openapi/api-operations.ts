import { z } from "zod";
import { createPlanRequestSchema } from "@/lib/plans/create-plan-request";
import { planPageQuerySchema } from "@/lib/plans/list-plans-page";
import { historyQuerySchema } from "@/lib/plan-history/history-query";
import { planChangeSchema } from "@/lib/plan-state/change-schema";
import { eventsQuerySchema } from "@/lib/plan-state/events-query";
import { createdTokenSchema, createTokenSchema, tokenSummarySchema } from "@/lib/tokens/token.schemas";
import { markReadSchema, notificationEntrySchema, notificationsQuerySchema } from "@/lib/notifications/user-notifications";
import { memberSubscriptionSchema, subscribeRequestSchema, subscriberTokenRequestSchema } from "@/lib/status-updates/subscription-schemas";
import { createWebhookSchema, deliveryLogQuerySchema, updateWebhookSchema } from "@/lib/webhooks/subscription-schema";

/**
 * Every HTTP route of the app, described with the zod schemas its handler validates with; the
 * OpenAPI document (build-openapi-document.ts) is generated from this list, and a test checks
 * that every route file under app/api appears here.
 */

/** Who may call an operation: anyone, a signed-in person only, or a person or an API token. */
export type OperationAccess = "public" | "session" | "session-or-token";

export interface ApiOperation {
  method: "get" | "post" | "patch" | "delete";
  /** OpenAPI path: `{planId}` for a `[planId]` segment. */
  path: string;
  tag: string;
  summary: string;
  description?: string;
  access: OperationAccess;
  query?: z.ZodObject;
  /** A JSON body's schema, or the media type of a raw body (a Markdown document). */
  body?: z.ZodType | { mediaType: string; description: string };
  /** The success status and what it carries: a JSON schema, or a media type of a file. */
  success: { status: number; description: string; schema?: z.ZodType; mediaType?: string };
  /** Error statuses this operation answers besides 401 (and 403 for a token's limits). */
  errors: number[];
}

const page = (item: z.ZodType) => z.object({ items: z.array(item), nextCursor: z.string().nullable().describe("Pass as `cursor` for the next page; null on the last page.") });
const planSummary = z.object({ id: z.string(), title: z.string(), status: z.string(), environment: z.string().nullable(), feature: z.string().nullable(), version: z.string().nullable() }).loose();
const planEvent = z.object({ planId: z.string(), seq: z.number().int(), at: z.string(), actor: z.object({ id: z.string().nullable(), name: z.string() }).loose(), event: z.object({ type: z.string() }).loose() });
const anyObject = z.object({}).loose();

const MARKDOWN = { mediaType: "text/markdown", description: "The plan as a Markdown document (at most 1 MB)." };

export const API_OPERATIONS: ApiOperation[] = [
  { method: "get", path: "/api/health", tag: "Service", summary: "Health", description: "Status alone; details for an administrator or HEALTH_TOKEN.", access: "public", success: { status: 200, description: "Healthy", schema: anyObject }, errors: [503] },
  { method: "get", path: "/api/openapi.json", tag: "Service", summary: "This OpenAPI document", access: "public", success: { status: 200, description: "OpenAPI 3.1", schema: anyObject }, errors: [] },
  { method: "get", path: "/api/auth/{nextauth}", tag: "Service", summary: "Sign-in endpoints (Auth.js)", description: "Used by the sign-in page; not an API for scripts.", access: "public", success: { status: 200, description: "Auth.js answer" }, errors: [] },
  { method: "post", path: "/api/auth/{nextauth}", tag: "Service", summary: "Sign-in endpoints (Auth.js)", description: "Used by the sign-in page; not an API for scripts.", access: "public", success: { status: 200, description: "Auth.js answer" }, errors: [] },

  { method: "get", path: "/api/plans", tag: "Plans", summary: "List plans", description: "The plans the caller can see, newest first (only a token's plans if it names some).", access: "session-or-token", query: planPageQuerySchema, success: { status: 200, description: "A page of plans", schema: page(planSummary) }, errors: [400] },
  { method: "post", path: "/api/plans", tag: "Plans", summary: "Create a plan", description: "From a template with its fields (`from: \"template\"`) or from a Markdown document (`from: \"markdown\"`).", access: "session-or-token", body: createPlanRequestSchema, success: { status: 201, description: "Created", schema: z.object({ plan: z.object({ id: z.string(), title: z.string() }) }) }, errors: [400, 404, 413, 422] },
  { method: "get", path: "/api/plans/{planId}", tag: "Plans", summary: "Get a plan", access: "session-or-token", success: { status: 200, description: "The plan's summary and your role", schema: z.object({ plan: planSummary }) }, errors: [404] },
  { method: "post", path: "/api/plans/{planId}/changes", tag: "Plans", summary: "Change a plan", description: "Every change a participant can make, one `type` each: ticks, comments, sign-offs, decisions, lifecycle, members, structure.", access: "session-or-token", body: planChangeSchema, success: { status: 201, description: "The recorded event", schema: z.object({ event: planEvent, shareToken: z.string().optional() }) }, errors: [400, 404, 409, 413, 422, 429] },
  { method: "get", path: "/api/plans/{planId}/events", tag: "Plans", summary: "Events", description: "The plan's events after a sequence number, in order.", access: "session-or-token", query: eventsQuerySchema, success: { status: 200, description: "A page of events", schema: page(planEvent) }, errors: [400, 404] },
  { method: "get", path: "/api/plans/{planId}/live", tag: "Plans", summary: "Live state", description: "The plan's live state and the sequence number it corresponds to.", access: "session-or-token", success: { status: 200, description: "Live state", schema: z.object({ state: anyObject }) }, errors: [404] },
  { method: "get", path: "/api/plans/{planId}/export", tag: "Plans", summary: "Export as Markdown", access: "session-or-token", success: { status: 200, description: "The plan with its run recorded", mediaType: "text/markdown" }, errors: [404] },
  { method: "get", path: "/api/plans/{planId}/calendar", tag: "Plans", summary: "Calendar file", access: "session-or-token", success: { status: 200, description: "The window as an .ics file", mediaType: "text/calendar" }, errors: [404] },
  { method: "get", path: "/api/plans/{planId}/history", tag: "Plans", summary: "Structural history", access: "session-or-token", query: historyQuerySchema, success: { status: 200, description: "Edits and the diff against the original document", schema: anyObject }, errors: [400, 404] },
  { method: "get", path: "/api/plans/{planId}/metrics", tag: "Plans", summary: "Deployment metrics", access: "session-or-token", success: { status: 200, description: "Metrics", schema: z.object({ metrics: anyObject }) }, errors: [404] },
  { method: "get", path: "/api/plans/{planId}/readiness", tag: "Plans", summary: "Readiness problems", access: "session-or-token", success: { status: 200, description: "What keeps the plan from being run", schema: z.object({ problems: z.array(anyObject) }) }, errors: [404] },
  { method: "get", path: "/api/plans/{planId}/status", tag: "Plans", summary: "Run status", description: "Where the run stands: the plan's status, every step (text, status, version) and every gate (state, decision); what `preflight status` and `preflight wait` read.", access: "session-or-token", success: { status: 200, description: "The run's status", schema: anyObject }, errors: [404] },
  { method: "post", path: "/api/plans/{planId}/items/{itemId}/check", tag: "Plans", summary: "Run a step's HTTP check", description: "The server sends the step's check through the outbound guard; Automation then ticks the step Done or Failed with the response as evidence. 409 when the step is settled, 422 when it has no check or its address is refused.", access: "session-or-token", success: { status: 200, description: "The check's result and the recorded event", schema: z.object({ result: anyObject, event: planEvent }) }, errors: [404, 409, 422, 429] },
  { method: "post", path: "/api/plans/import/preview", tag: "Plans", summary: "Preview an import", description: "What importing the document would create; saves nothing.", access: "session-or-token", body: MARKDOWN, success: { status: 200, description: "The outline", schema: anyObject }, errors: [413, 422] },
  { method: "get", path: "/api/templates/{templateId}/export", tag: "Templates", summary: "Export a template as Markdown", access: "session-or-token", success: { status: 200, description: "The template", mediaType: "text/markdown" }, errors: [404] },
  { method: "get", path: "/api/share/{token}/live", tag: "Share links", summary: "Live state behind a share link", access: "public", success: { status: 200, description: "Live state as the link shows it", schema: z.object({ state: anyObject }) }, errors: [404] },
  { method: "post", path: "/api/share/{token}/subscribe", tag: "Status updates", summary: "Subscribe to a plan's status updates from its share link", description: "Sends a confirmation mail (double opt-in); the answer is the same whether or not the address was subscribed already.", access: "public", body: subscribeRequestSchema, success: { status: 202, description: "What happens next", schema: z.object({ message: z.string() }) }, errors: [400, 403, 404, 413, 429] },
  { method: "post", path: "/api/subscriptions/confirm", tag: "Status updates", summary: "Confirm a status-update subscription", description: "With the token from the confirmation mail.", access: "public", body: subscriberTokenRequestSchema, success: { status: 200, description: "The plan subscribed to", schema: z.object({ planTitle: z.string() }) }, errors: [400, 403, 404, 413] },
  { method: "post", path: "/api/subscriptions/unsubscribe", tag: "Status updates", summary: "Stop a plan's status updates", description: "With the token from an update mail's unsubscribe link.", access: "public", body: subscriberTokenRequestSchema, success: { status: 200, description: "The plan unsubscribed from", schema: z.object({ planTitle: z.string() }) }, errors: [400, 403, 404, 413] },
  { method: "post", path: "/api/plans/{planId}/subscription", tag: "Status updates", summary: "Switch your own status-update emails for a plan", access: "session", body: memberSubscriptionSchema, success: { status: 200, description: "Whether you are subscribed now", schema: z.object({ subscribed: z.boolean() }) }, errors: [400, 404, 413] },

  { method: "post", path: "/api/plans/{planId}/webhooks", tag: "Webhooks", summary: "Subscribe a webhook to this plan's events", description: "The plan's leads only. `events` are event type names or [\"*\"]; `format` is json, slack or teams. The signing secret is in this answer only. A target on a private, loopback or metadata address is refused with 422 unless WEBHOOK_ALLOWED_HOSTS allows it.", access: "session-or-token", body: createWebhookSchema, success: { status: 201, description: "The subscription and its secret", schema: z.object({ id: z.string(), secret: z.string() }).loose() }, errors: [400, 403, 404, 413, 422] },
  { method: "get", path: "/api/plans/{planId}/webhooks", tag: "Webhooks", summary: "List webhooks (plan)", description: "The plan's leads only; never the secrets.", access: "session-or-token", success: { status: 200, description: "The subscriptions", schema: z.object({ webhooks: z.array(anyObject) }) }, errors: [403, 404] },
  { method: "patch", path: "/api/plans/{planId}/webhooks/{webhookId}", tag: "Webhooks", summary: "Pause or resume a webhook (plan)", access: "session-or-token", body: updateWebhookSchema, success: { status: 204, description: "Done" }, errors: [400, 403, 404] },
  { method: "delete", path: "/api/plans/{planId}/webhooks/{webhookId}", tag: "Webhooks", summary: "Delete a webhook (plan)", access: "session-or-token", success: { status: 204, description: "Deleted, with its delivery log" }, errors: [403, 404] },
  { method: "get", path: "/api/plans/{planId}/webhooks/{webhookId}/deliveries", tag: "Webhooks", summary: "Delivery log (plan)", description: "The deliveries, newest first, a page at a time: status, attempts, time taken and the response excerpt.", access: "session-or-token", query: deliveryLogQuerySchema, success: { status: 200, description: "A page of deliveries", schema: page(anyObject) }, errors: [400, 403, 404] },
  { method: "post", path: "/api/plans/{planId}/webhooks/{webhookId}/deliveries/{deliveryId}/redeliver", tag: "Webhooks", summary: "Redeliver (plan)", description: "Queues the same event again as a new delivery, in the subscription's order.", access: "session-or-token", success: { status: 201, description: "The new delivery", schema: anyObject }, errors: [403, 404] },
  { method: "post", path: "/api/webhooks", tag: "Webhooks", summary: "Subscribe a webhook to every plan's events (instance-wide)", description: "Administrators only. `events` are event type names or [\"*\"]; `format` is json, slack or teams. The signing secret is in this answer only. A target on a private, loopback or metadata address is refused with 422 unless WEBHOOK_ALLOWED_HOSTS allows it.", access: "session-or-token", body: createWebhookSchema, success: { status: 201, description: "The subscription and its secret", schema: z.object({ id: z.string(), secret: z.string() }).loose() }, errors: [400, 403, 404, 413, 422] },
  { method: "get", path: "/api/webhooks", tag: "Webhooks", summary: "List webhooks (instance)", description: "Administrators only; never the secrets.", access: "session-or-token", success: { status: 200, description: "The subscriptions", schema: z.object({ webhooks: z.array(anyObject) }) }, errors: [403, 404] },
  { method: "patch", path: "/api/webhooks/{webhookId}", tag: "Webhooks", summary: "Pause or resume a webhook (instance)", access: "session-or-token", body: updateWebhookSchema, success: { status: 204, description: "Done" }, errors: [400, 403, 404] },
  { method: "delete", path: "/api/webhooks/{webhookId}", tag: "Webhooks", summary: "Delete a webhook (instance)", access: "session-or-token", success: { status: 204, description: "Deleted, with its delivery log" }, errors: [403, 404] },
  { method: "get", path: "/api/webhooks/{webhookId}/deliveries", tag: "Webhooks", summary: "Delivery log (instance)", description: "The deliveries, newest first, a page at a time: status, attempts, time taken and the response excerpt.", access: "session-or-token", query: deliveryLogQuerySchema, success: { status: 200, description: "A page of deliveries", schema: page(anyObject) }, errors: [400, 403, 404] },
  { method: "post", path: "/api/webhooks/{webhookId}/deliveries/{deliveryId}/redeliver", tag: "Webhooks", summary: "Redeliver (instance)", description: "Queues the same event again as a new delivery, in the subscription's order.", access: "session-or-token", success: { status: 201, description: "The new delivery", schema: anyObject }, errors: [403, 404] },

  { method: "get", path: "/api/tokens", tag: "Tokens", summary: "Your API tokens", description: "Never their secrets. Needs a session: tokens cannot manage tokens.", access: "session", success: { status: 200, description: "Your tokens, newest first", schema: page(tokenSummarySchema) }, errors: [403] },
  { method: "post", path: "/api/tokens", tag: "Tokens", summary: "Create an API token", description: "The token is in this answer only; only its hash is stored.", access: "session", body: createTokenSchema, success: { status: 201, description: "The new token", schema: createdTokenSchema }, errors: [400, 403, 404, 413] },
  { method: "delete", path: "/api/tokens/{tokenId}", tag: "Tokens", summary: "Revoke an API token", description: "Its owner or an administrator; the next request with it answers 401.", access: "session", success: { status: 200, description: "The revoked token", schema: z.object({ token: tokenSummarySchema }) }, errors: [403, 404] },
  { method: "get", path: "/api/notifications", tag: "Notifications", summary: "Your notifications", description: "Newest first, a page at a time. Needs a session.", access: "session", query: notificationsQuerySchema, success: { status: 200, description: "A page of your notifications and your unread count", schema: page(notificationEntrySchema).extend({ unreadCount: z.number().int() }) }, errors: [400, 403] },
  { method: "post", path: "/api/notifications/read", tag: "Notifications", summary: "Mark notifications read", description: "`{ids}` or `{all: true}`; ids of anyone else's notifications change nothing. Needs a session.", access: "session", body: markReadSchema, success: { status: 200, description: "Your unread count after", schema: z.object({ unreadCount: z.number().int() }) }, errors: [400, 403, 413] },
];
