import { createHash, createHmac, randomBytes } from "node:crypto";
import { settings } from "@/lib/env";
import { absoluteAppUrl } from "@/lib/mail/app-base-url";

/**
 * The tokens in a subscriber's links. Only their sha256 is stored, so a copy of the database
 * unsubscribes or confirms no one.
 *
 * The unsubscribe token is derived (an HMAC of the plan and the address under AUTH_SECRET)
 * rather than random: every update mail must carry it, and a random one could not be written
 * again from its hash. The confirmation token is random and used once.
 */
export function hashSubscriberToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function unsubscribeTokenFor(planId: string, email: string): string {
  const secret = settings().AUTH_SECRET;
  if (!secret) throw new Error("AUTH_SECRET is not set; the server sets it at start-up.");
  return createHmac("sha256", secret).update(`preflight-update-unsubscribe:${planId}:${email.toLowerCase()}`).digest("base64url");
}

export function newConfirmToken(): string {
  return randomBytes(32).toString("base64url");
}

/** The shape both tokens have; anything else is refused before a database look-up. */
export function looksLikeSubscriberToken(token: string): boolean {
  return /^[A-Za-z0-9_-]{40,50}$/.test(token);
}

export function subscriptionUnsubscribeUrl(planId: string, email: string): string {
  return absoluteAppUrl(`/subscriptions/unsubscribe?token=${encodeURIComponent(unsubscribeTokenFor(planId, email))}`);
}

export function subscriptionConfirmUrl(token: string): string {
  return absoluteAppUrl(`/subscriptions/confirm?token=${encodeURIComponent(token)}`);
}
