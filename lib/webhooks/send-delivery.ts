import { guardedFetch, OutboundRefusedError } from "@/lib/outbound/guarded-fetch";
import type { AllowedHosts } from "@/lib/outbound/address-policy";
import { deliveryBody, eventIdOf, type PlanContext } from "@/lib/webhooks/payloads";
import { nextAttemptAt } from "@/lib/webhooks/retry-schedule";
import { openSecret, UnreadableSecretError } from "@/lib/webhooks/secret-box";
import { signatureHeader } from "@/lib/webhooks/signature";
import type { AttemptRecord, ClaimedDelivery } from "@/lib/webhooks/delivery-store";

export const MAX_EXCERPT_CHARS = 2_000;

export interface SendOptions {
  appSecret: string;
  timeoutMs: number;
  retryBaseMs: number;
  allowedHosts?: AllowedHosts;
  /** Loaded only for the chat formats, which mention step names and progress. */
  planContext: (planId: string) => Promise<PlanContext>;
}

/**
 * One attempt of one delivery: build the body in the subscription's format, sign it, POST it
 * through the outbound guard, and say what to record. A 2xx is delivered; any other answer or a
 * network failure is retried on the backoff schedule; a target the guard refuses, or a secret
 * that cannot be read, fails at once (retrying would not change the answer).
 */
export async function attemptDelivery(delivery: ClaimedDelivery, options: SendOptions): Promise<AttemptRecord> {
  const failed = (error: string): AttemptRecord => ({ status: "FAILED", responseStatus: null, responseExcerpt: null, durationMs: null, error });
  let secret: string;
  try {
    secret = openSecret(delivery.secretSealed, options.appSecret);
  } catch (error) {
    if (error instanceof UnreadableSecretError) return failed(error.message);
    throw error;
  }
  const event = { planId: delivery.planId, planTitle: delivery.planTitle, seq: delivery.seq, actor: delivery.actor, data: delivery.data, occurredAt: delivery.occurredAt };
  const body = deliveryBody(delivery.format, event, delivery.format === "JSON" ? null : await options.planContext(delivery.planId));
  const headers = {
    "content-type": "application/json",
    "user-agent": "Preflight-Webhooks/1",
    "preflight-event-id": eventIdOf(event),
    "preflight-event-type": delivery.data.type,
    "preflight-delivery-attempt": String(delivery.attempts),
    "preflight-signature": signatureHeader(secret, body, Math.floor(Date.now() / 1000)),
  };
  const started = performance.now();
  let outcome: { responseStatus: number | null; responseExcerpt: string | null; error: string | null };
  try {
    const response = await guardedFetch(delivery.url, { method: "POST", headers, body, timeoutMs: options.timeoutMs, maxResponseBytes: MAX_EXCERPT_CHARS, allowedHosts: options.allowedHosts });
    const excerpt = response.excerpt.slice(0, MAX_EXCERPT_CHARS);
    if (response.status >= 200 && response.status < 300) {
      return { status: "DELIVERED", responseStatus: response.status, responseExcerpt: excerpt, durationMs: response.durationMs, error: null };
    }
    outcome = { responseStatus: response.status, responseExcerpt: excerpt, error: `The receiver answered ${response.status}.` };
  } catch (error) {
    if (error instanceof OutboundRefusedError) return { ...failed(error.message), durationMs: Math.round(performance.now() - started) };
    outcome = { responseStatus: null, responseExcerpt: null, error: error instanceof Error ? error.message : String(error) };
  }
  const durationMs = Math.round(performance.now() - started);
  const now = new Date();
  const next = nextAttemptAt({ attempts: delivery.attempts, queuedAt: new Date(now.getTime() - delivery.ageMs), now, baseMs: options.retryBaseMs, random: Math.random() });
  if (!next) return { status: "FAILED", ...outcome, durationMs, error: `${outcome.error} Gave up after ${delivery.attempts} attempts over 24 hours.` };
  return { status: "PENDING", ...outcome, durationMs, retryInMs: next.getTime() - now.getTime() };
}
