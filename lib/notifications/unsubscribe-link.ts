import { z } from "zod";
import type { NotificationKind } from "@/lib/generated/prisma/enums";
import { absoluteAppUrl } from "@/lib/mail/app-base-url";
import { signLinkToken, verifyLinkToken } from "@/lib/notifications/signed-link";

const PURPOSE = "unsubscribe-notifications";
/** Long enough for an old email to still work; the token only ever turns one kind's email off for its owner. */
const VALID_FOR_MS = 180 * 24 * 60 * 60 * 1000;

/** The one-click link in a notification email: it turns that kind's email off for that person (in-app stays). */
export function unsubscribeUrlFor(userId: string, kind: NotificationKind, now = new Date()): string {
  const token = signLinkToken(PURPOSE, { userId, kind }, new Date(now.getTime() + VALID_FOR_MS));
  return absoluteAppUrl(`/notifications/unsubscribe?token=${encodeURIComponent(token)}`);
}

const payloadSchema = z.object({ userId: z.string().min(1).max(100), kind: z.string().min(1).max(50) });

export function readUnsubscribeToken(token: string) {
  return verifyLinkToken(PURPOSE, token, payloadSchema);
}
