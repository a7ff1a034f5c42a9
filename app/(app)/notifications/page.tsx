import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { NotificationListEntry } from "@/components/notifications/notification-list-entry";
import { requireUser } from "@/lib/auth/current-user";
import { listNotifications } from "@/lib/notifications/user-notifications";

export const metadata: Metadata = { title: "Notifications" };

const searchSchema = z.object({ cursor: z.string().min(1).max(100).optional().catch(undefined) });

/** Every notification of the signed-in person, newest first, a page at a time. */
export default async function NotificationsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser();
  const { cursor } = searchSchema.parse(await searchParams);
  const page = await listNotifications(user.id, { cursor });
  return (
    <main className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-2">
        <h1 className="text-2xl font-semibold tracking-tight">Notifications</h1>
        <Link href="/settings/notifications" className="inline-flex min-h-11 items-center text-sm text-indigo-700 underline dark:text-indigo-300">
          Notification settings
        </Link>
      </div>
      {page.items.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">{cursor ? "No more notifications." : "No notifications yet. When something needs you, it appears here and under the bell."}</p>
      ) : (
        <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 dark:divide-slate-800 dark:border-slate-800">
          {page.items.map((item) => (
            <li key={item.id}>
              <NotificationListEntry entry={item} />
            </li>
          ))}
        </ul>
      )}
      <nav aria-label="Pages" className="flex gap-4 text-sm">
        {cursor ? (
          <Link href="/notifications" className="inline-flex min-h-11 items-center text-indigo-700 underline dark:text-indigo-300">
            Newest
          </Link>
        ) : null}
        {page.nextCursor ? (
          <Link href={`/notifications?cursor=${encodeURIComponent(page.nextCursor)}`} className="inline-flex min-h-11 items-center text-indigo-700 underline dark:text-indigo-300">
            Older
          </Link>
        ) : null}
      </nav>
    </main>
  );
}
