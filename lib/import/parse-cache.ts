import type { PlanDocument } from "@/lib/plan-document/schema";
import type { ParseSummary } from "@/lib/import/summary";

interface CachedParse {
  text: string;
  result: { document: PlanDocument; summary: ParseSummary; warnings: string[] };
}

// validatePlanInput has to parse to know whether there is a checklist, and callers then
// parse the same text. Keeping that one result (handed out once) avoids parsing twice.
let cached: CachedParse | undefined;

export function rememberParse(entry: CachedParse): void {
  cached = entry;
}

export function takeRememberedParse(text: string): CachedParse["result"] | undefined {
  if (cached?.text !== text) return undefined;
  const { result } = cached;
  cached = undefined;
  return result;
}
