import type { Prisma } from "@/lib/generated/prisma/client";
import { absoluteAppUrl } from "@/lib/mail/app-base-url";
import { enqueueMail } from "@/lib/mail/enqueue-mail";
import { renderMail } from "@/lib/mail/render-mail";
import { subscriptionUnsubscribeUrl } from "@/lib/status-updates/subscriber-tokens";

/**
 * Queues a status update for every confirmed subscriber of the plan, inside the transaction
 * that records the update's event: the mails exist exactly when the update does. One mail
 * per event and subscriber (`update:<eventId>:<subscriberId>`), however often this runs.
 *
 * Members get a link to the plan. Outside stakeholders get none: the share link they came
 * from is stored only as a hash, so its address cannot be written into a mail.
 */
export async function mailStatusUpdate(tx: Prisma.TransactionClient, update: { eventId: string; planId: string; planTitle: string; text: string }): Promise<number> {
  const subscribers = await tx.planSubscriber.findMany({
    where: { planId: update.planId, confirmedAt: { not: null } },
    select: { id: true, email: true, userId: true, user: { select: { name: true } } },
    orderBy: { createdAt: "asc" },
  });
  let queued = 0;
  for (const subscriber of subscribers) {
    const unsubscribeUrl = subscriptionUnsubscribeUrl(update.planId, subscriber.email);
    const content = renderMail({
      greeting: subscriber.user ? `Hello ${subscriber.user.name},` : undefined,
      heading: `${update.planTitle}: status update`,
      paragraphs: [update.text],
      action: subscriber.userId ? { label: "Open the plan", url: absoluteAppUrl(`/plans/${update.planId}`) } : undefined,
      unsubscribeUrl,
      unsubscribeLabel: "Stop status updates for this plan",
    });
    const isNew = await enqueueMail(tx, {
      dedupeKey: `update:${update.eventId}:${subscriber.id}`,
      to: subscriber.email,
      userId: subscriber.userId,
      subject: `${update.planTitle}: status update`,
      ...content,
      unsubscribeUrl,
    });
    if (isNew) queued += 1;
  }
  return queued;
}
