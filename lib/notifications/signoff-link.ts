import { z } from "zod";
import { absoluteAppUrl } from "@/lib/mail/app-base-url";
import { signLinkToken, verifyLinkToken } from "@/lib/notifications/signed-link";

const PURPOSE = "signoff-request";
/** A request mailed when a plan is scheduled is often read days later; a week covers a release cycle. */
export const SIGNOFF_LINK_VALID_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * The link in a sign-off request email: it names the plan, the gate and the person it was
 * sent to, and expires. Following it leads through sign-in to the gate's page; it signs
 * nothing by itself (a GET never changes anything, and signing needs a session).
 */
export function signoffLinkUrl(planId: string, gateId: string, userId: string, now = new Date()): string {
  const token = signLinkToken(PURPOSE, { planId, gateId, userId }, new Date(now.getTime() + SIGNOFF_LINK_VALID_MS));
  return absoluteAppUrl(`/go/signoff?token=${encodeURIComponent(token)}`);
}

const payloadSchema = z.object({ planId: z.string().min(1).max(100), gateId: z.string().min(1).max(100), userId: z.string().min(1).max(100) });

export function readSignoffToken(token: string) {
  return verifyLinkToken(PURPOSE, token, payloadSchema);
}
