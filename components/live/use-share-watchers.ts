"use client";

import { useEffect, useState } from "react";
import { sharedSocket } from "@/components/live/socket-client";
import { PRESENCE_EXPIRY_MS, PRESENCE_REFRESH_MS } from "@/lib/realtime/presence";
import type { WatcherCount } from "@/lib/share/redact-for-share";
import { isValidServerEvent } from "@/lib/realtime/contract-check";

/**
 * How many are watching the plan, for a share page: each app process sends its own count
 * (never names), and the page adds up the latest of each, leaving out processes gone quiet.
 */
export function useShareWatchers(planId: string, enabled: boolean): number | null {
  const [bySource, setBySource] = useState<Record<string, { watching: number; receivedAt: number }>>({});
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!enabled) return;
    const socket = sharedSocket();
    const onCount = (count: WatcherCount) => {
      if (!isValidServerEvent("plan:watching", count) || count.planId !== planId) return;
      const receivedAt = Date.now();
      setBySource((current) => ({ ...current, [count.source]: { watching: count.watching, receivedAt } }));
      setNow(receivedAt);
    };
    socket.on("plan:watching", onCount);
    const timer = setInterval(() => setNow(Date.now()), PRESENCE_REFRESH_MS);
    return () => {
      socket.off("plan:watching", onCount);
      clearInterval(timer);
    };
  }, [planId, enabled]);
  const fresh = Object.values(bySource).filter((entry) => now - entry.receivedAt <= PRESENCE_EXPIRY_MS);
  return fresh.length ? fresh.reduce((sum, entry) => sum + entry.watching, 0) : null;
}
