import { z } from "zod";
import { db } from "@/lib/db";
import type { NotificationDelivery, NotificationKind } from "@/lib/generated/prisma/enums";
import { NOTIFICATION_KINDS } from "@/lib/notifications/notification-kinds";
import { readUnsubscribeToken } from "@/lib/notifications/unsubscribe-link";

/**
 * A person's own notifications and preferences: every function takes the signed-in person's
 * id and touches only their rows, so another person's id in a request changes nothing and
 * reveals nothing.
 */

export interface NotificationEntry {
  id: string;
  kind: NotificationKind;
  title: string;
  body: string;
  href: string;
  read: boolean;
  createdAt: string;
}

export interface NotificationPage {
  items: NotificationEntry[];
  /** The id of the last item, to ask for the next page with; null on the last page. */
  nextCursor: string | null;
}

export const PAGE_SIZE = 20;
const MAX_PAGE_SIZE = 50;

/** Newest first, a page at a time (keyset on createdAt and id, so new arrivals do not shift the pages). */
export async function listNotifications(userId: string, options: { cursor?: string | null; limit?: number } = {}): Promise<NotificationPage> {
  const limit = Math.min(Math.max(options.limit ?? PAGE_SIZE, 1), MAX_PAGE_SIZE);
  let after: { createdAt: Date; id: string } | null = null;
  if (options.cursor) {
    // Only the caller's own notification can be a cursor; any other id reads as the end.
    after = await db().notification.findFirst({ where: { id: options.cursor, userId }, select: { createdAt: true, id: true } });
    if (!after) return { items: [], nextCursor: null };
  }
  const rows = await db().notification.findMany({
    where: {
      userId,
      ...(after ? { OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }] } : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    select: { id: true, kind: true, title: true, body: true, href: true, readAt: true, createdAt: true },
  });
  const items = rows.slice(0, limit).map((row) => ({ id: row.id, kind: row.kind, title: row.title, body: row.body, href: row.href, read: row.readAt !== null, createdAt: row.createdAt.toISOString() }));
  return { items, nextCursor: rows.length > limit ? items[items.length - 1]!.id : null };
}

export function unreadNotificationCount(userId: string): Promise<number> {
  return db().notification.count({ where: { userId, readAt: null } });
}

export const markReadSchema = z.union([
  z.object({ all: z.literal(true) }).strict(),
  z.object({ ids: z.array(z.string().min(1).max(100)).min(1, { error: "Say which notifications to mark read." }).max(100) }).strict(),
]);
export type MarkRead = z.infer<typeof markReadSchema>;

/** Marks the caller's own notifications read (ids of anyone else's are ignored); returns their unread count after. */
export async function markNotificationsRead(userId: string, which: MarkRead): Promise<{ unreadCount: number }> {
  await db().notification.updateMany({
    where: { userId, readAt: null, ...("ids" in which ? { id: { in: which.ids } } : {}) },
    data: { readAt: new Date() },
  });
  return { unreadCount: await unreadNotificationCount(userId) };
}

export interface KindPreference {
  kind: NotificationKind;
  label: string;
  description: string;
  delivery: NotificationDelivery;
}

/** Every kind with the person's choice, or the default where they made none. */
export async function notificationPreferencesOf(userId: string): Promise<KindPreference[]> {
  const chosen = await db().notificationPreference.findMany({ where: { userId }, select: { kind: true, delivery: true } });
  const byKind = new Map(chosen.map((row) => [row.kind, row.delivery]));
  return NOTIFICATION_KINDS.map((entry) => ({ kind: entry.kind, label: entry.label, description: entry.description, delivery: byKind.get(entry.kind) ?? entry.defaultDelivery }));
}

const kinds = NOTIFICATION_KINDS.map((entry) => entry.kind) as [NotificationKind, ...NotificationKind[]];
export const preferenceSchema = z.object({
  kind: z.enum(kinds, { error: "Choose a kind of notification." }),
  delivery: z.enum(["EMAIL_AND_APP", "APP_ONLY", "OFF"], { error: "Choose email and in app, in app only, or off." }),
});

