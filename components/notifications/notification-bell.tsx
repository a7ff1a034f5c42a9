"use client";

import { Bell } from "lucide-react";
import Link from "next/link";
import { useCallback, useEffect, useId, useRef, useState, useSyncExternalStore } from "react";
import { sharedSocket } from "@/components/live/socket-client";
import { markRead } from "@/components/notifications/mark-read";
import { isValidServerEvent } from "@/lib/realtime/contract-check";
import type { NotificationPush } from "@/lib/realtime/socket-contract";

export interface BellEntry {
  id: string;
  title: string;
  href: string;
  read: boolean;
  createdAt: string;
}

const SHOWN = 10;

function subscribeToConnection(changed: () => void) {
  const socket = sharedSocket();
  socket.on("connect", changed);
  socket.on("disconnect", changed);
  return () => {
    socket.off("connect", changed);
    socket.off("disconnect", changed);
  };
}

/** What needs you first: unread before read, each newest first. */
function needsYouFirst(entries: BellEntry[]): BellEntry[] {
  return [...entries].sort((a, b) => Number(a.read) - Number(b.read) || b.createdAt.localeCompare(a.createdAt));
}

/**
 * The bell in the header: the unread count (server-rendered, then live over the shared socket:
 * the server pushes `notification:new` to the person's own room), and a panel with the recent
 * notifications, each leading to its exact place and marked read when opened.
 */
export function NotificationBell({ initialUnread }: { initialUnread: number }) {
  const [unread, setUnread] = useState(initialUnread);
  const [entries, setEntries] = useState<BellEntry[] | null>(null);
  const [open, setOpen] = useState(false);
  const live = useSyncExternalStore(subscribeToConnection, () => sharedSocket().connected, () => false);
  const [failed, setFailed] = useState(false);
  const panelId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);

  const load = useCallback(async () => {
    try {
      const response = await fetch("/api/notifications", { cache: "no-store" });
      if (!response.ok) throw new Error(String(response.status));
      const page = (await response.json()) as { items: BellEntry[]; unreadCount: number };
      setEntries(page.items);
      setUnread(page.unreadCount);
      setFailed(false);
    } catch {
      setFailed(true);
    }
  }, []);

  useEffect(() => {
    const socket = sharedSocket();
    const onNew = (push: NotificationPush) => {
      if (!isValidServerEvent("notification:new", push)) return;
      setUnread(push.unreadCount);
      setEntries((current) => (current ? [{ id: push.id, title: push.title, href: push.href, read: false, createdAt: new Date().toISOString() }, ...current.filter((entry) => entry.id !== push.id)] : current));
    };
    // Pushes missed while disconnected: the count is read again on every (re)connection.
    const onConnect = () => void load();
    socket.on("notification:new", onNew);
    socket.on("connect", onConnect);
    return () => {
      socket.off("notification:new", onNew);
      socket.off("connect", onConnect);
    };
  }, [load]);

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape") {
        setOpen(false);
        buttonRef.current?.focus();
      }
    };
    document.addEventListener("pointerdown", onPointer);
    document.addEventListener("keydown", onKey);
    return () => {
      document.removeEventListener("pointerdown", onPointer);
      document.removeEventListener("keydown", onKey);
    };
  }, [open]);

  const toggle = () => {
    const next = !open;
    setOpen(next);
    if (next) void load();
  };

  const openEntry = (entry: BellEntry) => {
    if (entry.read) return;
    setEntries((current) => current?.map((one) => (one.id === entry.id ? { ...one, read: true } : one)) ?? current);
    setUnread((count) => Math.max(0, count - 1));
    void markRead({ ids: [entry.id] }).then((count) => count !== null && setUnread(count));
  };

  const markAll = async () => {
    setEntries((current) => current?.map((one) => ({ ...one, read: true })) ?? current);
    const count = await markRead({ all: true });
    setUnread(count ?? 0);
  };

  const label = unread === 0 ? "Notifications, none unread" : `Notifications, ${unread} unread`;
  return (
    <div ref={rootRef} className="relative" data-testid="notification-bell" data-live={live ? "true" : "false"}>
      <button
        ref={buttonRef}
        type="button"
        onClick={toggle}
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={label}
        className="relative grid size-11 place-items-center rounded-full text-slate-700 hover:bg-slate-100 dark:text-slate-200 dark:hover:bg-slate-800"
      >
        <Bell aria-hidden className="size-5" />
        {unread > 0 ? (
          <span aria-hidden data-testid="unread-count" className="absolute top-1 right-1 min-w-5 rounded-full bg-rose-600 px-1 text-center text-xs leading-5 font-semibold text-white">
            {unread > 99 ? "99+" : unread}
          </span>
        ) : null}
      </button>
      <span className="sr-only" aria-live="polite">
        {unread === 0 ? "" : `${unread} unread notifications`}
      </span>
      {open ? (
        <div id={panelId} role="region" aria-label="Notifications" className="absolute right-0 z-20 mt-2 w-[min(22rem,calc(100vw-2rem))] rounded-lg border border-slate-200 bg-white p-2 shadow-lg dark:border-slate-700 dark:bg-slate-900">
          <div className="flex items-center justify-between gap-2 px-2 py-1">
            <h2 className="text-sm font-semibold">Notifications</h2>
            <button type="button" onClick={() => void markAll()} disabled={unread === 0} className="min-h-11 rounded-md px-3 text-sm text-indigo-700 hover:bg-slate-100 disabled:text-slate-400 dark:text-indigo-300 dark:hover:bg-slate-800">
              Mark all read
            </button>
          </div>
          {failed ? <p className="px-2 py-3 text-sm text-rose-700 dark:text-rose-300">Notifications could not be loaded. Try again in a moment.</p> : null}
          {entries === null && !failed ? <p className="px-2 py-3 text-sm text-slate-600 dark:text-slate-400">Loading…</p> : null}
          {entries?.length === 0 ? <p className="px-2 py-3 text-sm text-slate-600 dark:text-slate-400">Nothing needs you right now.</p> : null}
          {entries && entries.length > 0 ? (
            <ul className="max-h-96 overflow-y-auto">
              {needsYouFirst(entries)
                .slice(0, SHOWN)
                .map((entry) => (
                  <li key={entry.id}>
                    <Link
                      href={entry.href}
                      onClick={() => {
                        openEntry(entry);
                        setOpen(false);
                      }}
                      className={`flex min-h-11 items-center gap-2 rounded-md px-2 py-2 text-sm hover:bg-slate-100 dark:hover:bg-slate-800 ${entry.read ? "text-slate-600 dark:text-slate-400" : "font-semibold"}`}
                    >
                      {entry.read ? null : <span aria-hidden className="size-2 shrink-0 rounded-full bg-indigo-600" />}
                      <span>
                        {entry.read ? null : <span className="sr-only">Unread: </span>}
                        {entry.title}
                      </span>
                    </Link>
                  </li>
                ))}
            </ul>
          ) : null}
          <Link href="/notifications" onClick={() => setOpen(false)} className="mt-1 flex min-h-11 items-center justify-center rounded-md text-sm text-indigo-700 hover:bg-slate-100 dark:text-indigo-300 dark:hover:bg-slate-800">
            See all notifications
          </Link>
        </div>
      ) : null}
    </div>
  );
}
