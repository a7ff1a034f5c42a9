"use client";

import Link from "next/link";
import { useState } from "react";
import { markRead } from "@/components/notifications/mark-read";
import type { NotificationEntry } from "@/lib/notifications/user-notifications";

/** One row of the notifications page: unread in bold, marked read when opened. */
export function NotificationListEntry({ entry }: { entry: NotificationEntry }) {
  const [read, setRead] = useState(entry.read);
  return (
    <Link
      href={entry.href}
      onClick={() => {
        if (read) return;
        setRead(true);
        void markRead({ ids: [entry.id] });
      }}
      className="flex min-h-11 flex-col gap-0.5 px-4 py-3 hover:bg-slate-50 dark:hover:bg-slate-900"
    >
      <span className={read ? "text-slate-700 dark:text-slate-300" : "font-semibold"}>
        {read ? null : <span className="sr-only">Unread: </span>}
        {entry.title}
      </span>
      {entry.body ? <span className="text-sm text-slate-600 dark:text-slate-400">{entry.body}</span> : null}
      <time dateTime={entry.createdAt} className="text-xs text-slate-500 dark:text-slate-400">
        {new Date(entry.createdAt).toUTCString()}
      </time>
    </Link>
  );
}
