import { z } from "zod";
import { commentAsText, findMentions } from "@/lib/mentions/mention-syntax";
import type { NotificationToSend } from "@/lib/notifications/notify";
import type { NotificationRule } from "@/lib/notifications/rules/notification-rule";

/** The recorded payload: `{ actor, event }`, as applyPlanChange writes it. */
const commentAdded = z.object({
  event: z.object({
    type: z.literal("comment.added"),
    comment: z.object({ id: z.string(), itemId: z.string(), body: z.string(), author: z.string() }),
  }),
});

/** How many people one comment may notify: a comment naming the whole company notifies a plan's worth, no more. */
const MAX_MENTIONED = 50;

/**
 * A comment that mentions `@[Name](userId)` notifies that person, when they are a member of
 * the plan and not the author. A mention of anyone else notifies nobody; the comment shows it
 * as typed either way, so nothing tells the author whether that person exists.
 */
export const mentionedRule: NotificationRule = async (event, tx) => {
  const parsed = commentAdded.safeParse(event.payload);
  if (!parsed.success) return [];
  const { comment } = parsed.data.event;
  const mentioned = findMentions(comment.body)
    .map((mention) => mention.userId)
    .filter((userId) => userId !== event.actorId)
    .slice(0, MAX_MENTIONED);
  if (!mentioned.length) return [];

  const members = await tx.planMember.findMany({ where: { planId: event.planId, userId: { in: mentioned } }, select: { userId: true } });
  const item = await tx.planItem.findFirst({ where: { id: comment.itemId, planId: event.planId }, select: { text: true } });
  const step = item ? `“${item.text.slice(0, 80)}”` : "a step";
  return members.map(
    (member): NotificationToSend => ({
      userId: member.userId,
      planId: event.planId,
      kind: "MENTIONED",
      title: `${comment.author} mentioned you on ${step}`,
      body: commentAsText(comment.body),
      href: `/plans/${event.planId}#item-${comment.itemId}`,
      dedupeKey: `mentioned:${comment.id}`,
    }),
  );
};
