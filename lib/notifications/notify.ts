import type { DatabaseOrTransaction } from "@/lib/db";
import type { NotificationKind } from "@/lib/generated/prisma/enums";
import { absoluteAppUrl } from "@/lib/mail/app-base-url";
import { enqueueMail } from "@/lib/mail/enqueue-mail";
import { renderMail } from "@/lib/mail/render-mail";
import { defaultDelivery } from "@/lib/notifications/notification-kinds";
import { unsubscribeUrlFor } from "@/lib/notifications/unsubscribe-link";

/** One notification for one person, as a rule derives it from a committed event or the clock. */
export interface NotificationToSend {
  userId: string;
  planId: string | null;
  kind: NotificationKind;
  /** One line, in the bell and as the email's subject. */
  title: string;
  body?: string;
  /** The exact place it is about, as an app path ("/plans/<id>#gate-<gateId>"). */
  href: string;
  /** Unique per person: the same key never notifies twice ("signoff-requested:<gateId>:<title>"). */
  dedupeKey: string;
  /** The email's button, when it should lead somewhere else than `href` (a signed sign-off link). */
  mailAction?: { label: string; url: string };
}

export interface SentNotification {
  id: string;
  userId: string;
  kind: NotificationKind;
  title: string;
  href: string;
  emailed: boolean;
}

const MAX_TITLE = 300;
const MAX_BODY = 2_000;

/**
 * Records a notification inside the caller's transaction, as the person's preference for its
 * kind says: in the bell, and by email too when they chose it (the mail outbox row commits
 * with it). Nothing for the inactive, for service accounts, for a kind switched off, or for a
 * dedupeKey already used. Returns what was recorded, so the caller can push it live after commit.
 */
export async function notify(tx: DatabaseOrTransaction, notification: NotificationToSend): Promise<SentNotification | null> {
  const user = await tx.user.findUnique({
    where: { id: notification.userId },
    select: { email: true, name: true, active: true, serviceAccount: true, notificationPreferences: { where: { kind: notification.kind }, select: { delivery: true } } },
  });
  if (!user || !user.active || user.serviceAccount) return null;
  const delivery = user.notificationPreferences[0]?.delivery ?? defaultDelivery(notification.kind);
  if (delivery === "OFF") return null;

  const title = notification.title.slice(0, MAX_TITLE);
  const body = (notification.body ?? "").slice(0, MAX_BODY);
  const created = await tx.$queryRaw<{ id: string }[]>`
    INSERT INTO "Notification" (id, "userId", "planId", kind, title, body, href, "dedupeKey")
    VALUES (gen_random_uuid()::text, ${notification.userId}, ${notification.planId}, ${notification.kind}::"NotificationKind", ${title}, ${body}, ${notification.href}, ${notification.dedupeKey})
    ON CONFLICT ("userId", "dedupeKey") DO NOTHING
    RETURNING id`;
  const id = created[0]?.id;
  if (!id) return null;

  let emailed = false;
  if (delivery === "EMAIL_AND_APP") {
    const unsubscribeUrl = unsubscribeUrlFor(notification.userId, notification.kind);
    const action = notification.mailAction ?? { label: "Open in Preflight", url: absoluteAppUrl(notification.href) };
    const { text, html } = renderMail({ greeting: `Hello ${user.name},`, heading: title, paragraphs: body ? [body] : [], action, unsubscribeUrl, unsubscribeLabel: "Stop these emails" });
    emailed = await enqueueMail(tx, { dedupeKey: `notification:${id}`, to: user.email, userId: notification.userId, subject: title, text, html, unsubscribeUrl });
  }
  return { id, userId: notification.userId, kind: notification.kind, title, href: notification.href, emailed };
}
