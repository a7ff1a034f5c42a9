"use client";

import { useState } from "react";
import { keepUnchangedItems } from "@/lib/plans/keep-unchanged-items";
import type { LiveSectionStructure } from "@/lib/plans/plan-view";

/**
 * The structure the server rendered, with unchanged steps keeping their objects across
 * refetches (lib/plans/keep-unchanged-items.ts), so memoized rows skip what did not change.
 * Derived while rendering, as React's docs advise for state that follows a prop.
 */
export function useStableStructure(rendered: LiveSectionStructure[]): LiveSectionStructure[] {
  const [kept, setKept] = useState({ source: rendered, sections: rendered });
  if (kept.source === rendered) return kept.sections;
  const next = { source: rendered, sections: keepUnchangedItems(kept.sections, rendered) };
  setKept(next);
  return next.sections;
}