export async function setNotificationPreference(userId: string, choice: z.infer<typeof preferenceSchema>): Promise<void> {
  await db().notificationPreference.upsert({
    where: { userId_kind: { userId, kind: choice.kind } },
    create: { userId, kind: choice.kind, delivery: choice.delivery },
    update: { delivery: choice.delivery },
  });
}

export type UnsubscribeOutcome = { ok: true; label: string } | { ok: false; message: string };

/** What an unsubscribe link is about, without changing anything (the confirm page's GET). */
export function describeUnsubscribeToken(token: string): UnsubscribeOutcome {
  const verified = readUnsubscribeToken(token);
  if (!verified.ok) {
    return { ok: false, message: verified.reason === "expired" ? "This unsubscribe link has expired. Change your notification settings in Preflight instead." : "This unsubscribe link is not valid. Change your notification settings in Preflight instead." };
  }
  const entry = NOTIFICATION_KINDS.find((one) => one.kind === verified.payload.kind);
  if (!entry) return { ok: false, message: "This unsubscribe link is not valid. Change your notification settings in Preflight instead." };
  return { ok: true, label: entry.label };
}

/**
 * The unsubscribe link's POST (the confirm page's button, or a mail client's RFC 8058 one-click):
 * that kind's email stops for the token's person; the bell keeps it, and a kind they switched
 * off stays off.
 */
export async function unsubscribeWithToken(token: string): Promise<UnsubscribeOutcome> {
  const described = describeUnsubscribeToken(token);
  if (!described.ok) return described;
  const verified = readUnsubscribeToken(token);
  if (!verified.ok) return { ok: false, message: "This unsubscribe link is not valid." };
  const kind = verified.payload.kind as NotificationKind;
  const { userId } = verified.payload;
  const current = await db().notificationPreference.findUnique({ where: { userId_kind: { userId, kind } }, select: { delivery: true } });
  if (current?.delivery === "OFF") return described;
  // A person deleted since the mail went out has nothing to change.
  await db().notificationPreference.upsert({ where: { userId_kind: { userId, kind } }, create: { userId, kind, delivery: "APP_ONLY" }, update: { delivery: "APP_ONLY" } }).catch((error: unknown) => {
    if ((error as { code?: string }).code !== "P2003") throw error;
  });
  return described;
}

export const notificationsQuerySchema = z.object({
  cursor: z.string().min(1).max(100).optional().describe("The `nextCursor` of the previous page."),
});

/** The API's form of one entry and a page, for the OpenAPI document. */
export const notificationEntrySchema = z.object({ id: z.string(), kind: z.string(), title: z.string(), body: z.string(), href: z.string(), read: z.boolean(), createdAt: z.string() });

export type PreferencesFormState = { error?: string; notice?: string; savedAt?: number };

/** The settings form: one choice per kind, named by the kind; a kind left out keeps its setting. */
export function parsePreferencesForm(formData: FormData): { ok: true; choices: z.infer<typeof preferenceSchema>[] } | { ok: false; error: string } {
  const choices: z.infer<typeof preferenceSchema>[] = [];
  for (const entry of NOTIFICATION_KINDS) {
    const delivery = formData.get(entry.kind);
    if (delivery === null) continue;
    const parsed = preferenceSchema.safeParse({ kind: entry.kind, delivery });
    if (!parsed.success) return { ok: false, error: `${entry.label}: choose email and in app, in app only, or off.` };
    choices.push(parsed.data);
  }
  if (choices.length === 0) return { ok: false, error: "Choose how each kind of notification should reach you." };
  return { ok: true, choices };
}

/** Saves several choices at once: all of them or none. */
export async function setNotificationPreferences(userId: string, choices: z.infer<typeof preferenceSchema>[]): Promise<void> {
  await db().$transaction(
    choices.map((choice) =>
      db().notificationPreference.upsert({
        where: { userId_kind: { userId, kind: choice.kind } },
        create: { userId, kind: choice.kind, delivery: choice.delivery },
        update: { delivery: choice.delivery },
      }),
    ),
  );
}
