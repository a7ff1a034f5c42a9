"use client";

/** Marks notifications read through the API; the unread count after, or null when it did not go through. */
export async function markRead(which: { ids: string[] } | { all: true }): Promise<number | null> {
  try {
    // keepalive: opening an entry navigates away at once; the request still completes.
    const response = await fetch("/api/notifications/read", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(which), keepalive: true });
    if (!response.ok) return null;
    return ((await response.json()) as { unreadCount: number }).unreadCount;
  } catch {
    return null;
  }
}
