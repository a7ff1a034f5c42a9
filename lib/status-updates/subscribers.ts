import { RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { memoryRateLimiter } from "@/lib/limits/memory-rate-limiter";
import { enqueueMail } from "@/lib/mail/enqueue-mail";
import { renderMail } from "@/lib/mail/render-mail";
import { assertMayRead, type Actor } from "@/lib/plan-state/plan-access";
import { findActiveShareLink } from "@/lib/share/find-share-link";
import {
  hashSubscriberToken,
  looksLikeSubscriberToken,
  newConfirmToken,
  subscriptionConfirmUrl,
  subscriptionUnsubscribeUrl,
  unsubscribeTokenFor,
} from "@/lib/status-updates/subscriber-tokens";

/**
 * Who gets a plan's status updates by email (PlanSubscriber): members who switch it on for
 * themselves, confirmed at once, and outside stakeholders who give an address on a share
 * link's page and confirm it from the mail that address receives (double opt-in).
 */

/** The member's own subscription, on or off; any member of the plan (or an admin who can see it) may. */
export async function setMemberSubscription(planId: string, actor: Actor & { email: string }, subscribed: boolean): Promise<{ subscribed: boolean }> {
  await assertMayRead(planId, actor);
  const email = actor.email.toLowerCase();
  if (!subscribed) {
    await db().planSubscriber.deleteMany({ where: { planId, OR: [{ userId: actor.id }, { email }] } });
    return { subscribed: false };
  }
  const confirmed = { userId: actor.id, confirmedAt: new Date(), confirmTokenHash: null };
  await db().planSubscriber.upsert({
    where: { planId_email: { planId, email } },
    create: { planId, email, ...confirmed, unsubscribeTokenHash: hashSubscriberToken(unsubscribeTokenFor(planId, email)) },
    update: confirmed,
  });
  return { subscribed: true };
}

/** Whether the person gets the plan's updates, and how many confirmed subscribers it has (what the lead sees). */
export async function subscriptionSummary(planId: string, userId: string): Promise<{ subscribed: boolean; subscriberCount: number }> {
  const [mine, subscriberCount] = await Promise.all([
    db().planSubscriber.findFirst({ where: { planId, userId, confirmedAt: { not: null } }, select: { id: true } }),
    db().planSubscriber.count({ where: { planId, confirmedAt: { not: null } } }),
  ]);
  return { subscribed: mine !== null, subscriberCount };
}

const CONFIRM_AFTER = "If the address can receive updates, a confirmation mail is on its way. Open the link in it to start receiving updates.";

/**
 * An outside stakeholder asks for updates from a share link's page. The answer is the same
 * whether the address is new, waiting for confirmation or already confirmed, so the page
 * reveals no one's subscription; only a new or unconfirmed address gets a (fresh) confirmation mail.
 */
export async function subscribeFromShareLink(shareToken: string, email: string, clientAddress: string): Promise<{ message: string }> {
  const link = await findActiveShareLink(shareToken);
  if (!link) throw new AppError("not_found", "This share link does not work any more; ask the plan's lead for a new one.");
  await countSubscribeAttempt(clientAddress, link.planId);
  const address = email.trim().toLowerCase();
  const confirmToken = newConfirmToken();
  await db().$transaction(async (tx) => {
    const existing = await tx.planSubscriber.findUnique({ where: { planId_email: { planId: link.planId, email: address } }, select: { id: true, confirmedAt: true } });
    if (existing?.confirmedAt) return;
    const plan = await tx.plan.findUniqueOrThrow({ where: { id: link.planId }, select: { title: true } });
    const subscriber = existing
      ? await tx.planSubscriber.update({ where: { id: existing.id }, data: { confirmTokenHash: hashSubscriberToken(confirmToken) }, select: { id: true } })
      : await tx.planSubscriber.create({
          data: { planId: link.planId, email: address, confirmTokenHash: hashSubscriberToken(confirmToken), unsubscribeTokenHash: hashSubscriberToken(unsubscribeTokenFor(link.planId, address)) },
          select: { id: true },
        });
    const unsubscribeUrl = subscriptionUnsubscribeUrl(link.planId, address);
    const content = renderMail({
      heading: `Confirm status updates for ${plan.title}`,
      paragraphs: [
        `Someone (hopefully you) asked for status updates of the deployment “${plan.title}” to be sent to ${address}.`,
        "Nothing is sent until you confirm. If you did not ask for this, ignore this mail.",
      ],
      action: { label: "Confirm", url: subscriptionConfirmUrl(confirmToken) },
      unsubscribeUrl,
      unsubscribeLabel: "Never send me these",
    });
    await enqueueMail(tx, {
      dedupeKey: `subscribe-confirm:${subscriber.id}:${hashSubscriberToken(confirmToken).slice(0, 16)}`,
      to: address,
      subject: `${plan.title}: confirm status updates`,
      ...content,
      unsubscribeUrl,
    });
  });
  return { message: CONFIRM_AFTER };
}

const INVALID_CONFIRM = "This confirmation link does not work: it was already used, or the subscription was removed. Subscribe again from the plan's share page.";

/** What the confirmation page shows before the person presses the button (a GET changes nothing). */
export async function pendingConfirmation(token: string): Promise<{ planTitle: string; email: string } | null> {
  if (!looksLikeSubscriberToken(token)) return null;
  const subscriber = await db().planSubscriber.findUnique({ where: { confirmTokenHash: hashSubscriberToken(token) }, select: { email: true, plan: { select: { title: true } } } });
  return subscriber ? { planTitle: subscriber.plan.title, email: subscriber.email } : null;
}

export async function confirmSubscription(token: string): Promise<{ planTitle: string }> {
  if (!looksLikeSubscriberToken(token)) throw new AppError("not_found", INVALID_CONFIRM);
  const subscriber = await db().planSubscriber.findUnique({ where: { confirmTokenHash: hashSubscriberToken(token) }, select: { id: true, plan: { select: { title: true } } } });
  if (!subscriber) throw new AppError("not_found", INVALID_CONFIRM);
  // Conditional on the token still being there: two presses confirm once.
  await db().planSubscriber.updateMany({ where: { id: subscriber.id, confirmTokenHash: hashSubscriberToken(token) }, data: { confirmedAt: new Date(), confirmTokenHash: null } });
  return { planTitle: subscriber.plan.title };
}

const INVALID_UNSUBSCRIBE = "This link does not unsubscribe anyone: the address no longer gets these updates, or the link is damaged.";

export async function pendingUnsubscribe(token: string): Promise<{ planTitle: string; email: string } | null> {
  if (!looksLikeSubscriberToken(token)) return null;
  const subscriber = await db().planSubscriber.findUnique({ where: { unsubscribeTokenHash: hashSubscriberToken(token) }, select: { email: true, plan: { select: { title: true } } } });
  return subscriber ? { planTitle: subscriber.plan.title, email: subscriber.email } : null;
}

export async function unsubscribe(token: string): Promise<{ planTitle: string }> {
  if (!looksLikeSubscriberToken(token)) throw new AppError("not_found", INVALID_UNSUBSCRIBE);
  const subscriber = await db().planSubscriber.findUnique({ where: { unsubscribeTokenHash: hashSubscriberToken(token) }, select: { id: true, plan: { select: { title: true } } } });
  if (!subscriber) throw new AppError("not_found", INVALID_UNSUBSCRIBE);
  await db().planSubscriber.deleteMany({ where: { id: subscriber.id } });
  return { planTitle: subscriber.plan.title };
}

/**
 * Subscribing sends mail to an address someone typed, so it is limited: 5 a minute from one
 * client address, and 30 an hour for one plan whoever asks. Counted in memory, shared by the
 * workers of one server, like the change limit (lib/limits/memory-rate-limiter.ts).
 */
const registry = globalThis as unknown as { preflightSubscribeLimiters?: { byAddress: RateLimiterAbstract; byPlan: RateLimiterAbstract } };

function limiters() {
  registry.preflightSubscribeLimiters ??= {
    byAddress: memoryRateLimiter({ keyPrefix: "subscribe-address", points: 5, duration: 60 }),
    byPlan: memoryRateLimiter({ keyPrefix: "subscribe-plan", points: 30, duration: 3600 }),
  };
  return registry.preflightSubscribeLimiters;
}

async function countSubscribeAttempt(clientAddress: string, planId: string): Promise<void> {
  try {
    await limiters().byAddress.consume(clientAddress);
    await limiters().byPlan.consume(planId);
  } catch (error) {
    if (!(error instanceof RateLimiterRes)) throw error;
    const retryAfterSeconds = Math.max(1, Math.ceil(error.msBeforeNext / 1000));
    throw new AppError("rate_limited", `Too many subscriptions were asked for just now. Wait ${retryAfterSeconds} s and try again.`, { retryAfterSeconds });
  }
}
