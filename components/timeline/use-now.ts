"use client";

import { useCallback, useSyncExternalStore } from "react";

/**
 * The current time, ticking every second, from one shared interval. While hydrating, React
 * uses `renderedAt` (the server's clock when it rendered the page), so server and browser
 * render the same text; from then on the browser's clock drives it.
 */
let current = 0;
let timer: ReturnType<typeof setInterval> | undefined;
const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (!timer) {
    current = Date.now();
    timer = setInterval(() => {
      current = Date.now();
      listeners.forEach((notify) => notify());
    }, 1000);
  }
  return () => {
    listeners.delete(listener);
    if (!listeners.size && timer) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

export function useNow(renderedAt: number): number {
  const serverSnapshot = useCallback(() => renderedAt, [renderedAt]);
  const snapshot = useCallback(() => current || renderedAt, [renderedAt]);
  return useSyncExternalStore(subscribe, snapshot, serverSnapshot);
}
