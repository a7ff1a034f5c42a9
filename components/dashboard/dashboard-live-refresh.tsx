"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState, useSyncExternalStore } from "react";
import { sharedSocket } from "@/components/live/socket-client";
import { isValidAck, isValidServerEvent } from "@/lib/realtime/contract-check";

/** A burst of changes (a plan finishing writes several) becomes one refresh once it has been quiet this long… */
const REFRESH_DEBOUNCE_MS = 250;
/** …but a steady stream during a busy deployment still refreshes at least this often. */
const REFRESH_MAX_WAIT_MS = 1_000;

function subscribeToConnection(notify: () => void) {
  const socket = sharedSocket();
  socket.on("connect", notify);
  socket.on("disconnect", notify);
  return () => {
    socket.off("connect", notify);
    socket.off("disconnect", notify);
  };
}

/**
 * Keeps the server-rendered dashboard current: asks the server for dashboard changes on every
 * (re)connection and re-renders the page through the router when one arrives, so the numbers
 * stay the server's and nothing is recomputed in the browser.
 */
export function DashboardLiveRefresh() {
  const router = useRouter();
  const socketConnected = useSyncExternalStore(subscribeToConnection, () => sharedSocket().connected, () => false);
  // Live only once the server has confirmed the subscription, so a change right after cannot be missed.
  const [watchingSocketId, setWatchingSocketId] = useState<string | null>(null);
  const connected = socketConnected && watchingSocketId !== null && watchingSocketId === sharedSocket().id;

  useEffect(() => {
    const socket = sharedSocket();
    let timer: ReturnType<typeof setTimeout> | undefined;
    let pendingSince: number | undefined;
    let connectedBefore = false;

    const scheduleRefresh = () => {
      clearTimeout(timer);
      pendingSince ??= Date.now();
      const wait = Math.max(0, Math.min(REFRESH_DEBOUNCE_MS, pendingSince + REFRESH_MAX_WAIT_MS - Date.now()));
      timer = setTimeout(() => {
        timer = undefined;
        pendingSince = undefined;
        router.refresh();
      }, wait);
    };
    // The server forgets a socket's subscriptions when it drops, so every connect asks again.
    const watch = () => {
      socket.emit("dashboard:watch", (answer) => {
        if (isValidAck("dashboard:watch", answer)) setWatchingSocketId(socket.id ?? null);
      });
      // Back from a lost connection, the page may have missed changes; the first connect follows the render and has not.
      if (connectedBefore) scheduleRefresh();
      connectedBefore = true;
    };

    socket.on("connect", watch);
    const onChanged = (payload: Record<string, never>) => {
      if (isValidServerEvent("dashboard:changed", payload)) scheduleRefresh();
    };
    socket.on("dashboard:changed", onChanged);
    if (socket.connected) watch();
    return () => {
      socket.off("connect", watch);
      socket.off("dashboard:changed", onChanged);
      socket.emit("dashboard:unwatch");
      clearTimeout(timer);
    };
  }, [router]);

  // Same words and dot as the plan page's connection indicator (components/live/presence-bar.tsx).
  const label = connected ? "Live" : "Connecting…";
  return (
    <p role="status" aria-label={`Connection: ${label}`} data-connection={connected ? "live" : "connecting"} className="inline-flex items-center gap-1.5 text-xs font-medium">
      <span aria-hidden className={`size-2 rounded-full ${connected ? "bg-emerald-500" : "bg-slate-400"}`} />
      {`Connection: ${label}`}
    </p>
  );
}
