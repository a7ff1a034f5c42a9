"use client";

import { useRouter } from "next/navigation";
import { startTransition, useCallback, useRef } from "react";

/**
 * A live page's structure (sections, steps, their text) is rendered by the server, while run
 * state lives in the client. When anyone reshapes the plan, this refetches the server render:
 * React keeps the page's client state (live state, open forms, filters), and a burst of edits
 * (a drag, an undo that restores a section) costs one refetch, not one per event.
 */
export function useStructureRefresh(): () => void {
  const router = useRouter();
  const refreshQueued = useRef(false);
  return useCallback(() => {
    if (refreshQueued.current) return;
    refreshQueued.current = true;
    setTimeout(() => {
      refreshQueued.current = false;
      startTransition(() => router.refresh());
    }, 50);
  }, [router]);
}
